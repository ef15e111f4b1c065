/**
 * Line breaking for Chinese documents: every line is measured against the width it must fit, so
 * nothing runs past the text block (issue #21). CJK characters break anywhere; Latin words and
 * numbers stay whole unless a single word is wider than the line, then they break by character.
 * Closing punctuation never starts a line and opening punctuation never ends one (GB/T 15834
 * 标点符号用法 §5: 句号、逗号、顿号…不出现在一行之首); the character it pulls along still fits,
 * because the break moves one character earlier rather than letting the line overhang.
 */
import type * as fontkit from 'fontkit';

const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);
const WORD = /[\p{Script=Latin}\p{Nd}'’@._\-/#+&]/u;

/** Advance widths per character, cached per font (the same parsed font serves every document). */
export class Measurer {
  private readonly widths = new Map<fontkit.Font, Map<string, number>>();

  /** Width of `text` in points at `size`, without kerning (an upper bound of what is drawn). */
  width(font: fontkit.Font, text: string, size: number): number {
    let table = this.widths.get(font);
    if (!table) this.widths.set(font, (table = new Map()));
    let units = 0;
    for (const ch of text) {
      let w = table.get(ch);
      if (w === undefined) {
        w = font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / font.unitsPerEm;
        table.set(ch, w);
      }
      units += w;
    }
    return units * size;
  }

  /** Splits `text` into lines no wider than `width`; explicit newlines are kept. */
  wrap(font: fontkit.Font, text: string, size: number, width: number, firstIndent = 0): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      const tokens = tokenize(paragraph);
      let line = '';
      let lineWidth = firstIndent;
      const push = () => {
        lines.push(line.trimEnd());
        line = '';
        lineWidth = 0;
      };
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        const w = this.width(font, token, size);
        if (lineWidth + w <= width) {
          line += token;
          lineWidth += w;
          continue;
        }
        if (token.trim() === '') continue; // a space at a break disappears
        if (w > width || (line === '' && w > width)) {
          // A word wider than a line: break it by character.
          for (const ch of token) {
            const cw = this.width(font, ch, size);
            if (lineWidth + cw > width && line !== '') push();
            line += ch;
            lineWidth += cw;
          }
          continue;
        }
        // Kinsoku: keep closing punctuation off the next line's start, opening off this line's end.
        if (NO_LINE_START.has(token[0]!) && line.length > 1) {
          const chars = [...line];
          const last = chars.pop()!;
          line = chars.join('');
          push();
          line = last;
          lineWidth = this.width(font, last, size);
        } else if (line !== '') {
          let carry = '';
          const chars = [...line];
          while (chars.length > 1 && NO_LINE_END.has(chars[chars.length - 1]!)) carry = chars.pop()! + carry;
          line = chars.join('');
          push();
          line = carry;
          lineWidth = this.width(font, carry, size);
        }
        line += token;
        lineWidth += w;
      }
      if (line !== '' || lines.length === 0 || paragraph === '') push();
    }
    return lines;
  }
}

/** Latin words (with a trailing space) stay together; every other character is its own token. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const ch of text) {
    if (WORD.test(ch)) {
      word += ch;
      continue;
    }
    if (word) tokens.push(word);
    word = '';
    tokens.push(ch);
  }
  if (word) tokens.push(word);
  return tokens;
}
