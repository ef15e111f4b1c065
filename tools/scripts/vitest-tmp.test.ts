// The test runs' temporary root (tools/config/vitest-tmp.ts) is removed recursively when a run ends:
// it must take only what the run put in it, never a file of someone else's it links to.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup } from '../config/vitest-tmp';

describe('the test run\'s temporary root', () => {
  it('is a new folder in the temporary folder; removing it leaves someone else\'s files, even those linked from inside, and restores TMPDIR', () => {
    const before = process.env.TMPDIR;
    const theirs = mkdtempSync(join(tmpdir(), 'someone-elses-'));
    writeFileSync(join(theirs, 'notes.txt'), 'mine');
    mkdirSync(join(theirs, 'mine'));
    writeFileSync(join(theirs, 'mine', 'plan.docx'), 'also mine');

    const parent = tmpdir();
    const teardown = setup();
    const root = process.env.TMPDIR!;
    expect(root).not.toBe(before);
    expect(dirname(root)).toBe(parent);
    expect(root).toMatch(/liujin-test-run-[^/]+$/);
    // What a run's tests and programs leave, and links out of the root.
    mkdirSync(join(root, 'liujin-e2e-x', 'out'), { recursive: true });
    writeFileSync(join(root, 'liujin-e2e-x', 'out', 'audit.json'), '{}');
    symlinkSync(theirs, join(root, 'link-to-their-folder'));
    symlinkSync(join(theirs, 'notes.txt'), join(root, 'liujin-e2e-x', 'link-to-their-file'));
    teardown();

    expect(existsSync(root)).toBe(false);
    expect(process.env.TMPDIR).toBe(before);
    expect(readFileSync(join(theirs, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(theirs, 'mine', 'plan.docx'), 'utf8')).toBe('also mine');
  });
});
