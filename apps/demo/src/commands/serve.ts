/**
 * `liujin serve`: publishes the calendar feeds (for webcal/https subscription) and the latest
 * audit report over HTTP, regenerating when the input files change. Binds to loopback by default
 * (a loud warning otherwise), answers only requests naming its own address in Host (DNS
 * rebinding), serves only the files it generated and rejects path traversal.
 */
import { constants, watch, type FSWatcher } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { EXIT, InputError, writeOut, type GlobalOptions, type Output } from '../runtime';
import { resolveInside } from '../files';
import { resolveOwnFile, withOutputSet } from '../output/index';
import { cacheValidators, hostsFor, isLoopback, notModified } from './serve-http';
import { loadActivities } from '../inputs';
import { auditInto } from './audit';
import { builtinExporter, exportContext, exportInto } from './run-exporter';
import { checkRegion } from './dates';
import { readHolidaysFile, readRegionFile } from './date-context';
import { outputFor, parseNow, parseYear } from './common';
import { formatProblem, isSafeRelativePath, problem } from '@liujin/core';

const TYPES: Record<string, string> = {
  '.ics': 'text/calendar; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ServeHandle {
  readonly url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  host: string;
  port: number;
  outDir: string;
  registryFile?: string;
  activitiesFile?: string;
  catalogFile?: string;
  tailoringFile?: string;
  settingsFile?: string;
  waiversFile?: string;
  year?: unknown;
  /** Default: the registry's district region. */
  region?: string;
  /** `--region-file`: a region profile, instead of `--region`. */
  regionFile?: string;
  /** `--holidays`: holiday year files. */
  holidaysFile?: string;
  /** `--towns`: the registry's own towns. */
  townsFile?: string;
}

