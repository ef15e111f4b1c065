/** PDF: pre-filled school plans, against raw pdfkit writing comparable Chinese text with one shared parsed font. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { keyDatesFor } from '@liujin/core';
import { collectContent } from '@liujin/core/plugin';
import { sampleRegistry } from '@liujin/core/sample';
import { createPlanTemplateExporter, fonts } from '@liujin/pdf';
import { syntheticUnits } from '../synthetic';
import type { Measurement, Workload } from '../types';
import { runCli } from '../cli-run';
import { medianTime } from '../stats';

const PARAGRAPH = '坚持预防为主、统一指挥、就近疏散、安全有序的原则，根据战时人民防空行动需要，结合学校人员、场地、保障等实际情况，组织师生在警报发出后迅速、有序、安全地疏散掩蔽。';

/**
 * Pages of a plan, from its page tree root's /Count. The page objects themselves are compressed in
 * object streams; the root is written by pdfkit before liujin's output stage is installed, as plain
 * text (a plan without it fails the bench rather than reporting a wrong page count).
 */
function pageCount(content: Uint8Array): number {
  const count = /\/Type \/Pages\s*\/Count (\d+)/.exec(Buffer.from(content).toString('latin1'))?.[1];
  if (count === undefined) throw new Error('no readable page tree root in a plan');
  return Number(count);
}

export const pdfWorkload: Workload = {
  id: 'pdf',
  title: 'PDF: pre-filled school plans',
  async run({ quick, repetitions }) {
    const count = quick ? 30 : 1_000;
    const template = sampleRegistry().units.find((u) => u.kind === 'school' && u.routes && u.contacts)!;
    const units = syntheticUnits(count).map((u) => ({ ...template, id: u.id, name: u.name }));
    const keyDates = keyDatesFor(2026);
    const now = new Date('2026-01-01T00:00:00Z');
    fonts();
    let pages = 0;
    let bytes = 0;
    let largest = 0;
    const ours = await medianTime(repetitions, async () => {
      pages = 0;
      bytes = 0;
      // As a caller writing files would: each PDF is counted and let go, not kept.
      for await (const f of createPlanTemplateExporter().export({ kind: 'school', mode: 'prefilled', units, year: 2026, keyDates, now })) {
        const content = (await collectContent(f.content)) as Uint8Array;
        pages += pageCount(content);
        bytes += content.length;
        largest = Math.max(largest, content.length);
      }
    });
    // Peak memory of our run (the baseline below allocates its own).
    const peak = process.resourceUsage().maxRSS * 1024;
    const font = fonts().serif;
    const baseline = await medianTime(repetitions, async () => {
      for (let i = 0; i < count; i++) {
        const doc = new PDFDocument({ size: 'A4', info: { CreationDate: now } });
        const chunks: Buffer[] = [];
        doc.on('data', (c: Buffer) => chunks.push(c));
        const done = new Promise((resolve) => doc.on('end', resolve));
        doc.font(font as never).fontSize(16);
        for (let p = 0; p < pages / count; p++) {
          if (p > 0) doc.addPage();
          for (let k = 0; k < 6; k++) doc.text(PARAGRAPH);
        }
        doc.end();
        await done;
      }
    });
    // The same plans written by the CLI in a plain Node process: the memory a user's run takes.
    const dir = mkdtempSync(join(tmpdir(), 'liujin-bench-pdf-'));
    let cli: { ms: number; peakRssBytes: number };
    try {
      const csv = join(dir, 'schools.csv');
      const route = (template.routes ?? []).map((r) => `${r.building}${r.floor ? `/${r.floor}` : ''}: ${r.route} > ${r.assemblyPoint}`).join('; ');
      const works = template.civilDefenseWorks?.[0];
      const contact = template.contacts?.[0];
      const rows = units.map((u) => [u.id, u.name, '学校', '朱家角镇', template.address ?? '', String(template.headCount ?? ''), works?.name ?? '', works?.address ?? '', String(works?.distanceMeters ?? ''), String(works?.capacity ?? ''), contact?.name ?? '', contact?.role ?? '', contact?.phone ?? '', route]);
      const header = ['id', 'name', 'kind', 'town', 'address', 'headCount', 'shelterName', 'shelterAddress', 'shelterDistance', 'shelterCapacity', 'contactName', 'contactRole', 'contactPhone', 'routes'];
      writeFileSync(csv, [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));
      cli = runCli(['templates', '--kind', 'school', '--registry', csv, '--all', '--year', '2026', '--now', '2026-01-01T00:00:00Z', '--out', join(dir, 'out'), '--quiet']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const measurements: Measurement[] = [
      { name: 'pdf', variant: 'liujin templates --all (CLI, written to disk)', medianMs: cli.ms, items: pages, itemLabel: 'page', peakRssBytes: cli.peakRssBytes, extra: { files: count } },
      { name: 'pdf', variant: 'liujin (school plans)', medianMs: ours, items: pages, itemLabel: 'page', peakRssBytes: peak, extra: { files: count, 'KB/file': Math.round(bytes / count / 1024), 'largest KB': Math.round(largest / 1024) } },
      { name: 'pdf', variant: 'baseline: raw pdfkit, shared font', medianMs: baseline, items: pages, itemLabel: 'page' },
    ];
    return measurements;
  },
};
