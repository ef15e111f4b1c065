/**
 * The three plans the notice asks for: 学校人民防空紧急疏散行动方案 (三（三）), 企业（园区）防空疏散演练
 * 方案 (三（四）) and 居民区（村）防空袭方案 (三（五）), with the sections a plan that is signed and used
 * needs (issue #21; cf. school emergency-operations guides: evacuation, accounting for all persons,
 * communications, medical). Values come from the registry where it has them and are fields to fill
 * in where it does not. Blank mode leaves ruled space; pre-filled mode writes the unit's facts and
 * the year's dates from core's planner rules.
 */
import { defaultWorkdayCalendar, KEY_DATE_IDS, type KeyDate, type Unit } from '@liujin/core';
import type { PlanDocument } from './document';
import { ALERTS, EMERGENCY_NUMBERS, EVALUATION, GROUPS, PROCEDURE, SIREN_PATTERNS, SUPPLIES, TEMPLATE_TITLES, TIMETABLE, TRAINING, VOLUNTEER_SOURCES, blankRows, col, type TemplateKind } from './texts';

export { TEMPLATE_TITLES, type TemplateKind } from './texts';

/** Section headings of each kind, in order (tests look for every one in the PDF text). */
export const SECTIONS: Readonly<Record<TemplateKind, readonly string[]>> = {
  school: ['一、基本情况', '二、指导思想与工作原则', '三、组织机构与职责', '四、楼层与班级责任教师', '五、残障学生与低年级学生', '六、警报信号识别', '七、校内演练通知方式', '八、疏散路线与集合点', '九、人防工程或避险场所', '十、演练程序', '十一、救护点与物资保障', '十二、安全措施', '十三、联系方式与应急电话', '十四、年度演练安排', '十五、审批签字', '十六、预案管理与修订记录'],
  enterprise: ['一、目的与依据', '二、组织机构与职责', '三、演练情景', '四、时间地点', '五、参演人员', '六、警报信号识别', '七、演练流程与时间表', '八、危险源处置', '九、疏散路线与集结点', '十、人防工程', '十一、安全措施与物资', '十二、总结评估', '十三、联系方式与应急电话', '十四、审批签字', '十五、预案管理与修订记录'],
  community: ['一、基本情况', '二、任务', '三、组织与分工', '四、宣教队伍与楼栋长', '五、重点帮扶人员', '六、警报信号识别', '七、居民通知方式', '八、疏散路线与人防工程', '九、行动程序', '十、物资保障', '十一、居民培训', '十二、联系方式与应急电话', '十三、审批签字', '十四、预案管理与修订记录'],
};

/** The annex every plan ends with: its label (附件) and title (疏散路线图, the evacuation route map). */
export const ANNEX = { label: '附件', title: '疏散路线图' } as const;

export interface ContentInput {
  kind: TemplateKind;
  unit?: Unit;
  year: number;
  keyDates?: readonly KeyDate[];
  district?: { name: string; synthetic?: boolean };
}

const time = (iso: string) => iso.slice(11, 16);

/**
 * The day schools drill: the siren test day, or when it falls on a weekend or holiday the school
 * day before (the planner's `schoolDrillBeforeWeekend` rule, seen in 2014, 2018 and 2025).
 */
export function schoolDrillDay(siren: KeyDate): string {
  return siren.isWorkday ? siren.date : defaultWorkdayCalendar().previousWorkday(siren.date);
}

