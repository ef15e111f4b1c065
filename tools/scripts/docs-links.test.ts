/**
 * Docs cite no file that is not in the repository: every relative link, and every repository path in
 * backticks (`apps/...`, `packages/...`, `tools/...`, `docs/...`, `.ci/...`), of README.md,
 * docs/*.md and the packages' READMEs must exist. Generated folders that .gitignore lists (docs/api/,
 * dist-packages/) are outputs, not citations of files.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.endsWith('/') && !l.startsWith('#'));
const isIgnored = (path: string) => ignored.some((dir) => `${relative(ROOT, path)}/`.startsWith(dir) || relative(ROOT, path).split('/').includes(dir.replace(/\/$/, '')));

const files = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  ...readdirSync(join(ROOT, 'packages')).filter((d) => existsSync(join(ROOT, 'packages', d, 'README.md'))).map((d) => `packages/${d}/README.md`),
];

/** Relative link targets and cited repository paths of a Markdown file, with their line numbers. */
function citations(markdown: string): { target: string; line: number; kind: 'link' | 'path' }[] {
  const found: { target: string; line: number; kind: 'link' | 'path' }[] = [];
  let fenced = false;
  markdown.split('\n').forEach((text, i) => {
    if (text.trimStart().startsWith('```')) fenced = !fenced;
    if (fenced) return;
    for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = m[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
      found.push({ target: target.replace(/#.*$/, ''), line: i + 1, kind: 'link' });
    }
    for (const m of text.matchAll(/`((?:apps|packages|tools|docs|\.ci)\/[^`\s]*)`/g)) {
      const target = m[1]!;
      if (/[*<>{}]/.test(target)) continue;
      found.push({ target, line: i + 1, kind: 'path' });
    }
  });
  return found;
}

describe('docs cite only files that exist', () => {
  it.each(files)('%s', (file) => {
    const missing = citations(readFileSync(join(ROOT, file), 'utf8'))
      .map((c) => ({ ...c, resolved: c.kind === 'link' ? resolve(dirname(join(ROOT, file)), c.target) : join(ROOT, c.target) }))
      .filter((c) => !existsSync(c.resolved) && !isIgnored(c.resolved))
      .map((c) => `${file}:${c.line}: ${c.target}`);
    expect(missing).toEqual([]);
  });

  it('finds links and paths, and skips URLs, anchors and code blocks', () => {
    const found = citations('see [a](a.md#x) and [b](https://x.org) and [c](#top), `packages/core/src/index.ts`\n```sh\n[d](d.md)\n```\n');
    expect(found.map((c) => `${c.kind}:${c.target}`)).toEqual(['link:a.md', 'path:packages/core/src/index.ts']);
  });
});
