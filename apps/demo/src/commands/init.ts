/**
 * `liujin init`: starter input files a user fills in — registry and activities as XLSX and CSV
 * with a few example rows, a README of every column, and a tailoring example. Headers are the
 * Chinese labels; English field names are accepted as well.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { QINGPU_2024_CATALOG_JSON, problem } from '@liujin/core';
import { ACTIVITY_KIND_LABELS, UNIT_KIND_LABELS } from '@liujin/core/plugin';
import { ACTIVITY_COLUMNS, REGISTRY_COLUMNS, WAIVER_COLUMNS, settingsTable, type ColumnSpec } from '@liujin/core/io';
import { SETTINGS_XLSX, settingsWorkbook } from './settings-sheet';
import { writeFileAtomic } from '../files';
import { EXIT, InputError, type GlobalOptions } from '../runtime';
import { outputFor } from './common';

const REGISTRY_ROWS = [
  ['sch-zjj-001', '朱家角镇示例小学', '学校', '朱家角镇', '青浦区朱家角镇示例路1号', '860', '', '', '示例路地下人防工程', '示例路2号地下一层', '350', '1200', '王老师', '分管副校长', '021-00000000', '教学楼/1-3层: 东侧楼梯 > 操场; 综合楼: 西门 > 操场'],
  ['ent-xj-001', '徐泾镇示例企业', '企业', '徐泾镇', '青浦区徐泾镇示例路8号', '320', '', '', '', '', '', '', '李经理', '安全生产负责人', '021-00000001', ''],
  ['res-xy-001', '夏阳街道示例居委', '居委', '夏阳街道', '', '4200', '', '', '示例小区地下车库人防工程', '', '120', '2000', '张书记', '居委书记', '', ''],
  ['vil-jz-001', '金泽镇示例村', '村委', '金泽镇', '', '1800', '', '', '', '', '', '', '', '', '', ''],
  ['town-zjj', '朱家角镇国防动员工作组', '街镇', '朱家角镇', '', '', '', '', '', '', '', '', '', '', '', ''],
];
const ACTIVITY_ROWS = [
  ['town-zjj', '年度计划报送', '2026-02-20', '', '朱家角镇2026年“六进”工作计划', '', '', '朱国动〔2026〕1号', '', ''],
  ['sch-zjj-001', '编制疏散方案', '2026-03-10', '', '学校人民防空紧急疏散行动方案', '', '', '方案文本', '', ''],
  ['sch-zjj-001', '疏散演练', '2026-09-18', '11:35', '防空警报试鸣前疏散演练', '学校操场', '820', '照片12张', '', ''],
  ['sch-zjj-001', '活动信息报送', '2026-09-21', '', '演练新闻报送', '', '', 'https://example.org/news/1', '', ''],
  ['res-xy-001', '培训', '2026-09-12', '14:00', '自救互救培训', '居委活动室', '45', '签到表', 'cpr; bandaging; gas-masks', ''],
];

function header(columns: readonly ColumnSpec[]): string[] {
  return columns.map((c) => c.zh);
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: readonly (readonly string[])[]): string {
  // UTF-8 with BOM so Excel opens the Chinese headers correctly.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function columnTable(title: string, columns: readonly ColumnSpec[]): string[] {
  return [
    `## ${title}`,
    '',
    '| 列（中文） | column (English) | 必填 required | 说明 | description | 示例 example |',
    '|---|---|---|---|---|---|',
    ...columns.map((c) => `| ${c.zh} | \`${c.field}\` | ${c.required ? '是 yes' : ''} | ${c.description.zh} | ${c.description.en} | ${c.example.replace(/\|/g, '\\|')} |`),
    '',
  ];
}

export function inputReadme(): string {
  return [
    '# liujin 输入文件说明 / Input files',
    '',
    '填写 `registry.xlsx`（或 `registry.csv`）登记各单位，填写 `activities.xlsx`（或 `.csv`）记录开展的工作，然后运行：',
    'Fill in the registry and the activities, then run:',
    '',
    '```sh',
    'node /path/to/liujin/apps/demo/bin/liujin.js validate --registry registry.xlsx --activities activities.xlsx',
    'node /path/to/liujin/apps/demo/bin/liujin.js plan --registry registry.xlsx --activities activities.xlsx --out out',
    '```',
    '',
    '`/path/to/liujin` 是你的 liujin 仓库目录（先在其中运行 `npm ci && npm run build`）。在仓库目录内也可用 `npx liujin`；在仓库之外请勿用 `npx liujin`：它会到 npm 仓库查找一个尚未发布的包名。',
    '`/path/to/liujin` is your liujin checkout (run `npm ci && npm run build` in it first). Inside the checkout `npx liujin` works too; outside it, do not use `npx liujin`: it would look the name up on the npm registry, where liujin is not published.',
    '',
    '这些文件含有单位名称和联系人电话：请放在 liujin 仓库之外（或仓库中 .gitignore 忽略的 `local/` 目录内），不要提交到仓库。',
    'These files hold unit names and contacts\' phone numbers: keep them outside the liujin repository (or in its `local/` folder, which .gitignore covers), never commit them.',
    '',
    '表头可以用中文列名，也可以用英文字段名；CSV 可为 UTF-8（含或不含 BOM）或 GBK 编码。',
    'Headers may be the Chinese labels or the English field names; CSV may be UTF-8 (with or without BOM) or GBK.',
    '',
    ...columnTable('登记表 registry', REGISTRY_COLUMNS),
    `单位类型 kinds: ${Object.entries(UNIT_KIND_LABELS).map(([k, v]) => `${v.zh} \`${k}\``).join('; ')}; 居委 / 村委 = community.`,
    '',
    ...columnTable('活动记录 activities', ACTIVITY_COLUMNS),
    `活动类型 activity kinds: ${Object.entries(ACTIVITY_KIND_LABELS).map(([k, v]) => `${v.zh} \`${k}\``).join('; ')}.`,
    '',
    ...columnTable('豁免 waivers (waivers.csv)', WAIVER_COLUMNS),
    '## 街镇 towns (towns.csv)',
    '',
    '`liujin init --district 区划代码` 从区划表写出该区的街镇（towns.csv，并作为 registry.xlsx 的工作表「街镇」）；CSV 登记表用 `--towns towns.csv` 读取，registry.xlsx 自带街镇表。不给时按青浦区的 11 个街镇。多个区（市级审计）：在一个街镇表中列出各区的街镇，「区」列写各自的区划代码。',
    '`liujin init --district CODE` writes the district\'s towns from the division table (towns.csv, and the sheet 街镇 of registry.xlsx); a CSV registry reads them with `--towns towns.csv`, registry.xlsx carries its own. Without it, Qingpu\'s 11 towns are used. Several districts (a city office): list every district\'s towns in one towns table, each row with its district code.',
    '',
    '## 参数设置 settings',
    '',
    '`参数设置.xlsx`（或 `settings.csv`）列出目录中每一个可调整的值：各要求的截止日期、天数、阈值、覆盖目标和日历提醒，注明通知是否规定（未规定的为“默认，可调整”）。在“修改为”列填新值、在“删除此要求”列填“是”删除可选要求，然后在各命令后加 `--settings 参数设置.xlsx`。详见 docs/settings.md。',
    '`参数设置.xlsx` (or `settings.csv`) lists every adjustable value of the catalog: deadlines, days, thresholds, coverage targets and calendar reminders, with whether the notice sets them (those it does not are "default, adjustable"). Write a new value in "修改为 / change to", "是" in "删除此要求 / drop" to drop an optional requirement, then add `--settings 参数设置.xlsx` to the commands. See docs/settings.md.',
    '',
    '## 裁剪 tailoring',
    '',
    '`tailoring.example.json` 展示如何删减、选择或调整要求与参数；用 `--tailoring` 传入。',
    '`tailoring.example.json` shows how to drop, select or adjust requirements and parameters; pass it with `--tailoring`.',
    '',
  ].join('\n');
}

export const TAILORING_EXAMPLE = {
  base: 'qingpu-2024',
  drop: ['qp2024.general.local-brand'],
  parameters: { 'qp2024.general.news-report': { newsReportWorkdays: 3 }, 'qp2024.community.self-rescue-training': { minTopics: 4 } },
  overrides: { 'qp2024.school.evacuation-drill': { target: 1 } },
};

/** The Qingpu towns the example rows name, in the order another district's towns replace them. */
const EXAMPLE_TOWNS = ['朱家角镇', '徐泾镇', '夏阳街道', '金泽镇'];

