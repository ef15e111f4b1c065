/**
 * The three plans the notice asks for, with the sections typical of each (DOMAIN.md):
 * 学校人民防空紧急疏散行动方案 (三（三）), 企业（园区）防空疏散演练方案 (三（四）) and
 * 居民区（村）防空袭方案 (三（五）). Blank mode leaves ruled space; pre-filled mode writes the
 * unit's facts and the year's siren test times.
 */
import type { KeyDate, Unit } from '@liujin/core';
import type { PlanDocument } from './layout';

/** The evacuation-plan templates: for schools, enterprises and communities. */
export type TemplateKind = 'school' | 'enterprise' | 'community';

/** Each template's Chinese title. */
export const TEMPLATE_TITLES: Readonly<Record<TemplateKind, string>> = {
  school: '学校人民防空紧急疏散行动方案',
  enterprise: '企业（园区）防空疏散演练方案',
  community: '居民区（村）防空袭方案',
};

/** Section headings of each kind, in order (tests look for every one in the PDF text). */
export const SECTIONS: Readonly<Record<TemplateKind, readonly string[]>> = {
  school: ['一、基本情况', '二、指导思想与工作原则', '三、组织机构与职责', '四、警报信号识别', '五、疏散路线与集合点', '六、人防工程或避险场所', '七、演练程序', '八、安全措施', '九、联系方式', '十、审批签字', '十一、预案管理与修订记录', '附件：疏散路线图'],
  enterprise: ['一、目的与依据', '二、组织机构与职责', '三、时间地点', '四、参演人员', '五、警报信号识别', '六、演练流程', '七、疏散路线与集结点', '八、人防工程', '九、安全措施', '十、总结评估', '十一、联系方式', '十二、审批签字与修订记录', '附件：疏散路线图'],
  community: ['一、基本情况', '二、任务', '三、组织与分工', '四、警报信号识别', '五、疏散路线与人防工程', '六、行动程序', '七、居民培训', '八、联系方式', '九、审批签字与修订记录', '附件：疏散路线图'],
};

const GROUPS: Readonly<Record<TemplateKind, readonly [string, string][]>> = {
  school: [['总指挥', '全面指挥疏散行动，下达疏散命令'], ['指挥组', '传达命令，掌握进度，协调各组'], ['疏散引导组', '按班级、楼层引导学生沿路线有序疏散'], ['抢险救护组', '现场抢险、救护伤员、联系医疗机构'], ['后勤保障组', '保障物资、水电、通信，维护秩序'], ['宣传报道组', '宣传教育，记录过程，及时报送活动信息']],
  enterprise: [['总指挥', '批准方案，下达演练命令'], ['疏散引导组', '引导员工沿路线疏散至集结点或人防工程'], ['警戒治安组', '设置警戒，维护秩序，防止次生事故'], ['医疗救护组', '现场救护，转送伤员'], ['后勤保障组', '保障物资、车辆、通信；在岗生产人员安全操作'], ['宣传组', '宣传动员，记录过程，报送活动信息']],
  community: [['组织指挥组', '统一指挥居民防空袭行动'], ['宣传组', '宣传动员，告知警报与路线'], ['抢险抢修组', '抢修水电气等设施'], ['疏散引导组', '引导居民按楼栋疏散至人防工程'], ['医疗救护组', '救护伤员，组织互救'], ['工程保障组', '人防工程开启、防护门关闭、通风转换'], ['治安管制组', '警戒巡逻，维护秩序'], ['综合保障组', '物资、饮水、食品和通信保障']],
};

const PROCEDURE: Readonly<Record<TemplateKind, readonly [string, string][]>> = {
  school: [['预先警报', '停止教学活动，教师组织学生按疏散路线迅速有序转移至人防工程或指定集合点。'], ['空袭警报', '进入掩蔽，保持安静，组织自救互救，抢险救护组待命。'], ['解除警报', '清点人数，逐级上报，有序返回，开展讲评总结。']],
  enterprise: [['预先警报', '启动方案，非必要岗位人员停止作业并按路线疏散；在岗生产人员确保设备安全运行或安全停机。'], ['空袭警报', '人员进入人防工程或集结点掩蔽，警戒治安组维护秩序，医疗救护组待命。'], ['解除警报', '清点人数，分批返回岗位，检查设备，总结评估。']],
  community: [['预先警报', '关闭水、电、燃气，携带应急包，按楼栋疏散图前往人防工程。'], ['空袭警报', '关闭防护门，转换通风方式，清点人数，组织自救互救。'], ['解除警报', '分批有序撤离，恢复水电气，讲评总结。']],
};

const TRAINING = ['警报试听', '心肺复苏', '止血包扎', '打逃生绳结', '穿戴防毒面具', '使用消防灭火器'];

export interface ContentInput {
  kind: TemplateKind;
  unit?: Unit;
  year: number;
  keyDates?: readonly KeyDate[];
  district?: { name: string; synthetic?: boolean };
}

const time = (iso: string) => iso.slice(11, 16);

