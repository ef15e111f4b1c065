/**
 * Chinese help for every option, keyed by its English description: `buildProgram` shows both, as
 * the command descriptions do (中文 first, English below). A test fails for an option without a
 * translation, so a new option gets one.
 */
const OPTION_HELP_ZH: Readonly<Record<string, string>> = {
  'output the version number': '显示版本号',
  'display help for command': '显示命令帮助',
  'language of messages and outputs': '提示信息与输出文件的语言',
  'machine-readable output on stdout': '在标准输出打印机器可读的 JSON',
  'print only errors': '只打印错误',
  'year to plan or audit (default: the current year in Asia/Shanghai)': '计划或审计的年份（默认：上海时间的当前年份）',
  'registry of units (.json, .jsonl, .csv, .xlsx); default: the synthetic sample district': '单位登记表（.json、.jsonl、.csv、.xlsx）；默认：虚构的示例区',
  'activity records (.json, .jsonl, .csv, .xlsx); default: the sample log with the sample district': '活动记录（.json、.jsonl、.csv、.xlsx）；默认：示例区的示例记录',
  'region profile for key dates: shanghai, beijing, jiangsu, ...': '关键日期所用的地区配置：shanghai、beijing、jiangsu 等',
  'catalog: a shipped one by name (qingpu-2024, songjiang-example) or a file (.json)': '要求目录：内置目录名（qingpu-2024、songjiang-example）或文件（.json）',
  'tailoring of the catalog (.json)': '要求目录的裁剪文件（.json）',
  'audit as of this date (YYYY-MM-DD)': '审计的评估日（YYYY-MM-DD）',
  'output folder': '输出目录',
  'timestamp written into generated files (default: SOURCE_DATE_EPOCH, else the current time)': '写入生成文件的时间戳（默认：SOURCE_DATE_EPOCH，否则为当前时间）',
  'only this sector': '只列出这一领域',
  'as of this date (YYYY-MM-DD; default: today, or 31 December for a past year)': '以此日期为准（YYYY-MM-DD；默认：今天，往年为 12 月 31 日）',
  "only this town's list (a town id or name of the registry)": '只列出这一街镇的清单（登记表中的街镇编号或名称）',
  "only this unit's list (a unit id of the registry)": '只列出这一单位的清单（登记表中的单位编号）',
  'formats, comma-separated; default: all': '输出格式，逗号分隔；默认：全部',
  'the first window: due within this many days (default 30, adjustable)': '第一时间窗：此天数内到期（默认 30，可调整）',
  'the second window: due within this many days (default 90, adjustable)': '第二时间窗：此天数内到期（默认 90，可调整）',
  'done within this many days up to the as-of date (default 30, adjustable)': '近期已完成：评估日前此天数内（默认 30，可调整）',
  'several years, e.g. 2025-2027': '多个年份，如 2025-2027',
  'reminders before deadlines, e.g. 7d,1d (empty for none)': '截止日前的提醒，如 7d,1d（留空则不提醒）',
  'template kind': '模板类型',
  'a blank template to fill in': '生成待填写的空白模板',
  'pre-fill for one unit': '为一个单位预填',
  'pre-fill for every unit of the kind': '为该类型的每个单位预填',
  'activity records (.json, .jsonl, .csv, .xlsx)': '活动记录（.json、.jsonl、.csv、.xlsx）',
  'judge as of this date (YYYY-MM-DD; default: today, or 31 December for a past year)': '按此日期评估（YYYY-MM-DD；默认：今天，往年为 12 月 31 日）',
  'waivers (.json, .jsonl, .csv)': '豁免记录（.json、.jsonl、.csv）',
  "last year's audit.json, for the change": '上年的 audit.json，用于计算变化',
  'report formats': '报告格式',
  'report formats, comma-separated; default: all': '报告格式，以逗号分隔；默认：全部',
  "the exporter's options as JSON, e.g. '{\"formats\":[\"json\"]}'": '导出器选项（JSON），如 \'{"formats":["json"]}\'',
  'exit 1 when the share of the work already due that is done is under this percentage (pending work does not count)': '已到期工作完成率低于此百分比时以退出码 1 结束（未到期的工作不计）',
  'worker threads for JSON Lines inputs: parsing a large activity log, judging units (default: one per core from 4 cores on, else 1; 1: this thread only; the reports are the same)': '处理 JSON Lines 输入所用的工作线程数：解析大型活动记录、评估各单位（默认：4 核及以上每核一个，否则 1 个；1：只用主线程；报告内容相同）',
  'from this many units on, write the unit detail once, to units.jsonl (audit.csv without json) (default 100000: default, adjustable)': '单位数达到此数时按大型审计输出：单位明细只写一次，写入 units.jsonl（不选 json 格式时写入 audit.csv）（默认 100000，默认，可调整）',
  'folder to write into': '写入的目录',
  'the same as --dir (the name the other commands use)': '同 --dir（与其他命令一致的名称）',
  'overwrite existing files': '覆盖已有文件',
  'registry of units': '单位登记表',
  'activity records': '活动记录',
  waivers: '豁免记录',
  port: '端口',
  'address to bind (loopback by default)': '监听地址（默认仅本机回环地址）',
  'folder to generate into and serve': '生成并发布的目录',
  "region profile for key dates (default: the registry district's region, shanghai for the sample)": '关键日期所用的地区配置（默认：登记表所属区的地区，示例区为 shanghai）',
  'waivers (.json, .jsonl, .csv): waived work leaves the feeds': '豁免记录（.json、.jsonl、.csv）：豁免的工作不再出现在日历中',
  'reminders before deadlines, e.g. 7d,1d (empty for none); moved off days off; default: the settings, else 7d,1d': '截止日前的提醒，如 7d,1d（留空则不提醒）；遇休息日提前到工作日；默认：参数设置中的值，否则 7d,1d',
  'reminder day of the year-long tasks (default: the settings, else 10-01; moved to the next working day)': '全年性任务的提醒日（默认：参数设置中的值，否则 10-01；遇休息日顺延到下一个工作日）',
  'the settings spreadsheet liujin init writes (.xlsx or .csv): deadlines, thresholds, reminders, optional asks dropped; applied on top of --tailoring': 'liujin init 写出的参数设置表（参数设置.xlsx 或 settings.csv）：期限、阈值、提醒、删除可选要求；在 --tailoring 之后应用',
  'folder of the last published feeds: SEQUENCE rises for the events that changed': '上次发布的日历目录：有变化的事件 SEQUENCE 加一',
  'domain of every UID (give each district its own; default liujin.local)': '每个 UID 的域名（各区应各用自己的；默认 liujin.local）',
  'official holidays and make-up workdays for years the bundled data lacks (a HolidayYear JSON or an array of them)': '内置数据缺少的年份的法定假日与调休上班日（一个 HolidayYear JSON 或其数组）',
  'a region profile (.json: siren rule, phases, time zone, per-year overrides) instead of --region': '地区配置文件（.json：试鸣规则、时段、时区、逐年调整），代替 --region',
  "the registry's district and towns (.csv, .xlsx, .json: id, name, type, district code, town code); default: Qingpu's 11 towns": '登记表所属的区及其街镇（.csv、.xlsx、.json：编号、名称、类型、区划代码、街镇代码）；默认：青浦区的 11 个街镇',
  "a district's towns from the division table (six-digit code, e.g. 310117 Songjiang): towns.csv, and the example rows placed in them": '按区划表写出一个区的街镇（六位区划代码，如松江区 310117）：towns.csv，示例行也放入这些街镇',
  'worksheet to read in .xlsx inputs (default: the first visible one; hidden sheets are never read)': '.xlsx 输入要读取的工作表（默认：第一个可见的工作表；从不读取隐藏的工作表）',
  'waivers (.json, .jsonl, .csv, .xlsx)': '豁免记录（.json、.jsonl、.csv、.xlsx）',
  'exit 1 when a character had to be printed as 〓 (no bundled font has it)': '有字符只能印成 〓（随附字体中没有）时以退出码 1 结束',
};

/**
 * `中文\nEnglish` for an option's help; the English alone when no translation exists (a test
 * catches it). A list option's values, appended to its English help, are not part of the key.
 */
export function bilingual(description: string): string {
  if (description.includes('\n')) return description;
  const values = / \(one or more of: [^)]*\)$/.exec(description);
  const zh = OPTION_HELP_ZH[values ? description.slice(0, values.index) : description];
  return zh === undefined ? description : `${zh}\n${description}`;
}
