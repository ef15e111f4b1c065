/**
 * The hostile-output corpus (issue #14, output side): the built CLI run as a user or an attacker
 * would, on folders holding other people's files, links, inputs, hostile names and a killed run.
 * Each case checks what a user sees: files byte-identical, exit codes, messages, JSON on stdout.
 * The kill -9 cases are in hostile-output-kill.test.ts.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { bin, liujinAsync, tempDir, type RunResult } from './helpers';
import { pythonFor } from '../../../tools/config/system-tools';

/** Starts `liujin serve` and resolves with its URL once it says where it serves (either language); stderr is kept. */
async function startServe(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { ...(options.cwd ? { cwd: options.cwd } : {}), env: { ...process.env, NO_COLOR: '1', ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = /(?:serving|正在服务) (http:\/\/\S+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`serve ended: ${stdout}${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

/** A GET to 127.0.0.1 with the given headers (Host among them), as a browser or a rebinding page would send it. */
function get(port: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    import('node:http').then(({ request }) => {
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    }, reject);
  });
}

/** Every file under a folder (links included, not followed) with its SHA-256, for "byte-identical". */
function snapshot(dir: string, skip: (rel: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string, rel: string) => {
    for (const d of readdirSync(at, { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (skip(r)) continue;
      if (d.isDirectory()) walk(join(at, d.name), r);
      else out[r] = d.isSymbolicLink() ? 'link' : createHash('sha256').update(readFileSync(join(at, d.name))).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

const REGISTRY = ['编号,名称,类型,街镇', 'sch-1,示例学校一,学校,朱家角镇', 'sch-2,示例学校二,学校,朱家角镇', 'res-1,示例居委,居委,朱家角镇'].join('\n');
const ACTIVITIES = ['单位编号,活动类型,日期,标题', 'sch-1,编制疏散方案,2026-03-10,方案'].join('\n');

/** A folder as a clerk has it: the inputs, notes, a sub-folder of their own. */
function clerkFolder(): string {
  const dir = tempDir('liujin-out-');
  writeFileSync(join(dir, 'registry.csv'), REGISTRY);
  writeFileSync(join(dir, 'activities.csv'), ACTIVITIES);
  writeFileSync(join(dir, 'notes.txt'), '我的笔记');
  writeFileSync(join(dir, 'README.md'), '# mine');
  mkdirSync(join(dir, 'calendars'));
  writeFileSync(join(dir, 'calendars', 'my-own.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  return dir;
}

const noStack = (r: RunResult) => expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误|internal error/);
/**
 * The files liujin's manifest lists, the manifest, and its report sets (`.liujin-sets/`, and the
 * links to them named like a listed folder): everything else in the folder is the user's.
 */
const liujinFiles = (dir: string) => {
  const listed = new Set((JSON.parse(readFileSync(join(dir, '.liujin-manifest.json'), 'utf8')) as { files: { path: string }[] }).files.map((f) => f.path));
  const isSetLink = (rel: string) => !rel.includes('/') && lstatSync(join(dir, rel)).isSymbolicLink() && [...listed].some((p) => p.startsWith(`${rel}/`));
  return (rel: string) => rel === '.liujin-manifest.json' || rel === '.liujin-sets' || listed.has(rel) || isSetLink(rel);
};

describe('other people’s files and the inputs are never touched', () => {
  it.concurrent('plan --out . in a clerk’s folder leaves every file of theirs byte-identical', async () => {
    const dir = clerkFolder();
    const before = snapshot(dir);
    const r = await liujinAsync(['plan', '--year', '2026', '--registry', 'registry.csv', '--activities', 'activities.csv', '--out', '.', '--quiet'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(snapshot(dir, liujinFiles(dir))).toEqual(before);
    expect(existsSync(join(dir, 'calendars/units/sch-1.ics'))).toBe(true);
  });

  it.concurrent('serve --out on the folder with the inputs leaves them and the user’s files byte-identical', async () => {
    const dir = clerkFolder();
    const before = snapshot(dir);
    const { child, url } = await startServe(['--year', '2026', '--registry', 'registry.csv', '--activities', 'activities.csv', '--out', '.', '--port', '0'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    // A change to an input regenerates (a second set switched in over the first).
    writeFileSync(join(dir, 'activities.csv'), `${ACTIVITIES}\nsch-2,编制疏散方案,2026-03-11,方案`);
    const after = snapshot(dir, liujinFiles(dir));
    await new Promise((r) => setTimeout(r, 1500));
    expect((await fetch(`${url}calendars/units/sch-1.ics`)).status).toBe(200);
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    expect(snapshot(dir, liujinFiles(dir))).toEqual(after);
    expect(after['notes.txt']).toBe(before['notes.txt']);
    expect(after['registry.csv']).toBe(before['registry.csv']);
    expect(after['calendars/my-own.ics']).toBe(before['calendars/my-own.ics']);
    expect(readdirSync(dir).filter((n) => n.startsWith('.liujin')).sort()).toEqual(['.liujin-manifest.json', '.liujin-sets']);
  });

  it.concurrent('a file of the user’s at an output name is refused, not overwritten, and nothing is written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'calendars'));
    writeFileSync(join(dir, 'calendars', 'district.ics'), '我自己的日历');
    const r = await liujinAsync(['calendar', '--year', '2026', '--out', dir, '--json', '--lang', 'en']);
    expect(r.status).toBe(2);
    const answer = JSON.parse(r.stdout) as { ok: boolean; exitCode: number; problems: { code: string; file: string }[] };
    expect(answer).toMatchObject({ ok: false, exitCode: 2, problems: [{ code: 'out_file_not_ours', file: join(dir, 'calendars', 'district.ics') }] });
    expect(readFileSync(join(dir, 'calendars', 'district.ics'), 'utf8')).toBe('我自己的日历');
    expect(readdirSync(dir)).toEqual(['calendars']);
    expect(readdirSync(join(dir, 'calendars'))).toEqual(['district.ics']);
  });

  it.concurrent('--previous inside the folder the audit would overwrite is refused', async () => {
    const dir = tempDir();
    expect((await liujinAsync(['audit', '--year', '2026', '--format', 'json', '--out', dir])).status).toBeLessThan(2);
    const last = readFileSync(join(dir, 'audit/audit.json'));
    const r = await liujinAsync(['audit', '--year', '2026', '--format', 'json', '--previous', join(dir, 'audit/audit.json'), '--out', dir, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('input file of this run');
    expect(readFileSync(join(dir, 'audit/audit.json')).equals(last)).toBe(true);
  });

  it.concurrent('an input file named like an output is never overwritten', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'audit'));
    writeFileSync(join(dir, 'audit', 'audit.csv'), REGISTRY);
    const r = await liujinAsync(['audit', '--year', '2026', '--registry', join(dir, 'audit', 'audit.csv'), '--activities', join(dir, 'activities.csv'), '--out', dir], { cwd: dir });
    writeFileSync(join(dir, 'activities.csv'), ACTIVITIES);
    const again = await liujinAsync(['audit', '--year', '2026', '--registry', join(dir, 'audit', 'audit.csv'), '--activities', join(dir, 'activities.csv'), '--out', dir, '--lang', 'en']);
    expect([r.status, again.status]).toContain(2);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('audit.csv');
    expect(readFileSync(join(dir, 'audit', 'audit.csv'), 'utf8')).toBe(REGISTRY);
  });
});

describe('--out that cannot be an output folder', () => {
  const cases: [string, (dir: string) => string][] = [
    ['a file', (dir) => join(dir, 'registry.csv')],
    ['a path below a file', (dir) => join(dir, 'registry.csv', 'out')],
    ['a name too long for the file system', (dir) => join(dir, '长'.repeat(120))],
  ];
  for (const [name, target] of cases) {
    it.concurrent(`${name}: exit 2 with a plain message, the JSON answer on stdout, the file untouched`, async () => {
      const dir = clerkFolder();
      const before = snapshot(dir);
      const r = await liujinAsync(['calendar', '--year', '2026', '--out', target(dir), '--json', '--lang', 'en']);
      expect(r.status, r.stderr).toBe(2);
      noStack(r);
      const answer = JSON.parse(r.stdout) as { ok: boolean; exitCode: number; problems: { code: string; message: { en: string } }[] };
      expect(answer.ok).toBe(false);
      expect(answer.problems[0]!.code).toBe('out_unusable');
      expect(answer.problems[0]!.message.en).toMatch(/must be a folder|too long/);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it.concurrent('a symbolic link inside the folder is not written through', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'victim.json'), 'precious');
    mkdirSync(join(dir, 'audit'));
    symlinkSync(join(elsewhere, 'victim.json'), join(dir, 'audit', 'audit.json'));
    const r = await liujinAsync(['audit', '--year', '2026', '--format', 'json', '--out', dir, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('symbolic link');
    expect(readFileSync(join(elsewhere, 'victim.json'), 'utf8')).toBe('precious');
  });

  it.concurrent('a link planted where a killed run’s staging folder would be is not followed nor emptied', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'keep.txt'), 'keep');
    symlinkSync(elsewhere, join(dir, '.liujin-stage-0123456789abcdef01234567'));
    writeFileSync(join(elsewhere, '.liujin-stage'), '.liujin-stage-0123456789abcdef01234567');
    const r = await liujinAsync(['calendar', '--year', '2026', '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(elsewhere).sort()).toEqual(['.liujin-stage', 'keep.txt']);
  });
});

describe('regeneration removes only what it no longer produces', () => {
  it.concurrent('a unit removed from the registry loses its feed and its PDF; other files stay', async () => {
    const dir = clerkFolder();
    const run = (args: string[]) => liujinAsync([...args, '--year', '2026', '--registry', 'registry.csv', '--out', 'out'], { cwd: dir });
    expect((await run(['calendar'])).status).toBe(0);
    expect((await run(['templates', '--kind', 'school', '--all'])).status).toBe(0);
    writeFileSync(join(dir, 'out', 'mine.txt'), 'mine');
    expect(existsSync(join(dir, 'out/calendars/units/sch-2.ics'))).toBe(true);
    writeFileSync(join(dir, 'registry.csv'), REGISTRY.split('\n').filter((l) => !l.startsWith('sch-2')).join('\n'));
    expect((await run(['calendar'])).status).toBe(0);
    expect((await run(['templates', '--kind', 'school', '--all'])).status).toBe(0);
    expect(existsSync(join(dir, 'out/calendars/units/sch-2.ics'))).toBe(false);
    expect(readdirSync(join(dir, 'out/templates/school')).filter((f) => f.startsWith('sch-2'))).toEqual([]);
    expect(readdirSync(join(dir, 'out/templates/school')).filter((f) => f.startsWith('sch-1'))).toHaveLength(1);
    expect(readFileSync(join(dir, 'out', 'mine.txt'), 'utf8')).toBe('mine');
    const index = JSON.parse(readFileSync(join(dir, 'out/calendars/index.json'), 'utf8')) as { units: { id: string }[] };
    expect(index.units.map((u) => u.id)).toEqual(['sch-1', 'res-1']);
  });

  it.concurrent('a narrower audit leaves no report of the earlier run beside its own', async () => {
    const dir = tempDir();
    expect((await liujinAsync(['audit', '--year', '2026', '--format', 'json,csv,md', '--out', dir])).status).toBeLessThan(2);
    expect((await liujinAsync(['audit', '--year', '2026', '--format', 'json', '--out', dir])).status).toBeLessThan(2);
    expect(readdirSync(join(dir, 'audit'))).toEqual(['audit.json']);
  });
});

describe('names that would collide or misbehave on a file system', () => {
  // Registry ids are letters, digits, '.', '-' and '_' (at most 200): within that, every trap.
  const ids = ['a1', 'A1', 'ab', 'AB', 'Ab', 'CON', 'nul.txt', 'PRN.txt', 'com1', 'Com1.ics', 'x'.repeat(200), `${'x'.repeat(199)}y`, 'a1-0123456789ab', 'trailing.'];
  const registry = ['编号,名称,类型,街镇', ...ids.map((id, i) => `${id},单位${i}号,学校,朱家角镇`)].join('\n');

  it.concurrent('ids differing only by case, reserved device names and 200-character ids get distinct safe feeds, each with its own unit, and an index', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), registry);
    const r = await liujinAsync(['calendar', '--year', '2026', '--registry', 'registry.csv', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, 'out/calendars/index.json'), 'utf8')) as { units: { id: string; name: string; file: string }[] };
    expect(index.units.map((u) => u.id)).toEqual(ids);
    const files = index.units.map((u) => u.file.split('/').pop()!);
    expect(new Set(files.map((f) => f.normalize('NFC').toLowerCase())).size).toBe(ids.length);
    for (const f of files) {
      expect(f).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
      expect(Buffer.byteLength(f)).toBeLessThan(200);
    }
    for (const u of index.units) expect(readFileSync(join(dir, 'out', u.file), 'utf8')).toContain(`X-WR-CALNAME:${u.name}`);
  });

  it.concurrent('the same id gets the same file name whatever the registry order', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), registry);
    const lines = registry.split('\n');
    writeFileSync(join(dir, 'b.csv'), [lines[0], ...lines.slice(1).reverse()].join('\n'));
    const names = async (file: string, out: string) => {
      expect((await liujinAsync(['templates', '--kind', 'school', '--all', '--year', '2026', '--registry', file, '--out', out], { cwd: dir })).status).toBe(0);
      const index = JSON.parse(readFileSync(join(dir, out, 'templates/school/index.json'), 'utf8')) as { units: { id: string; file: string }[] };
      return Object.fromEntries(index.units.map((u) => [u.id, u.file]));
    };
    expect(await names('b.csv', 'ob')).toEqual(await names('a.csv', 'oa'));
  });
});

describe('dates the CLI refuses, like --year outside 2001-2100', () => {
  const cases: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
    ['SOURCE_DATE_EPOCH=0 (1970)', ['plan'], { SOURCE_DATE_EPOCH: '0' }, /SOURCE_DATE_EPOCH/],
    ['SOURCE_DATE_EPOCH in 2200', ['audit'], { SOURCE_DATE_EPOCH: '7258118400' }, /SOURCE_DATE_EPOCH/],
    ['SOURCE_DATE_EPOCH that is not a number', ['calendar'], { SOURCE_DATE_EPOCH: 'yesterday' }, /SOURCE_DATE_EPOCH/],
    ['--now 1990', ['audit', '--now', '1990-06-01T00:00:00Z'], {}, /--now/],
    ['--now not a date', ['plan', '--now', 'soon'], {}, /--now/],
  ];
  for (const [name, args, env, pattern] of cases) {
    it.concurrent(`${name}: exit 2 before anything is written`, async () => {
      const dir = tempDir();
      const r = await liujinAsync([...args, '--out', join(dir, 'out'), '--lang', 'en', '--json'], { env });
      expect(r.status, r.stderr).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, exitCode: 2, problems: [{ code: 'invalid_option', message: { en: expect.stringMatching(pattern) } }] });
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }
});

describe('--previous that is not an audit', () => {
  const cases: [string, string | Buffer][] = [
    ['JSON of another kind', '{"units": 3}'],
    ['a CSV file', REGISTRY],
    ['binary bytes', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c])],
  ];
  for (const [name, content] of cases) {
    it.concurrent(`${name}: exit 2 naming the file`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'last.json'), content);
      const r = await liujinAsync(['audit', '--year', '2026', '--previous', join(dir, 'last.json'), '--out', join(dir, 'out'), '--lang', 'en', '--json']);
      expect(r.status, r.stderr).toBe(2);
      noStack(r);
      const answer = JSON.parse(r.stdout) as { problems: { file: string; code: string }[] };
      expect(answer.problems[0]!.file).toBe(join(dir, 'last.json'));
      expect(['invalid_json', 'previous_not_audit']).toContain(answer.problems[0]!.code);
    });
  }
});

describe('stdout under --json and a closed pipe', () => {
  it.concurrent('a usage error and a missing file still answer in JSON on stdout', async () => {
    for (const args of [['plan', '--no-such-option'], ['validate', '--registry', '/no/such/file.csv']]) {
      const r = await liujinAsync([...args, '--json', '--lang', 'en']);
      expect(r.status).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, exitCode: 2, problems: [{ code: expect.any(String), message: { en: expect.any(String), zh: expect.any(String) } }] });
    }
  });

  it.concurrent('liujin catalog | head -1 ends quietly', async () => {
    const child = spawn(process.execPath, [bin, 'catalog', '--json'], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('hostile names in Markdown, terminals and spreadsheets', () => {
  const names = ['[点我](https://evil.example/)', '![](https://evil.example/p.png)', '<img src=x onerror=alert(1)>', '\u001b[2J\u001b]0;pwned\u0007清屏', '\u202eexe.学校', '＝1+1', '＠SUM(A1)', '－2+3', '＋1'];
  const registry = ['编号,名称,类型,街镇', ...names.map((n, i) => `h-${i},"${n.replace(/"/g, '""')}",学校,朱家角镇`)].join('\n');

  it.concurrent('summary.md shows every name as text: no link, image or HTML in an independent renderer', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), registry);
    writeFileSync(join(dir, 'activities.csv'), ACTIVITIES);
    const r = await liujinAsync(['audit', '--year', '2026', '--as-of', '2026-12-31', '--registry', 'registry.csv', '--activities', 'activities.csv', '--format', 'md,csv,xlsx', '--out', 'out'], { cwd: dir });
    expect(r.status, r.stderr).toBeLessThan(2);
    const html = new MarkdownIt({ html: true, linkify: true }).render(readFileSync(join(dir, 'out/audit/summary.md'), 'utf8'));
    expect(html).not.toMatch(/<(a|img|script)\b/i);
    expect(html).toContain('[点我](https://evil.example/)'.replace(/&/g, '&amp;'));
    // CSV: no raw control character in any cell; full-width operators guarded like ASCII ones.
    const rows = parse(readFileSync(join(dir, 'out/audit/audit.csv'), 'utf8').replace(/^\uFEFF/, '')) as string[][];
    const cells = rows.flat();
    // eslint-disable-next-line no-control-regex
    expect(cells.filter((c) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(c))).toEqual([]);
    for (const n of ['＝1+1', '＠SUM(A1)', '－2+3', '＋1']) expect(cells).toContain(`'${n}`);
    expect(cells).toContain('\\u001B[2J\\u001B]0;pwned\\u0007清屏');
    // The terminal got none of it raw either.
    // eslint-disable-next-line no-control-regex
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/[\u0007\u001b\u202e]/);
  });

  it.concurrent('XLSX cells hold no control characters (openpyxl)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), registry);
    writeFileSync(join(dir, 'activities.csv'), ACTIVITIES);
    expect((await liujinAsync(['audit', '--year', '2026', '--registry', 'registry.csv', '--activities', 'activities.csv', '--format', 'xlsx', '--out', 'out'], { cwd: dir })).status).toBeLessThan(2);
    const script = `import openpyxl,re,sys,json\nwb=openpyxl.load_workbook(sys.argv[1])\nbad=[c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value,str) and re.search('[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]',c.value)]\nnames=[c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value,str) and 'pwned' in c.value]\nprint(json.dumps({'bad':bad,'names':names}))`;
    const py = await new Promise<string>((resolve, reject) => {
      const child = spawn(pythonFor(script), ['-c', script, join(dir, 'out/audit/audit.xlsx')]);
      let s = '';
      child.stdout.on('data', (c: Buffer) => (s += c.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(s) : reject(new Error(`python exit ${code}`))));
    });
    const result = JSON.parse(py) as { bad: string[]; names: string[] };
    expect(result.bad).toEqual([]);
    expect(result.names.length).toBeGreaterThan(0);
  });

  it.concurrent('a validation message that echoes a hostile value shows its controls escaped', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), ['编号,名称,类型,街镇', 'x-1,名称,\u001b[31m学校\u0007\u202e,朱家角镇'].join('\n'));
    const r = await liujinAsync(['validate', '--registry', join(dir, 'registry.csv')]);
    expect(r.status).toBe(2);
    // eslint-disable-next-line no-control-regex
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/[\u0007\u001b\u202e]/);
    expect(r.stderr).toContain('\\u001B[31m学校');
  });
});

