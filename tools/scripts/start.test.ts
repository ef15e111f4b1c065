import { describe, expect, it } from 'vitest';
import { buildQuietly, taskOf } from './start';

/** A stream that records what is written (not a terminal, as in CI or a pipe). */
const recorder = () => {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY: false, write: (chunk: string | Uint8Array) => (chunks.push(String(chunk)), true) } as Parameters<typeof buildQuietly>[0] };
};
const fakeBuild = (exit: number) => [process.execPath, '-e', `for (const t of ['@liujin/core:build', '@liujin/pdf:build']) console.log('> nx run ' + t + '\\n\\nlots of tsup chatter\\nDTS Build success'); console.error('a warning'); process.exit(${exit})`] as const;

describe('npm start', () => {
  it('reads task names from Nx output', () => {
    expect(taskOf('> nx run @liujin/core:build')).toBe('@liujin/core:build');
    expect(taskOf('\x1b[1m> nx run @liujin/demo:build  [existing outputs match the cache, left as is]\x1b[0m')).toBe('@liujin/demo:build');
    expect(taskOf('CLI Building entry: src/index.ts')).toBeUndefined();
  });

  it('shows a successful build as one line', async () => {
    const { chunks, stream } = recorder();
    expect(await buildQuietly(stream, fakeBuild(0))).toBe(true);
    expect(chunks.join('')).toMatch(/^built liujin \(2 tasks\) in \d+ s\n$/);
  });

  it('shows the full build log when the build fails', async () => {
    const { chunks, stream } = recorder();
    expect(await buildQuietly(stream, fakeBuild(1))).toBe(false);
    const text = chunks.join('');
    expect(text).toMatch(/^building liujin failed after \d+ s; the full build log:/);
    expect(text).toContain('lots of tsup chatter');
    expect(text).toContain('a warning');
  });
});
