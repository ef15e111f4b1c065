import { readFileSync } from 'node:fs';
import { Command } from 'commander';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI with the given arguments and returns the exit code (0 ok, 1 target not met, 2 bad input, 3 internal error). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('liujin')
    .description('liujin (六进): 国防动员宣传教育“六进”工作的规则、计划、日历、预案模板与覆盖率审计')
    .version(version(), '-V, --version')
    .exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return typeof code === 'number' ? code : 3;
  }
}