/**
 * `--district CODE`: the district's towns from the division table (towns.csv), and the example
 * rows moved into them, so the starter files validate as they are (`--towns towns.csv`).
 */
async function districtStarter(code: string): Promise<{ towns: string[][]; rename: (text: string) => string } | undefined> {
  const { districtFromCode, TOWN_COLUMNS } = await import('@liujin/core/divisions');
  const found = districtFromCode(code);
  if (!found || found.towns.length === 0) {
    throw new InputError([problem('unknown_district', { zh: `区划代码「${code}」不存在或没有街镇（应为六位 GB/T 2260 区县代码，如 310117 松江区）`, en: `district code "${code}" does not exist or has no towns (expected a six-digit GB/T 2260 county-level code such as 310117 for Songjiang)` }, { path: ['--district'] })]);
  }
  const towns = [TOWN_COLUMNS.map((c) => c.zh), ...found.towns.map((t) => [t.id, t.name, { subdistrict: '街道', town: '镇', township: '乡', other: '其他' }[t.type], code, t.code])];
  const names = EXAMPLE_TOWNS.map((_, i) => found.towns[i % found.towns.length]!.name);
  const rename = (text: string) => EXAMPLE_TOWNS.reduce((t, qingpu, i) => t.replaceAll(qingpu, names[i]!), text.replaceAll('青浦区', found.district.name));
  return { towns, rename };
}

