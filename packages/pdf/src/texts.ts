/**
 * Fixed wording of the three plans: organisation tables, procedures, supplies, evaluation items.
 * Duties and supplies are defaults a unit edits (they are form fields, pre-filled); nothing here
 * is a requirement the notice sets unless a clause is cited.
 */
import type { Column } from './layout';

/** The evacuation-plan templates: for schools, enterprises and communities. */
export type TemplateKind = 'school' | 'enterprise' | 'community';

/** Each template's Chinese title. */
export const TEMPLATE_TITLES: Readonly<Record<TemplateKind, string>> = {
  school: '学校人民防空紧急疏散行动方案',
  enterprise: '企业（园区）防空疏散演练方案',
  community: '居民区（村）防空袭方案',
};

/** Organisation: group, default duty (editable). Enterprise groups come from 人武 and 安全生产 (三（四）). */
export const GROUPS: Readonly<Record<TemplateKind, readonly [string, string][]>> = {
  school: [['总指挥', '全面指挥疏散行动，下达疏散命令'], ['指挥组', '传达命令，掌握进度，协调各组'], ['疏散引导组', '按班级、楼层引导学生沿路线有序疏散，清点人数'], ['抢险救护组', '现场抢险，在救护点救护伤员，联系医疗机构'], ['后勤保障组', '保障物资、水电、通信，维护秩序'], ['宣传报道组', '校内通知与宣传教育，记录过程，及时报送活动信息']],
  enterprise: [['总指挥', '批准方案，下达演练命令'], ['疏散引导组', '引导员工沿路线疏散至集结点或人防工程，清点人数'], ['危险源处置组', '按车间关闭燃气、化学品、电源等危险源'], ['警戒治安组', '设置警戒，维护秩序，防止次生事故'], ['医疗救护组', '现场救护，转送伤员'], ['后勤保障组', '保障物资、车辆、通信'], ['宣传组', '宣传动员，记录过程，报送活动信息']],
  community: [['组织指挥组', '统一指挥居民防空袭行动'], ['宣传组', '宣传动员，告知警报与路线'], ['抢险抢修组', '抢修水电气等设施'], ['疏散引导组', '引导居民按楼栋疏散至人防工程'], ['医疗救护组', '救护伤员，组织互救'], ['工程保障组', '人防工程开启、防护门关闭、通风转换'], ['治安管制组', '警戒巡逻，维护秩序'], ['综合保障组', '物资、饮水、食品和通信保障']],
};

export const PROCEDURE: Readonly<Record<TemplateKind, readonly [string, string][]>> = {
  school: [['预先警报', '停止教学活动，教师组织学生按疏散路线迅速有序转移至人防工程或指定集合点。'], ['空袭警报', '进入掩蔽，保持安静，组织自救互救，抢险救护组待命。'], ['解除警报', '清点人数，逐级上报，有序返回，开展讲评总结。']],
  enterprise: [['预先警报', '启动方案，非必要岗位人员停止作业并按路线疏散；在岗生产人员确保设备安全运行或安全停机。'], ['空袭警报', '人员进入人防工程或集结点掩蔽，警戒治安组维护秩序，医疗救护组待命。'], ['解除警报', '清点人数，分批返回岗位，检查设备，总结评估。']],
  community: [['预先警报', '关闭水、电、燃气，携带应急包，按楼栋疏散图前往人防工程；楼栋长和帮扶人协助重点人员。'], ['空袭警报', '关闭防护门，转换通风方式，清点人数，组织自救互救。'], ['解除警报', '分批有序撤离，恢复水电气，讲评总结。']],
};

export const SIREN_PATTERNS = ['鸣36秒，停24秒，反复3遍（3分钟）', '鸣6秒，停6秒，反复15遍（3分钟）', '连续长鸣3分钟'] as const;

/** 三（五）: the training items the notice names. */
export const TRAINING = ['警报试听', '心肺复苏', '止血包扎', '打逃生绳结', '穿戴防毒面具', '使用消防灭火器'] as const;

export const SUPPLIES: Readonly<Record<TemplateKind, readonly string[]>> = {
  school: ['急救箱', '口哨', '扩音器（喊话器）', '应急照明灯', '班级名册'],
  enterprise: ['急救箱', '扩音器（喊话器）', '应急照明灯', '警戒带', '对讲机'],
  community: ['急救箱', '扩音器（喊话器）', '应急照明灯', '饮用水', '应急食品'],
};

/** A minute-by-minute timetable of an enterprise drill (default, adjustable). */
export const TIMETABLE: readonly [string, string, string][] = [
  ['T-10', '各组就位，检查路线和集结点', '总指挥'],
  ['T+0', '预先警报：非必要岗位停止作业，开始疏散', '疏散引导组'],
  ['T+1', '按车间关闭燃气、化学品、电源', '危险源处置组'],
  ['T+5', '到达集结点或人防工程，清点人数并上报', '疏散引导组'],
  ['T+6', '空袭警报：掩蔽，救护待命', '医疗救护组'],
  ['T+15', '解除警报：检查设备，分批返回岗位', '后勤保障组'],
  ['T+20', '讲评', '总指挥'],
];

export const EVALUATION = ['警报信号识别', '疏散用时', '集结与清点人数', '危险源处置', '医疗救护', '通信联络'] as const;

/** 三（五）: the publicity team the notice names is 居委, 物业 and community volunteers. */
export const VOLUNTEER_SOURCES = ['居委', '物业', '社区志愿者'] as const;

export const ALERTS = ['小区广播', '微信群、短信', '逐户敲门（独居老人、残疾人优先）'] as const;

/** Emergency numbers: the national ones are fixed; the offices' numbers are fields to fill in. */
export const EMERGENCY_NUMBERS: readonly [string, string][] = [
  ['匪警', '110'],
  ['火警', '119'],
  ['急救', '120'],
  ['区国动办（人防办）', ''],
  ['街镇国防动员工作组', ''],
];

export const col = (header: string, width: number, options: Omit<Column, 'header' | 'width'> = {}): Column => ({ header, width, ...options });
export const blankRows = (n: number, cells: number): string[][] => Array.from({ length: n }, () => Array.from({ length: cells }, () => ''));
