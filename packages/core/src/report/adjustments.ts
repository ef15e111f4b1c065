/**
 * The "参数调整 / settings changed" section of plans and audits (docs/settings.md): each setting an
 * office changed from the catalog's value, so a signed report shows what was tailored.
 */
import type { Adjustment } from '../model/requirement';
import type { Lang, LocalizedText } from '../model/text';
import { markdownText } from './safe-text';

/** Headings and column names of the section, shared by every renderer (Markdown, HTML, XLSX). */
export const ADJUSTMENT_TEXT = {
  title: { zh: '参数调整', en: 'Settings changed' },
  intro: {
    zh: '以下参数按本区参数设置（--settings）取值，与目录默认值不同：',
    en: "These settings were taken from this district's settings (--settings) and differ from the catalog's values:",
  },
  id: { zh: '编号', en: 'Id' },
  setting: { zh: '参数', en: 'Setting' },
  default: { zh: '默认值', en: 'Default' },
  value: { zh: '采用值', en: 'Value used' },
} as const satisfies Record<string, LocalizedText>;

/** The section as Markdown lines (none when nothing was changed). */
export function adjustmentsMarkdown(adjustments: readonly Adjustment[] | undefined, lang: Lang): string[] {
  if (!adjustments || adjustments.length === 0) return [];
  const t = ADJUSTMENT_TEXT;
  return [
    `## ${t.title[lang]}`,
    '',
    t.intro[lang],
    '',
    `| ${t.id[lang]} | ${t.setting[lang]} | ${t.default[lang]} | ${t.value[lang]} |`,
    '|---|---|---|---|',
    ...adjustments.map((a) => `| ${markdownText(a.id)} | ${markdownText(a.label[lang])} | ${markdownText(a.default)} | ${markdownText(a.value)} |`),
    '',
  ];
}