export function writePlan(d: PlanDocument, input: ContentInput): void {
  const { kind, unit, year } = input;
  const blank = unit === undefined;
  const sections = SECTIONS[kind];
  const siren = input.keyDates?.find((k) => k.id === 'air-raid-siren-test');
  const dates = new Map((input.keyDates ?? []).map((k) => [k.id, k.date]));
  const shelter = unit?.civilDefenseWorks?.[0];
  let s = 0;
  const next = () => d.heading(1, sections[s++]!);

  d.title(`${blank ? '' : `${unit.name}\n`}${TEMPLATE_TITLES[kind]}`);
  d.subtitle(`${year} 年度 · 依据青国动〔2024〕10号${input.district ? ` · ${input.district.name}` : ''}${input.district?.synthetic ? ' · 示例数据' : ''}`);

  if (kind !== 'enterprise') {
    next();
    d.field('单位名称', unit?.name);
    d.field('地址', unit?.address);
    d.field(kind === 'school' ? '师生人数' : '居民人数', unit?.headCount?.toString());
    d.field(kind === 'school' ? '教学楼及班级数' : '楼栋及户数', undefined);
  }
  if (kind === 'school') {
    next();
    d.paragraph('坚持“预防为主、统一指挥、就近疏散、安全有序”的原则，根据战时人民防空行动需要，结合学校人员、场地、保障等实际情况，组织师生在警报发出后迅速、有序、安全地疏散掩蔽，并通过演练使师生熟悉疏散路线和自救互救技能。');
  } else if (kind === 'enterprise') {
    next();
    d.paragraph('依据青国动〔2024〕10号三（四），结合企业（园区）风险防控、隐患整治、安全生产工作，检验防空疏散方案，提高员工应急疏散和自救互救能力。');
    d.field('单位名称', unit?.name);
    d.field('地址', unit?.address);
    d.field('员工人数', unit?.headCount?.toString());
  } else {
    next();
    d.paragraph('根据居民区实际，组织居民在空袭警报发出后有序进入人防工程掩蔽，保障居民生命安全；每年修订本方案，结合全民国防教育日组织培训和演练，使组织人员和参与人员熟悉行动程序和各自任务。');
  }

  next();
  d.table(['机构', '职责', '负责人', '联系电话'], GROUPS[kind].map(([group, duty]) => [group, duty, '', '']), [2, 5, 1.6, 2]);

  if (kind === 'enterprise') {
    next();
    const drillDays = ['disaster-prevention-day', 'national-defense-education-day', 'fire-safety-day'].map((id) => dates.get(id)).filter(Boolean);
    d.field('演练时间', drillDays.length > 0 ? `${drillDays.join('、')}（全国防灾减灾日、全民国防教育日、全国消防日，择一或多次）` : undefined);
    d.field('演练地点', undefined);
    next();
    d.paragraph('参演人员为企业（园区）全体员工；在岗生产人员按岗位要求确保安全生产，不得擅自离岗。');
    d.field('参演人数', unit?.headCount?.toString());
  }

  next();
  const phases = siren?.phases ?? [];
  const patterns = ['鸣36秒，停24秒，反复3遍（3分钟）', '鸣6秒，停6秒，反复15遍（3分钟）', '连续长鸣3分钟'];
  d.table(
    ['信号', '音响规律', `${year} 年试鸣时间`],
    ['预先警报', '空袭警报', '解除警报'].map((name, i) => [name, phases[i]?.pattern?.zh ?? patterns[i]!, phases[i] ? `${phases[i]!.start.slice(0, 10)} ${time(phases[i]!.start)}–${time(phases[i]!.end)}` : '']),
    [2, 4, 3],
  );

  if (kind === 'enterprise') {
    next();
    for (const [signal, action] of PROCEDURE[kind]) d.paragraph(`${signal}：${action}`);
  }

  next();
  const routes = unit?.routes ?? [];
  const routeRows = routes.length > 0 ? routes.map((r) => [r.building, r.floor ?? '', r.route, r.assemblyPoint]) : Array.from({ length: 6 }, () => ['', '', '', '']);
  d.table([kind === 'community' ? '楼栋' : '楼宇', '楼层/班级', '疏散路线', '集合点'], routeRows, [2, 2, 4, 3]);
  if (kind === 'community') {
    d.field('人防工程', shelter?.name);
    d.field('人防工程地址', shelter?.address);
  }

  if (kind !== 'community') {
    next();
    d.field('人防工程名称', shelter?.name);
    d.field('地址', shelter?.address);
    d.field('距离（米）', shelter?.distanceMeters?.toString());
    d.field('可容纳人数', shelter?.capacity?.toString());
  }

  if (kind !== 'enterprise') {
    next();
    for (const [signal, action] of PROCEDURE[kind]) d.paragraph(`${signal}：${action}`);
    if (kind === 'school') d.field('演练日期', siren ? `${siren.date}（防空警报试鸣日；逢周末可提前至前一个上课日）` : undefined);
  }

  if (kind === 'community') {
    next();
    d.table(['培训项目', '日期', '参加人数'], TRAINING.map((t) => [t, '', '']), [4, 3, 2]);
    d.field('培训与演练日期', dates.get('national-defense-education-day') ? `${dates.get('national-defense-education-day')}（全民国防教育日前后）` : undefined);
  } else {
    next();
    d.paragraph('演练前检查路线和场所，清除障碍；上下楼梯靠右行，不推不挤；安排专人在楼梯口、转角处引导；如遇意外立即停止演练并处置。');
  }

  if (kind === 'enterprise') {
    next();
    d.paragraph('演练结束后组织讲评，评估方案的可行性和人员的熟悉程度，形成总结并修订方案，及时向区国动办报送活动信息。');
  }

  next();
  const contacts = unit?.contacts ?? [];
  d.table(['职务', '姓名', '电话'], contacts.length > 0 ? contacts.map((c) => [c.role, c.name, c.phone ?? '']) : [['', '', ''], ['', '', ''], ['', '', '']], [3, 3, 3]);

  next();
  d.field('编制人', undefined);
  d.field('审核人', undefined);
  d.field('批准人（签字、盖章）', undefined);
  d.field('日期', undefined);
  if (kind === 'school') next();
  d.table(['版本', '修订日期', '修订内容', '修订人'], [['1', '', '', ''], ['2', '', '', ''], ['3', '', '', '']], [1, 2, 5, 2]);

  d.frame(sections[sections.length - 1]!);
}