describe('serve answers only its own Host, with cache validators', () => {
  it.concurrent('warns loudly on a non-loopback bind, in the user\'s language, and still answers only its own names', async () => {
    const { hostname } = await import('node:os');
    for (const lang of ['en', 'zh'] as const) {
      const dir = tempDir();
      const { child, url, stderr } = await startServe(['--year', '2026', '--out', dir, '--port', '0', '--host', '0.0.0.0', '--lang', lang]);
      try {
        const port = new URL(url).port;
        const status = async (host: string) => (await get(port, '/', { host })).status;
        expect(await status(`${hostname().toLowerCase()}:${port}`)).toBe(200);
        expect(await status(`localhost:${port}`)).toBe(200);
        expect(await status(`evil.example:${port}`)).toBe(403);
        if (lang === 'en') expect(stderr()).toContain('WARNING: listening on 0.0.0.0, a non-loopback address: anyone on the network can read');
        else expect(stderr()).toContain('警告：正在监听非本机地址 0.0.0.0，同一网络中的任何人都能读取');
      } finally {
        child.kill('SIGTERM');
      }
    }
  });

  it.concurrent('refuses a rebinding Host, sends ETag and Last-Modified, answers 304 to a conditional GET', async () => {
    const dir = tempDir();
    const { child, url } = await startServe(['--year', '2026', '--out', dir, '--port', '0', '--lang', 'en']);
    try {
      const port = new URL(url).port;
      expect((await get(port, '/', { host: `evil.example:${port}` })).status).toBe(403);
      expect((await get(port, '/calendars/district.ics', { host: `attacker.test` })).status).toBe(403);
      expect((await get(port, '/', { host: `localhost:${port}` })).status).toBe(200);
      const first = await get(port, '/calendars/district.ics', { host: `127.0.0.1:${port}` });
      expect(first.status).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(Date.parse(String(first.headers['last-modified']))).toBeGreaterThan(0);
      expect((await get(port, '/calendars/district.ics', { host: `127.0.0.1:${port}`, 'if-none-match': etag })).status).toBe(304);
      expect((await get(port, '/calendars/district.ics', { host: `127.0.0.1:${port}`, 'if-modified-since': String(first.headers['last-modified']) })).status).toBe(304);
      expect((await get(port, '/calendars/district.ics', { host: `127.0.0.1:${port}`, 'if-none-match': '"stale"' })).status).toBe(200);
      expect(statSync(dir).isDirectory()).toBe(true);
      // Served through liujin's own set link; a link planted by someone else, inside the set or in its place, is not followed.
      const local = { host: `127.0.0.1:${port}` };
      expect(lstatSync(join(dir, 'audit')).isSymbolicLink()).toBe(true);
      expect((await get(port, '/audit/audit.json', local)).status).toBe(200);
      expect((await get(port, '/audit/summary.md', local)).status).toBe(200);
      const secret = join(tempDir(), 'secret.json');
      writeFileSync(secret, '{"secret":1}');
      rmSync(join(dir, 'audit', 'audit.json'));
      symlinkSync(secret, join(dir, 'audit', 'audit.json'));
      expect((await get(port, '/audit/audit.json', local)).status).toBe(404);
      const planted = tempDir();
      writeFileSync(join(planted, 'summary.md'), 'planted');
      renameSync(join(dir, 'audit'), join(dir, 'audit-moved'));
      symlinkSync(planted, join(dir, 'audit'));
      expect((await get(port, '/audit/summary.md', local)).status).toBe(404);
      expect((await get(port, '/audit/..%2F..%2Fetc%2Fpasswd', local)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
