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
    // not UTF-8: try GB18030, the superset of GBK, unless some lines are UTF-8 and others not
  }
  const mixed = mixedLines(bom ? bytes.subarray(3) : bytes);
  if (mixed) {
    const shown = mixed.slice(0, 20).join('、');
    const more = mixed.length > 20 ? ` 等 ${mixed.length} 行` : '';
    const moreEn = mixed.length > 20 ? ` and ${mixed.length - 20} more` : '';
    return {
      problem: problem(
        'mixed_encoding',
        {
          zh: `文件大部分是 UTF-8 编码，但第 ${shown} 行${more}不是（可能是 GBK，例如从另一个表格粘贴而来）。为免中文变成乱码，未读取：请把整个文件另存为同一种编码（UTF-8）`,
          en: `the file is mostly UTF-8, but line(s) ${mixed.slice(0, 20).join(', ')}${moreEn} are not (GBK, perhaps pasted from another sheet). Not read, so no Chinese text is garbled: save the whole file in one encoding (UTF-8)`,
        },
        { ...(file ? { file } : {}), row: mixed[0]! },
      ),
    };
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

/**
 * Line numbers (1-based) that are not valid UTF-8 when other lines holding non-ASCII text are:
 * a file saved in two encodings. Undefined when the file is consistently in one encoding.
 */
function mixedLines(bytes: Uint8Array): number[] | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const bad: number[] = [];
  let utf8Text = false;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const piece = bytes.subarray(start, i);
    if (piece.some((b) => b >= 0x80)) {
      try {
        decoder.decode(piece);
        utf8Text = true;
      } catch {
        bad.push(line);
      }
    }
    line++;
    start = i + 1;
  }
  return utf8Text && bad.length > 0 ? bad : undefined;
}