/** Generates into `outDir` and serves it; returns once listening. */
export async function startServer(options: ServeOptions, out: Output): Promise<ServeHandle> {
  let files = new Set<string>();
  let lastError: string | undefined;
  // Each regeneration is one staged set (no folder is ever emptied): only files liujin wrote
  // there and no longer produces are removed; the user's files and the inputs are never touched.
  const regenerate = async () => {
    const now = parseNow(undefined);
    const year = parseYear(options.year, now);
    try {
      const fileOptions = { registry: options.registryFile, activities: options.activitiesFile, catalog: options.catalogFile, tailoring: options.tailoringFile, settings: options.settingsFile, waivers: options.waiversFile, towns: options.townsFile, holidays: options.holidaysFile, regionFile: options.regionFile, region: options.region };
      const { context, inputs } = await exportContext(fileOptions, out, { now, year });
      // Read whole before anything is written, unknown kinds included, the sample log without --activities.
      const activities = await loadActivities(options.activitiesFile, year, out);
      context.activities = () => Promise.resolve({ activities, setAside: [] });
      const written = await withOutputSet({ outDir: options.outDir, set: 'serve', inputs }, out, async (sink) => {
        const calendars = await exportInto(sink, { exporter: await builtinExporter('calendar'), context, options: {} }, out);
        const audit = await auditInto(sink, context, { formats: ['json', 'html', 'csv', 'md'] }, out);
        return [...calendars, ...audit.written];
      });
      files = new Set(written.map((w) => w.path).sort());
      lastError = undefined;
      out.info(out.lang === 'zh' ? `已生成 ${files.size} 个文件` : `generated ${files.size} files`);
    } catch (error) {
      lastError = error instanceof InputError ? error.problems.map((p) => formatProblem(p, out.lang)).join('\n') : (error as Error).message;
      out.error(lastError);
    }
  };
  // One regeneration at a time; a change during one queues exactly one more.
  let running: Promise<void> | undefined;
  let again = false;
  const generate = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await regenerate();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  await generate();
  let allowedHosts = new Set<string>();

  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache', ...headers });
      res.end(req.method === 'HEAD' || status === 304 ? undefined : body);
    };
    // DNS rebinding: a page on another site that resolves its name to this address sends its own Host.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) return send(403, 'text/plain; charset=utf-8', 'forbidden: unknown Host header\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'method not allowed\n');
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    } catch {
      return send(400, 'text/plain; charset=utf-8', 'bad request\n');
    }
    if (path === '') {
      const host = req.headers.host ?? `${options.host}:${options.port}`;
      const items = [...files].map((f) => {
        const link = f.endsWith('.ics') ? ` — <a href="webcal://${escapeHtml(host)}/${escapeHtml(f)}">webcal</a>` : '';
        return `<li><a href="/${escapeHtml(f)}">${escapeHtml(f)}</a>${link}</li>`;
      });
      const error = lastError ? `<pre>${escapeHtml(lastError)}</pre>` : '';
      return send(200, 'text/html; charset=utf-8', `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>liujin</title><h1>liujin</h1>${error}<ul>${items.join('')}</ul>\n`);
    }
    // Only files this server generated, inside its own folder: no traversal, no dotfiles.
    if (!isSafeRelativePath(path) || !files.has(path)) return send(404, 'text/plain; charset=utf-8', 'not found\n');
    try {
      // liujin's own set links (`audit -> .liujin-sets/audit.<hex>`) are followed; no other link is.
      resolveInside(options.outDir, path); // throws on anything escaping the folder
      const file = await resolveOwnFile(options.outDir, path);
      if (file === undefined) return send(404, 'text/plain; charset=utf-8', 'not found\n');
      const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
      const [body, info] = await Promise.all([handle.readFile(), handle.stat()]).finally(() => handle.close());
      const validators = cacheValidators(body, info.mtime);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      if (notModified(req, validators, info.mtime)) return send(304, type, '', validators);
      return send(200, type, body, validators);
    } catch {
      return send(404, 'text/plain; charset=utf-8', 'not found\n');
    }
  }

  // Regenerate when an input file changes (debounced); watching the files, not the output.
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  for (const file of [options.registryFile, options.activitiesFile, options.catalogFile, options.tailoringFile, options.settingsFile, options.waiversFile]) {
    if (file === undefined) continue;
    await stat(file);
    watchers.push(
      watch(file, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void generate(), 300);
      }),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  allowedHosts = hostsFor(options.host, port);
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`;
  if (!isLoopback(options.host)) {
    out.loud(
      out.lang === 'zh'
        ? `警告：正在监听非本机地址 ${options.host}，同一网络中的任何人都能读取这些日历与审计报告（含单位名称与联系人）。仅在确有需要时这样做。`
        : `WARNING: listening on ${options.host}, a non-loopback address: anyone on the network can read these calendars and audit reports (unit names, contacts). Do this only on purpose.`,
    );
  }
  return {
    url,
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function runServe(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError([problem('invalid_option', { zh: '--port：应为 0 至 65535 的整数', en: '--port: expected an integer from 0 to 65535' }, { path: ['--port'] })]);
  }
  // The date files are checked before the server starts: a bad one is exit 2, not a page of errors.
  if (options.regionFile !== undefined) await readRegionFile(String(options.regionFile));
  if (options.holidays !== undefined) await readHolidaysFile(String(options.holidays));
  const handle = await startServer(
    {
      host: String(options.host),
      port,
      outDir: String(options.out),
      ...(options.region !== undefined ? { region: checkRegion(String(options.region)) } : {}),
      ...(options.regionFile !== undefined ? { regionFile: String(options.regionFile) } : {}),
      ...(options.holidays !== undefined ? { holidaysFile: String(options.holidays) } : {}),
      ...(options.towns !== undefined ? { townsFile: String(options.towns) } : {}),
      year: options.year,
      ...(options.catalog !== undefined ? { catalogFile: String(options.catalog) } : {}),
      ...(options.tailoring !== undefined ? { tailoringFile: String(options.tailoring) } : {}),
      ...(options.settings !== undefined ? { settingsFile: String(options.settings) } : {}),
      ...(options.waivers !== undefined ? { waiversFile: String(options.waivers) } : {}),
      ...(options.registry !== undefined ? { registryFile: String(options.registry) } : {}),
      ...(options.activities !== undefined ? { activitiesFile: String(options.activities) } : {}),
    },
    out,
  );
  writeOut(`${out.lang === 'zh' ? '正在服务' : 'serving'} ${handle.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await handle.close();
  return EXIT.ok;
}
