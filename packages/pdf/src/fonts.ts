/**
 * The three faces a plan uses (Noto Serif SC Regular and Bold, Noto Sans SC Bold; OFL-1.1), read
 * and parsed once per process and shared by every document (TOOLCHAIN.md: a shared parsed font
 * halves the time per document). Serif stands in for 仿宋/小标宋, sans bold for 黑体.
 *
 * Where the files come from, first found wins (docs/templates.md "Fonts"):
 * 1. the `fonts` option of the exporter (a directory or three file paths);
 * 2. the `LIUJIN_FONT_DIR` environment variable (a directory);
 * 3. the optional package `@liujin/fonts-noto-sc` (only the three faces, about 40 MB, instead of
 *    every weight of two families, 206 MB): installed, it is an explicit choice and gives the
 *    same bytes on every machine;
 * 4. the `@expo-google-fonts/noto-serif-sc` and `noto-sans-sc` packages (a development checkout);
 * 5. the system's Noto CJK collections (Debian `fonts-noto-cjk`, `/usr/share/fonts/opentype/noto`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

export interface FontSet {
  /** Body text (仿宋 stand-in). */
  serif: fontkit.Font;
  /** Titles (小标宋 stand-in). */
  serifBold: fontkit.Font;
  /** First-level headings and 附件 (黑体 stand-in). */
  sansBold: fontkit.Font;
}

/** A directory holding the three files by their shipped names, or one path per face (`path#PostScriptName` for a collection). */
export type FontSource = string | { serif: string; serifBold: string; sansBold: string };

/** The file names of the three font faces the templates use. */
export const FONT_FILES = { serif: 'NotoSerifSC-Regular.ttf', serifBold: 'NotoSerifSC-Bold.ttf', sansBold: 'NotoSansSC-Bold.ttf' } as const;
/** The environment variable naming a folder that holds {@link FONT_FILES}. */
export const FONT_DIR_ENV = 'LIUJIN_FONT_DIR';

type Paths = Record<keyof FontSet, string>;
const require = createRequire(import.meta.url);
const cache = new Map<string, FontSet>();

function inDir(dir: string): Paths {
  return { serif: join(dir, FONT_FILES.serif), serifBold: join(dir, FONT_FILES.serifBold), sansBold: join(dir, FONT_FILES.sansBold) };
}
const complete = (p: Paths) => Object.values(p).every((f) => existsSync(f.replace(/#.*$/, '')));

function expoPackages(): Paths | undefined {
  try {
    return {
      serif: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
      serifBold: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
      sansBold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
    };
  } catch {
    return undefined;
  }
}

const SYSTEM = '/usr/share/fonts/opentype/noto';
const system: Paths = { serif: `${SYSTEM}/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`, serifBold: `${SYSTEM}/NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold`, sansBold: `${SYSTEM}/NotoSansCJK-Bold.ttc#NotoSansCJKsc-Bold` };

/** Thrown when no complete set of faces is found: says where it looked and how to point at fonts. */
export class FontsNotFoundError extends Error {
  override readonly name = 'FontsNotFoundError';
  constructor(readonly looked: readonly string[]) {
    super(`no Chinese fonts found (looked in: ${looked.join('; ')}); install @liujin/fonts-noto-sc, pass the exporter option "fonts", or set ${FONT_DIR_ENV} to a directory holding ${Object.values(FONT_FILES).join(', ')}`);
  }
}

/** The files the fonts are read from, by the resolution order above. */
export function resolveFontPaths(source?: FontSource, env: NodeJS.ProcessEnv = process.env): Paths {
  if (source !== undefined) {
    // An explicit choice is never silently replaced by another font.
    const paths = typeof source === 'string' ? inDir(source) : source;
    if (!complete(paths)) throw new FontsNotFoundError([`option fonts: ${Object.values(paths).join(', ')}`]);
    return paths;
  }
  if (env[FONT_DIR_ENV]) {
    const paths = inDir(env[FONT_DIR_ENV]);
    if (!complete(paths)) throw new FontsNotFoundError([`${FONT_DIR_ENV}=${env[FONT_DIR_ENV]}`]);
    return paths;
  }
  const candidates: [string, Paths | undefined][] = [
    ['@liujin/fonts-noto-sc', fontPackage()],
    ['@expo-google-fonts/noto-serif-sc, noto-sans-sc', expoPackages()],
    [`system Noto CJK (${SYSTEM})`, system],
  ];
  for (const [, paths] of candidates) if (paths && complete(paths)) return paths;
  throw new FontsNotFoundError(candidates.map(([where]) => where));
}

/** The optional `@liujin/fonts-noto-sc` package, if installed (and built, in a checkout). */
function fontPackage(): Paths | undefined {
  try {
    return inDir(join(dirname(require.resolve('@liujin/fonts-noto-sc/package.json')), 'dist'));
  } catch {
    return undefined;
  }
}

function load(path: string): fontkit.Font {
  const [file, postscriptName] = path.split('#') as [string, string | undefined];
  const font = (postscriptName ? fontkit.create(readFileSync(file), postscriptName) : fontkit.create(readFileSync(file))) as fontkit.Font;
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

/** The parsed faces, by the resolution order; parsed once per set of files and shared. */
export function fonts(source?: FontSource): FontSet {
  const paths = resolveFontPaths(source);
  const key = JSON.stringify(paths);
  let set = cache.get(key);
  if (!set) {
    set = { serif: load(paths.serif), serifBold: load(paths.serifBold), sansBold: load(paths.sansBold) };
    cache.set(key, set);
  }
  return set;
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
