import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { localizeUsageError } from './usage-errors';
import type { LocalizedText, Problem } from '@liujin/core';
import { COMMANDS, buildProgram, loadChoices } from './program';
import { EXIT, InputError, createOutput, defaultLang, writeErr, type Lang } from './runtime';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return value === 'en' || value === 'zh' ? value : defaultLang();
}

/** Problems listed at most; the rest are counted (issue #14 §2). */
const LISTED = 1000;

/**
 * The one shape of an error under --json (docs/cli.md, "Errors under --json"): stdout always
 * carries a JSON answer, so a script never parses an empty output. `problems` are the same
 * objects `validate --json` lists (code, severity, path, message in zh and en, file, row, column).
 */
export function errorJson(exitCode: number, summary: LocalizedText, problems: readonly Problem[], lang: Lang): unknown {
  return { ok: false, exitCode, error: summary[lang], problems: problems.slice(0, LISTED), more: Math.max(0, problems.length - LISTED) };
}

/** A closed stdout (`liujin plan | head -1`) ends the run quietly, as other command-line tools do. */
let pipeWatched = false;
function quietOnBrokenPipe(): void {
  // Once per process: `main` may run many times in one process (embedding, the in-process test runner).
  if (pipeWatched) return;
  pipeWatched = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

/** Runs the CLI and returns the exit code: 0 ok, 1 a target not met, 2 bad input, 3 internal error. */
export async function main(argv: readonly string[]): Promise<number> {
  quietOnBrokenPipe();
  let code: number = EXIT.ok;
  const json = argv.includes('--json');
  try {
    // The allowed values of the command that runs, read from its packages.
    const name = argv.find((a) => COMMANDS.some((c) => c.name === a));
    const choices = name !== undefined ? await loadChoices([name]) : {};
    const program = buildProgram(version(), (result) => {
      code = result;
    }, { choices });
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    const lang = langFromArgv(argv);
    const out = createOutput({ lang, quiet: false, json });
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors are bad input.
      if (error.exitCode === 0) return EXIT.ok;
      if (json) out.data(errorJson(EXIT.badInput, { zh: '命令行用法有误', en: 'usage error' }, [{ code: error.code, severity: 'error', path: [], message: { zh: localizeUsageError(error.message, 'zh'), en: error.message } }], lang));
      return EXIT.badInput;
    }
    if (error instanceof InputError) {
      const { formatProblem } = await import('@liujin/core');
      out.error(`${error.summary[lang]} (${error.problems.length}):`);
      for (const p of error.problems.slice(0, LISTED)) writeErr(`  - ${formatProblem(p, lang)}\n`);
      if (error.problems.length > LISTED) writeErr(`  … ${lang === 'zh' ? `另有 ${error.problems.length - LISTED} 个问题未列出` : `${error.problems.length - LISTED} more problems not listed`}\n`);
      if (json) out.data(errorJson(EXIT.badInput, error.summary, error.problems, lang));
      return EXIT.badInput;
    }
    const message = `${lang === 'zh' ? '内部错误' : 'internal error'}: ${(error as Error).message}`;
    out.error(message);
    if (process.env.LIUJIN_DEBUG) writeErr(`${(error as Error).stack ?? ''}\n`);
    if (json) out.data(errorJson(EXIT.internal, { zh: '内部错误', en: 'internal error' }, [{ code: 'internal', severity: 'error', path: [], message: { zh: (error as Error).message, en: (error as Error).message } }], lang));
    return EXIT.internal;
  }
}