export function writePlan(d: PlanDocument, input: ContentInput): void {
  const { kind, unit, year } = input;
  const sections = SECTIONS[kind];
  const dates = new Map((input.keyDates ?? []).map((k) => [k.id, k]));
  const siren = dates.get(KEY_DATE_IDS.sirenTest);
  const shelter = unit?.civilDefenseWorks?.[0];
  let s = 0;
  const next = () => d.heading(sections[s++]!);
  const people = kind === 'school' ? '师生人数' : kind === 'enterprise' ? '员工人数' : '居民人数';
  const where = kind === 'school' ? ['楼宇', '楼层/班级'] : kind === 'enterprise' ? ['厂房/区域', '车间/班组'] : ['楼栋', '单元'];

  d.title(`${unit ? `${unit.name}\n` : ''}${TEMPLATE_TITLES[kind]}`);
  // "示例数据" once: a sample unit's name already says 示例 (issue #21).
  const sample = input.district?.synthetic && !(unit?.name.includes('示例') ?? false) && !(input.district.name.includes('示例'));
  d.subtitle(`${year} 年度 · 依据青国动〔2024〕10号${input.district ? ` · ${input.district.name}` : ''}${sample ? ' · 示例数据' : ''}`);

  next();
  if (kind === 'enterprise') d.paragraph('依据青国动〔2024〕10号三（四），结合企业（园区）风险防控、隐患整治、安全生产工作，检验防空疏散方案，提高员工应急疏散和自救互救能力。');
  d.field('单位名称', unit?.name);
  d.field('地址', unit?.address, 2);
  d.field(people, unit?.headCount?.toString());
  if (kind === 'school') {
    d.field('教学楼及班级数', undefined);
    d.field('目标疏散时间（分钟）', undefined);
    next();
    d.paragraph('坚持“预防为主、统一指挥、就近疏散、安全有序”的原则，根据战时人民防空行动需要，结合学校人员、场地、保障等实际情况，组织师生在警报发出后迅速、有序、安全地疏散掩蔽，并通过演练使师生熟悉疏散路线和自救互救技能。');
  } else if (kind === 'community') {
    d.field('楼栋及户数', undefined);
    next();
    d.paragraph('根据居民区实际，组织居民在空袭警报发出后有序进入人防工程掩蔽，保障居民生命安全；每年修订本方案，结合全民国防教育日组织培训和演练，使组织人员和参与人员熟悉行动程序和各自任务。');
  }

  next();
  const groupColumns = [col('机构', 2), col('职责', 5, { editable: true, lines: 2 }), ...(kind === 'enterprise' ? [col('抽调部门', 2.2, { editable: true })] : []), col('负责人', 1.6, { editable: true }), col('联系电话', 2, { editable: true })];
  d.table(groupColumns, GROUPS[kind].map(([group, duty]) => [group, duty, ...(kind === 'enterprise' ? ['人武、安全生产部门'] : []), '', '']));

  if (kind === 'school') {
    next();
    d.table([col('楼宇', 2, { editable: true }), col('楼层', 1.4, { editable: true }), col('班级', 2, { editable: true }), col('责任教师', 2, { editable: true }), col('联系电话', 2, { editable: true })], blankRows(5, 5));
    next();
    d.table([col('班级', 2, { editable: true }), col('学生情况（残障、低年级）', 4, { editable: true, lines: 2 }), col('协助教师或同学', 2.4, { editable: true }), col('疏散方式', 3, { editable: true, lines: 2 })], blankRows(3, 4));
  } else if (kind === 'enterprise') {
    next();
    d.field('演练情景', undefined, 3);
    next();
    const occasions = [KEY_DATE_IDS.disasterPreventionDay, KEY_DATE_IDS.educationDay, KEY_DATE_IDS.fireSafetyDay].map((id) => dates.get(id)).filter((k): k is KeyDate => k !== undefined);
    if (occasions.length > 0) d.paragraph(`可选演练时机（三（四））：${occasions.map((k) => `${k.date} ${k.title}`).join('；')}。`);
    d.field('演练日期', undefined);
    d.field('演练地点', undefined, 2);
    next();
    d.paragraph('参演人员为企业（园区）全体员工；在岗生产人员按岗位要求确保安全生产，不得擅自离岗。');
    d.field('参演人数', unit?.headCount?.toString());
  } else {
    next();
    d.table([col('来源', 2), col('姓名', 2, { editable: true }), col('联系电话', 2.4, { editable: true }), col('负责楼栋', 3, { editable: true })], VOLUNTEER_SOURCES.map((v) => [v, '', '', '']));
    d.table([col('楼栋', 2, { editable: true }), col('楼栋长', 2, { editable: true }), col('联系电话', 2.4, { editable: true }), col('备注', 3, { editable: true })], blankRows(4, 4));
    next();
    d.table([col('姓名', 1.8, { editable: true }), col('楼栋室号', 2, { editable: true }), col('情况（独居老人、残疾人等）', 3.4, { editable: true, lines: 2 }), col('帮扶人', 1.8, { editable: true }), col('联系电话', 2.2, { editable: true })], blankRows(4, 5));
  }

  next();
  const phases = siren?.phases ?? [];
  d.table(
    [col('信号', 2), col('音响规律', 4), col(`${year} 年试鸣时间`, 3)],
    ['预先警报', '空袭警报', '解除警报'].map((name, i) => [name, phases[i]?.pattern?.zh ?? SIREN_PATTERNS[i]!, phases[i] ? `${phases[i]!.start.slice(0, 10)} ${time(phases[i]!.start)}–${time(phases[i]!.end)}` : '']),
  );

  if (kind === 'school') {
    next();
    d.field('校内通知方式（广播、铃声、班主任）', undefined, 2);
  } else if (kind === 'community') {
    next();
    d.table([col('方式', 3), col('负责人', 2, { editable: true }), col('说明', 4, { editable: true, lines: 2 })], ALERTS.map((a) => [a, '', '']));
  } else {
    next();
    for (const [signal, action] of PROCEDURE[kind]) d.paragraph(`${signal}：${action}`);
    d.table([col('时间（分钟）', 1.6, { editable: true }), col('环节', 5, { editable: true, lines: 2 }), col('负责组', 2, { editable: true })], [...TIMETABLE.map((r) => [...r]), ...blankRows(2, 3)]);
    next();
    d.table([col('车间', 2, { editable: true }), col('危险源（燃气、化学品、电源）', 3.4, { editable: true, lines: 2 }), col('关闭或处置措施', 3.4, { editable: true, lines: 2 }), col('责任人', 1.8, { editable: true })], blankRows(4, 4));
  }

  next();
  const routes = unit?.routes ?? [];
  const routeRows = [...routes.map((r) => [r.building, r.floor ?? '', r.route, r.assemblyPoint]), ...blankRows(routes.length > 0 ? 2 : 5, 4)];
  d.table([col(where[0]!, 2, { editable: true }), col(where[1]!, 2, { editable: true }), col('疏散路线', 4, { editable: true, lines: 3 }), col(kind === 'enterprise' ? '集结点' : '集合点', 3, { editable: true, lines: 2 })], routeRows);
  if (kind !== 'community') next();
  d.field('人防工程名称', shelter?.name);
  d.field('人防工程地址', shelter?.address, 2);
  d.field('距离（米）', shelter?.distanceMeters?.toString());
  d.field('可容纳人数', shelter?.capacity?.toString());
  if (shelter?.capacity !== undefined && unit?.headCount !== undefined) {
    const gap = unit.headCount - shelter.capacity;
    d.paragraph(gap > 0 ? `容量缺口：${people} ${unit.headCount} 人，人防工程可容纳 ${shelter.capacity} 人，缺口 ${gap} 人，需另行安排就近人防工程或避险场所。` : `容量核对：${people} ${unit.headCount} 人，人防工程可容纳 ${shelter.capacity} 人，容量足够。`);
    if (gap > 0) d.field('缺口安置场所', undefined, 2);
  }

  if (kind !== 'enterprise') {
    next();
    for (const [signal, action] of PROCEDURE[kind]) d.paragraph(`${signal}：${action}`);
    if (kind === 'school') d.field('演练日期', siren ? schoolDrillDay(siren) : undefined);
  }

  next();
  if (kind === 'school') d.field('救护点位置', undefined, 2);
  d.table([col('物资', 3), col('数量', 1.4, { editable: true }), col('存放位置', 3, { editable: true }), col('保管人', 2, { editable: true })], [...SUPPLIES[kind].map((x) => [x, '', '', '']), ...blankRows(1, 4)]);
  if (kind === 'community') {
    next();
    const education = dates.get(KEY_DATE_IDS.educationDay);
    d.table([col('培训项目（三（五））', 4), col('日期', 3, { editable: true }), col('参加人数', 2, { editable: true })], TRAINING.map((t) => [t, '', '']));
    d.field('培训与演练日期', education ? `${education.date}（全民国防教育日前后）` : undefined);
  } else if (kind === 'school') {
    next();
    d.paragraph('演练前检查路线和场所，清除障碍；上下楼梯靠右行，不推不挤；安排专人在楼梯口、转角处引导；如遇意外立即停止演练并处置。');
  } else {
    d.paragraph('演练前检查路线和场所，清除障碍；安排专人在楼梯口、转角处引导；如遇意外立即停止演练并处置。');
    next();
    d.table([col('评估项目', 3), col('评价（好、中、差）', 2.4, { editable: true }), col('问题与改进意见', 5, { editable: true, lines: 2 })], EVALUATION.map((e) => [e, '', '']));
  }

  next();
  const contacts = unit?.contacts ?? [];
  d.table([col('职务', 3, { editable: true }), col('姓名', 3, { editable: true }), col('电话', 3, { editable: true })], [...contacts.map((c) => [c.role, c.name, c.phone ?? '']), ...blankRows(contacts.length > 0 ? 2 : 3, 3)]);
  d.table([col('应急电话', 4), col('号码', 5, { editable: true })], EMERGENCY_NUMBERS.map(([who, number]) => [who, number]));

  if (kind === 'school') {
    next();
    const days: [string, string][] = [];
    if (siren) days.push([schoolDrillDay(siren), `防空警报试鸣日疏散演练${siren.isWorkday ? '' : `（试鸣日 ${siren.date} 非上课日）`}`]);
    const education = dates.get(KEY_DATE_IDS.educationDay);
    if (education) days.push([education.date, '全民国防教育日集中宣传']);
    d.table([col('日期', 2.4, { editable: true }), col('内容', 5, { editable: true, lines: 2 }), col('参加人员', 2.4, { editable: true })], [...days.map(([date, what]) => [date, what, '']), ...blankRows(2, 3)]);
  }

  next();
  d.approval(['编制人', '审核人', '批准人（签字）', '日期'], '单位盖章');
  next();
  d.table([col('版本', 1), col('修订日期', 2, { editable: true }), col('修订内容', 5, { editable: true, lines: 2 }), col('修订人', 2, { editable: true })], [['1', '', '', ''], ['2', '', '', ''], ['3', '', '', '']]);

  // One sketch frame per building (school) or one for the whole site.
  const buildings = [...new Set(routes.map((r) => r.building))];
  for (const building of buildings.length > 0 && kind === 'school' ? buildings : [undefined]) {
    d.annexPage(ANNEX.label, ANNEX.title);
    d.field(where[0]!, building);
    d.frame();
  }
}
