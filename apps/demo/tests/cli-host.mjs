// The in-process CLI runner of the tests (helpers.ts, `liujinInProcess`): a plain Node process, started
// without vitest's conditions, that loads the built CLI once and runs its `main(argv)` for each request
// with the requested working folder and environment, capturing what it writes to stdout and stderr.
import { main } from '../dist/cli.js';

const base = { ...process.env };

process.on('message', async ({ id, args, cwd, env }) => {
  for (const key of Object.keys(process.env)) if (!(key in base)) delete process.env[key];
  Object.assign(process.env, base);
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || value === null) delete process.env[key];
    else process.env[key] = value;
  }
  const out = [];
  const err = [];
  const capture = (stream, into) => {
    stream.write = (chunk, encoding, done) => {
      into.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
      const callback = typeof encoding === 'function' ? encoding : done;
      if (callback) queueMicrotask(() => callback());
      return true;
    };
  };
  capture(process.stdout, out);
  capture(process.stderr, err);
  let status;
  try {
    process.chdir(cwd);
    status = await main(args);
  } catch (error) {
    // main() answers every error itself; reaching here is a bug, reported as a crash would be.
    err.push(Buffer.from(`${error?.stack ?? String(error)}\n`));
    status = 3;
  }
  process.send({ id, status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
});
