/**
 * The tests' in-process runner (`liujinAsync`, one Node process per test file running the built CLI's
 * `main`) answers exactly as a fresh `liujin` process does: exit code, stdout and stderr, with the
 * working folder and environment of each run, errors included.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { liujin, liujinAsync, tempDir } from './helpers';

it('gives the exit code, stdout and stderr a child process gives, with each run’s folder and environment', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), '编号,名称,类型,街镇\na,甲,学校,朱家角镇\na,乙,飞船,火星镇\n');
  const runs: [string[], { cwd?: string; env?: NodeJS.ProcessEnv }][] = [
    [['validate', '--json'], {}],
    [['validate', '--registry', 'registry.csv'], { cwd: dir }],
    [['validate', '--registry', 'registry.csv', '--json'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } }],
    [['dates', '--year', '2026'], { env: { LANG: 'en_US.UTF-8' } }],
    [['plan', '--no-such-option'], {}],
    [['plan', '--json'], { env: { SOURCE_DATE_EPOCH: '0' } }],
  ];
  for (const [args, options] of runs) {
    const [inProcess, child] = [await liujinAsync(args, options), liujin(args, options)];
    expect(inProcess, args.join(' ')).toEqual(child);
  }
  // The environment of one run does not leak into the next.
  expect(await liujinAsync(['dates', '--year', '2026'])).toEqual(liujin(['dates', '--year', '2026']));
});
