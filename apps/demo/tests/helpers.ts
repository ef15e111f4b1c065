import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../bin/liujin.js', import.meta.url));

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, in a pipe (no TTY), without colours. */
export function liujin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: '1790000000', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];

/** A new folder under the OS temp folder, removed after the test file (tests/setup.ts). */
export function tempDir(prefix = 'liujin-e2e-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders {@link tempDir} made, and only those (a test run left some 200 in /tmp). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** One long-lived Node process per test file that runs the built CLI's `main` on request (tests/cli-host.mjs). */
let host: ChildProcess | undefined;
let nextId = 0;
const waiting = new Map<number, (result: RunResult) => void>();
let queue: Promise<unknown> = Promise.resolve();

function cliHost(): ChildProcess {
  if (host) return host;
  const child = fork(fileURLToPath(new URL('./cli-host.mjs', import.meta.url)), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
  child.on('message', (message: RunResult & { id: number }) => {
    const { id, ...result } = message;
    waiting.get(id)?.(result);
    waiting.delete(id);
  });
  child.on('exit', (code) => {
    host = undefined;
    for (const resolve of waiting.values()) resolve({ status: -1, stdout: '', stderr: `the CLI host exited with ${code}` });
    waiting.clear();
  });
  // Never keeps the test process alive on its own.
  child.unref();
  child.channel?.unref();
  host = child;
  return child;
}

/**
 * Runs the built CLI (`dist/cli.js`, the bundle `bin/liujin.js` loads) in one Node process kept for the
 * test file: the same `main(argv)`, environment, working folder, stdout and stderr as `liujin` gives,
 * without paying a Node start and a module load for every run. Runs queue one after another (they share
 * that process). What only a fresh process shows (exit through `process.exitCode`, signals, a closed
 * pipe, memory bounds, `serve`) stays with `liujin`, a child process per run (docs/contributing.md, "How long `npm test` takes").
 */
export function liujinAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  const run = queue.then(
    () =>
      new Promise<RunResult>((resolve) => {
        const child = cliHost();
        const id = nextId++;
        waiting.set(id, resolve);
        child.ref();
        child.send({ id, args, cwd: options.cwd ?? process.cwd(), env: { NO_COLOR: '1', LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: '1790000000', ...options.env } });
      }).finally(() => host?.unref()),
  );
  queue = run.catch(() => undefined);
  return run;
}
