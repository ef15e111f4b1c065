/**
 * What every command shares: language, output streams, colours, exit codes and errors.
 * The CLI is thin (ARCHITECTURE.md): it parses arguments, reads and writes files and calls the
 * packages' public APIs; no domain logic lives here.
 */
import type { LocalizedText, Problem } from '@liujin/core';
import pc from 'picocolors';

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
  progress(label: string, total: number): Progress;
  readonly color: { bold(s: string): string; dim(s: string): string; red(s: string): string; yellow(s: string): string; green(s: string): string };
}

interface Progress {
  tick(n?: number): void;
  done(): void;
}

export function createOutput(options: GlobalOptions): Output {
  const useColor = colorsEnabled(process.stdout);
  const c = pc.createColors(useColor);
  const errColor = pc.createColors(colorsEnabled(process.stderr));
  const showProgress = !options.quiet && Boolean(process.stderr.isTTY) && !process.env.CI;
  return {
    lang: options.lang,
    quiet: options.quiet,
    json: options.json,
    t: (text) => text[options.lang],
    info(line) {
      if (!options.quiet && !options.json) process.stdout.write(`${line}\n`);
    },
    data(value) {
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    warn(line) {
      if (!options.quiet) process.stderr.write(`${errColor.yellow(options.lang === 'zh' ? '警告' : 'warning')}: ${line}\n`);
    },
    error(line) {
      process.stderr.write(`${errColor.red(options.lang === 'zh' ? '错误' : 'error')}: ${line}\n`);
    },
    progress(label, total) {
      return showProgress ? terminalProgress(label, total) : { tick() {}, done() {} };
    },
    color: { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green },
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