export async function runInit(options: Record<string, unknown>, global: GlobalOptions): Promise<number> {
  const out = outputFor(global);
  // `--out` is the name every other command uses for where it writes; `--dir` is the original name.
  const dir = String(options.out ?? options.dir);
  const starter = options.district !== undefined ? await districtStarter(String(options.district)) : undefined;
  const names = ['registry.xlsx', 'registry.csv', 'activities.xlsx', 'activities.csv', 'waivers.csv', SETTINGS_XLSX, 'settings.csv', 'README.md', 'tailoring.example.json', ...(starter ? ['towns.csv'] : [])];
  const existing = names.filter((n) => existsSync(join(dir, n)));
  if (existing.length > 0 && !options.force) {
    throw new InputError(existing.map((n) => problem('file_exists', { zh: '文件已存在（用 --force 覆盖）', en: 'file exists (use --force to overwrite)' }, { file: join(dir, n) })));
  }
  const { writeWorkbook } = await import('@liujin/audit');
  const created = new Date(Date.UTC(2026, 0, 1));
  const moved = (rows: readonly string[][]) => (starter ? rows.map((r) => r.map(starter.rename)) : rows);
  const registryRows = [header(REGISTRY_COLUMNS), ...moved(REGISTRY_ROWS)];
  const activityRows = [header(ACTIVITY_COLUMNS), ...moved(ACTIVITY_ROWS)];
  const files: [string, string | Uint8Array][] = [
    // With --district the workbook carries its towns sheet 街镇 too: it validates without --towns.
    ['registry.xlsx', await writeWorkbook([{ name: '登记表', rows: registryRows, widths: REGISTRY_COLUMNS.map((c) => Math.max(10, c.zh.length * 2 + 4)) }, ...(starter ? [{ name: '街镇', rows: starter.towns, widths: [16, 16, 8, 10, 16] }] : [])], created)],
    ['registry.csv', csv(registryRows)],
    ['activities.xlsx', await writeWorkbook([{ name: '活动记录', rows: activityRows, widths: ACTIVITY_COLUMNS.map((c) => Math.max(10, c.zh.length * 2 + 4)) }], created)],
    ['activities.csv', csv(activityRows)],
    ['waivers.csv', csv([header(WAIVER_COLUMNS)])],
    [SETTINGS_XLSX, await settingsWorkbook(writeWorkbook, created)],
    ['settings.csv', csv(settingsTable(QINGPU_2024_CATALOG_JSON))],
    ['README.md', inputReadme()],
    ['tailoring.example.json', `${JSON.stringify(TAILORING_EXAMPLE, null, 2)}\n`],
    ...(starter ? ([['towns.csv', csv(starter.towns)]] as [string, string][]) : []),
  ];
  for (const [name, content] of files) await writeFileAtomic(join(dir, name), content);
  if (global.json) out.data(files.map(([n]) => join(dir, n)));
  else {
    out.info(global.lang === 'zh' ? `已写出输入文件样例到 ${dir}/：` : `starter input files written to ${dir}/:`);
    for (const [name] of files) out.info(`  ${join(dir, name)}`);
  }
  return EXIT.ok;
}
