/**
 * What every command shares: language, output streams, colours, exit codes and errors.
 * The CLI is thin (ARCHITECTURE.md): it parses arguments, reads and writes files and calls the
 * packages' public APIs; no domain logic lives here.
 */
import { randomBytes } from 'node:crypto';
import type { LocalizedText, Problem } from '@liujin/core';
import { neutraliseControls } from '@liujin/core/text';

export type Lang = 'zh' | 'en';

/** Documented exit codes (docs/cli.md). */
export const EXIT = { ok: 0, targetNotMet: 1, badInput: 2, internal: 3 } as const;

/** Bad input the user can fix: reported with every problem, exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly problems: readonly Problem[],
    summary: LocalizedText = { zh: '输入有误', en: 'invalid input' },
  ) {
    super(summary.en);
    this.summary = summary;
  }
  readonly summary: LocalizedText;
  /** The records that did parse, when the file had bad rows: `validate` still checks them against the other files. */
  partial?: unknown;
  /** Ids of every record of a failed registry, good rows and bad: other files naming them are not "unknown unit". */
  knownIds?: readonly string[];
}

export interface GlobalOptions {
  lang: Lang;
  quiet: boolean;
  json: boolean;
}

/** The default language: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG), else Chinese. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^en/i.test(locale)) return 'en';
  return 'zh';
}

function colorsEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  return !('NO_COLOR' in process.env) && Boolean(stream.isTTY);
}

export interface Output {
  readonly lang: Lang;
  readonly quiet: boolean;
  readonly json: boolean;
  /** Text for the current language. */
  t(text: LocalizedText): string;
  /** Normal output (suppressed by --quiet, never mixed with --json output). */
  info(line: string): void;
  /** Machine-readable output for --json. */
  data(value: unknown): void;
  warn(line: string): void;
  error(line: string): void;
  /** A warning printed even with --quiet (e.g. a server reachable from the network). */
  loud(line: string): void;
  progress(label: string, total: number): Progress;
  readonly color: { bold(s: string): string; dim(s: string): string; red(s: string): string; yellow(s: string): string; green(s: string): string };
}

interface Progress {
  tick(n?: number): void;
  done(): void;
}

/**
 * Colour codes are never built from text: each colour function wraps its text in markers holding
 * a per-process random nonce, every other control or bidi character is made visible
 * (`\u001B`), then the markers become SGR codes, only when the stream is a terminal wanting
 * colour. So a unit name holding ESC, BEL or U+202E never reaches the terminal raw (issue #14 §5).
 */
const NONCE = randomBytes(9).toString('hex');
const MARK = new RegExp(`\u0000${NONCE}:(\\d+)\u0000`, 'g');
const mark = (open: number, close: number) => (text: string) => `\u0000${NONCE}:${open}\u0000${text}\u0000${NONCE}:${close}\u0000`;
const palette = { bold: mark(1, 22), dim: mark(2, 22), red: mark(31, 39), yellow: mark(33, 39), green: mark(32, 39) };

/** Text for a terminal or a log: controls and bidi characters visible; liujin's own colours only when `color`. */
function terminalText(text: string, color: boolean): string {
  return text
    .split(MARK)
    .map((part, i) => (i % 2 === 1 ? (color ? `\u001b[${part}m` : '') : neutraliseControls(part.replace(/\r/g, '\\u000D'))))
    .join('');
}

/** JSON for stdout: JSON.stringify, with the C1 controls, bidi characters and line separators it leaves raw escaped too. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function writeOut(text: string): void {
  process.stdout.write(terminalText(text, colorsEnabled(process.stdout)));
}

export function writeErr(text: string): void {
  process.stderr.write(terminalText(text, colorsEnabled(process.stderr)));
}

export function createOutput(options: GlobalOptions): Output {
  const showProgress = !options.quiet && Boolean(process.stderr.isTTY) && !process.env.CI;
  const warnLabel = () => palette.yellow(options.lang === 'zh' ? '警告' : 'warning');
  return {
    lang: options.lang,
    quiet: options.quiet,
    json: options.json,
    t: (text) => text[options.lang],
    info(line) {
      if (!options.quiet && !options.json) writeOut(`${line}\n`);
    },
    data(value) {
      process.stdout.write(`${jsonText(value)}\n`);
    },
    warn(line) {
      if (!options.quiet) writeErr(`${warnLabel()}: ${line}\n`);
    },
    loud(line) {
      writeErr(`${palette.bold(warnLabel())}: ${palette.bold(line)}\n`);
    },
    error(line) {
      writeErr(`${palette.red(options.lang === 'zh' ? '错误' : 'error')}: ${line}\n`);
    },
    progress(label, total) {
      return showProgress ? terminalProgress(label, total) : { tick() {}, done() {} };
    },
    color: palette,
  };
}

/** A one-line progress bar on stderr, only when it is a terminal and not in CI. */
function terminalProgress(label: string, total: number): Progress {
  let count = 0;
  let last = 0;
  const draw = () => {
    const width = 24;
    const share = total > 0 ? Math.min(1, count / total) : 1;
    const filled = Math.round(share * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total}`);
  };
  return {
    tick(n = 1) {
      count += n;
      const now = Date.now();
      if (now - last > 80 || count >= total) {
        last = now;
        draw();
      }
    },
    done() {
      draw();
      process.stderr.write('\n');
    },
  };
}
