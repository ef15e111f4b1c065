import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { COMMANDS, buildProgram, loadChoices } from './program';
import { EXIT, InputError, createOutput, defaultLang } from './runtime';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function langFromArgv(argv: readonly string[]): 'zh' | 'en' {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return value === 'en' || value === 'zh' ? value : defaultLang();
}

/** Runs the CLI and returns the exit code: 0 ok, 1 a target not met, 2 bad input, 3 internal error. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
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
    const out = createOutput({ lang, quiet: false, json: false });
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors are bad input.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof InputError) {
      const { formatProblem } = await import('@liujin/core');
      out.error(`${error.summary[lang]} (${error.problems.length}):`);
      for (const p of error.problems) process.stderr.write(`  - ${formatProblem(p, lang)}\n`);
      return EXIT.badInput;
    }
    out.error(`${lang === 'zh' ? '内部错误' : 'internal error'}: ${(error as Error).message}`);
    if (process.env.LIUJIN_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT.internal;
  }
}
