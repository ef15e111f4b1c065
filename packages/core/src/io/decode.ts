/**
 * Text from bytes as Chinese spreadsheet users save it: UTF-8 with or without BOM, GBK /
 * GB18030 (Excel's "CSV" on Chinese Windows), or UTF-16 with a BOM (Excel's "Unicode text").
 * Strict decoding: nothing is replaced silently.
 */
import { problem, type Problem } from '../model/problem';

/**
 * Text encodings liujin reads: UTF-8 (with or without BOM), GB18030 (which covers GBK and GB2312) and UTF-16.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Decodes file bytes, detecting the encoding from a BOM or by trying UTF-8 then GB18030; undecodable bytes are a problem.
 */
export function decodeText(bytes: Uint8Array, file?: string): { text: string; encoding: TextEncoding } | { problem: Problem } {
  const utf16 = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2)), encoding: utf16 };
    } catch {
      return { problem: problem('unknown_encoding', { zh: `文件以 ${utf16.toUpperCase()} 标记开头，但内容不是有效的 ${utf16.toUpperCase()} 文本`, en: `the file starts with a ${utf16.toUpperCase()} byte-order mark but is not valid ${utf16.toUpperCase()} text` }, file ? { file } : {}) };
    }
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // not UTF-8: try GB18030, the superset of GBK
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
  } catch {
    return {
      problem: problem(
        'unknown_encoding',
        { zh: '文件编码无法识别：请另存为 UTF-8 或 GBK 编码的 CSV', en: 'unrecognised text encoding: save the file as UTF-8 or GBK CSV' },
        file ? { file } : {},
      ),
    };
  }
}
