// `npm start`: builds what the CLI needs, showing the build as one progress line (the full build log
// only when it fails), then runs `liujin plan` on the sample district and shows its results.
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Nx task a build-log line starts (`> nx run @liujin/core:build`), if any. */
export function taskOf(line: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- strips terminal colour codes (ESC [ ... m)
  return /^\s*>\s+nx run (\S+)/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''))?.[1];
}

/** Runs a command with its output captured; calls `onLine` for each line. */
function capture(command: string, args: string[], onLine: (line: string) => void): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', NX_TUI: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: string[] = [];
    let partial = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      chunks.push(text);
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, log: chunks.join('') }));
  });
}

/** The build as one line: redrawn in place on a terminal, printed once when done elsewhere. */
export async function buildQuietly(
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr,
  command: readonly [string, ...string[]] = [join(ROOT, 'node_modules/.bin/nx'), 'run', '@liujin/demo:build', '--outputStyle=static'],
): Promise<boolean> {
  const started = Date.now();
  const tasks: string[] = [];
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const draw = (text: string) => tty && stream.write(`\r\x1b[2K${text}`);
  const timer = tty ? setInterval(() => draw(`building liujin… ${tasks.length} tasks, ${seconds()}${tasks.length ? ` (${tasks.at(-1)})` : ''}`), 250) : undefined;
  const { code, log } = await capture(command[0], command.slice(1), (line) => {
    const task = taskOf(line);
    if (task && !tasks.includes(task)) tasks.push(task);
  });
  if (timer) clearInterval(timer);
  if (code !== 0) {
    draw('');
    stream.write(`building liujin failed after ${seconds()}; the full build log:\n\n${log}\n`);
    return false;
  }
  const line = `built liujin (${tasks.length} tasks) in ${seconds()}`;
  if (tty) draw(`${line}\n`);
  else stream.write(`${line}\n`);
  return true;
}

// Run as a script.
if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(resolve(process.argv[1]))) {
  if (!(await buildQuietly())) process.exit(1);
  const plan = spawn(process.execPath, [join(ROOT, 'apps/demo/bin/liujin.js'), 'plan', '--out', 'out', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  plan.on('close', (code) => process.exit(code ?? 1));
}
