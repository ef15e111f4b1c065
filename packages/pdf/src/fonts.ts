/**
 * Fonts from npm packages (Noto Serif SC and Noto Sans SC, OFL-1.1), never from the system:
 * read and parsed once per process and shared by every document (TOOLCHAIN.md: a shared parsed
 * font halves the time per document). Serif stands in for 小标宋/仿宋, sans for 黑体.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

export interface FontSet {
  /** Body text (仿宋 stand-in). */
  serif: fontkit.Font;
  /** Titles (小标宋 stand-in). */
  serifBold: fontkit.Font;
  /** First-level headings (黑体 stand-in). */
  sansBold: fontkit.Font;
}

let cached: FontSet | undefined;
const require = createRequire(import.meta.url);

function load(path: string): fontkit.Font {
  const font = fontkit.create(readFileSync(require.resolve(path))) as fontkit.Font;
  memoiseGlyphDecoding(font);
  return font;
}

/**
 * pdfkit subsets the fonts for every document, and fontkit decodes each glyph's outline anew
 * each time (to find composite glyphs): with one shared parsed font per process the decoded
 * outline is the same every time, so it is kept on the glyph (fontkit caches the glyph objects
 * themselves). The decoded data is only read, never changed, by fontkit. Measured: about a tenth
 * of the time of a plan.
 */
function memoiseGlyphDecoding(font: fontkit.Font): void {
  const proto = Object.getPrototypeOf(font.getGlyph(0)) as { _decode?: () => unknown; __liujinMemo?: boolean };
  if (typeof proto._decode !== 'function' || proto.__liujinMemo) return;
  const decode = proto._decode;
  proto._decode = function (this: { __liujinDecoded?: unknown }) {
    if (!('__liujinDecoded' in this)) this.__liujinDecoded = decode.call(this);
    return this.__liujinDecoded;
  };
  proto.__liujinMemo = true;
}

/** The Noto SC fonts the templates use, parsed once. */
export function fonts(): FontSet {
  cached ??= {
    serif: load('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
    serifBold: load('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
    sansBold: load('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  };
  return cached;
}

/** Characters of `text` the fonts cannot draw (they would print as blank boxes). */
export function missingCharacters(text: string, font: fontkit.Font = fonts().serif): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (!font.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

/** The declared fallback for characters outside the fonts: a visible 〓 (geta mark), never a blank. */
export const FALLBACK_CHARACTER = '〓';

/** Control characters and bidi overrides are removed: they would reorder or hide printed text. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
}
