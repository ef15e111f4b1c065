import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/liujin.js', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

function run(args: string[]): string {
  return execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('liujin (built CLI)', () => {
  it('prints its version', () => {
    expect(run(['--version']).trim()).toBe(pkg.version);
  });
  it('prints help', () => {
    expect(run(['--help'])).toContain('Usage: liujin');
  });
});
