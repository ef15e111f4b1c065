import { z } from 'zod';
import { Id, LocalDate, LocalTime, type LocalizedText } from './text';

/** What a unit did, as evidence for the notice's requirements. */
export const ActivityKind = z.enum([
  'annual-plan-submitted', // 四（一）: the year's work plan sent to the district office by end of February
  'activity-news-reported', // closing paragraph: news of an activity reported
  'evacuation-plan-compiled', // 三（三）（四）: an evacuation plan written
  'evacuation-plan-revised', // 三（五）: the anti-air-raid plan revised
  'evacuation-drill', // 疏散演练
  'training', // 培训 (self-rescue and mutual-aid training, cadre training)
  'course', // 课程 (Party-school course, class lesson)
  'concentrated-publicity', // 集中宣传
  'education-base-visit', // 参观人防科普教育基地 / 人防工程
  'cobuilding-agreement', // 共建协议 with the Party school
  'online-publicity', // 网络宣传: posts, videos, courseware
  'display', // 展板、海报、书上架、图上墙、宣传阵地
  'study-session', // 理论学习中心组专题学习
  'contest', // 知识竞赛
  'siren-listening', // 警报试听
  'media-product', // 海报、宣传片、短视频、音频、小游戏
  'liaison-mechanism', // 联络机制 / 沟通联系机制 / 工作小组
  'team-established', // 宣教队伍 / 工作小组 set up
  'site-established', // 故事长廊、微展馆、体验角, 宣教阵地
  'budget-allocated', // 四（四）: special funds in the annual budget
  'brand-initiative', // 四（二）: local brand of publicity
  'work-summary', // 四（三）: experience summary, evaluation
  'shelter-visit', // 三（五）: 组织居民参观地下人防工程 (a shelter, not an education base)
  'cadre-training', // 三（二）: 干部国防教育培训内容 (cadre defence-education training)
  'management-integration', // 三（四）: 纳入企业日常管理和宣传教育体系 (written into the enterprise's management system)
]);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** Chinese and English names of each activity kind. */
export const ACTIVITY_KIND_LABELS: Readonly<Record<ActivityKind, LocalizedText>> = {
  'annual-plan-submitted': { zh: '年度计划报送', en: 'Annual plan submitted' },
  'activity-news-reported': { zh: '活动信息报送', en: 'Activity news reported' },
  'evacuation-plan-compiled': { zh: '编制疏散方案', en: 'Evacuation plan compiled' },
  'evacuation-plan-revised': { zh: '修订防空袭方案', en: 'Evacuation plan revised' },
  'evacuation-drill': { zh: '疏散演练', en: 'Evacuation drill' },
  training: { zh: '培训', en: 'Training' },
  course: { zh: '课程', en: 'Course' },
  'concentrated-publicity': { zh: '集中宣传', en: 'Concentrated publicity' },
  'education-base-visit': { zh: '参观人防科普教育基地', en: 'Civil-defence education base visit' },
  'cobuilding-agreement': { zh: '签订共建协议', en: 'Co-building agreement' },
  'online-publicity': { zh: '网络宣传', en: 'Online publicity' },
  display: { zh: '展示宣传（海报、展板、图书、宣传片）', en: 'Display (posters, boards, books, films)' },
  'study-session': { zh: '中心组专题学习', en: 'Study session' },
  contest: { zh: '知识竞赛', en: 'Knowledge contest' },
  'siren-listening': { zh: '警报试听', en: 'Siren listening' },
  'media-product': { zh: '网络宣传产品', en: 'Media product' },
  'liaison-mechanism': { zh: '建立联络机制', en: 'Liaison mechanism established' },
  'team-established': { zh: '组建宣教队伍或工作小组', en: 'Team established' },
  'site-established': { zh: '建设宣教阵地', en: 'Publicity site established' },
  'budget-allocated': { zh: '落实专项资金', en: 'Budget allocated' },
  'brand-initiative': { zh: '创建宣传品牌', en: 'Local brand initiative' },
  'work-summary': { zh: '经验总结与评估', en: 'Work summary and evaluation' },
  'shelter-visit': { zh: '参观人防工程', en: 'Civil-defence shelter visit' },
  'cadre-training': { zh: '干部国防教育培训', en: 'Cadre defence-education training' },
  'management-integration': { zh: '纳入日常管理和宣传教育体系', en: 'Written into daily management' },
};

/**
 * Short Chinese labels (docs/input-formats.md lists them): accepted in activity files beside the
 * long labels above and the English ids.
 */
export const ACTIVITY_KIND_SHORT_LABELS: Readonly<Record<ActivityKind, string>> = {
  'annual-plan-submitted': '计划报送',
  'activity-news-reported': '信息报送',
  'evacuation-plan-compiled': '编制方案',
  'evacuation-plan-revised': '修订方案',
  'evacuation-drill': '演练',
  training: '培训',
  course: '课程',
  'concentrated-publicity': '集中宣传',
  'education-base-visit': '参观基地',
  'cobuilding-agreement': '共建协议',
  'online-publicity': '网络宣传',
  display: '展示宣传',
  'study-session': '专题学习',
  contest: '竞赛',
  'siren-listening': '试听',
  'media-product': '宣传产品',
  'liaison-mechanism': '联络机制',
  'team-established': '组建队伍',
  'site-established': '阵地建设',
  'budget-allocated': '专项资金',
  'brand-initiative': '宣传品牌',
  'work-summary': '经验总结',
  'shelter-visit': '参观工程',
  'cadre-training': '干部培训',
  'management-integration': '纳入管理',
};

/**
 * Kinds after which the notice asks for news (结语 "每次活动结束后及时报送信息内容"): activities held
 * with people (drills, trainings, courses, study sessions, publicity events, visits, contests,
 * siren listening). Setting up a mechanism, a team or a site, plans, budgets, summaries, displays
 * and online posts are records, not activities to report on.
 */
export const NEWS_REPORTABLE_KINDS: readonly ActivityKind[] = [
  'evacuation-drill',
  'training',
  'cadre-training',
  'course',
  'study-session',
  'concentrated-publicity',
  'education-base-visit',
  'shelter-visit',
  'contest',
  'siren-listening',
];

/** Where a record came from, so every problem and every unmatched row can be traced back. */
export const SourceRef = z.object({
  file: z.string(),
  /** Row as a spreadsheet numbers it (header row 1), or the line of a JSON Lines file. */
  row: z.number().int().positive(),
});
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * One activity record: what a unit did, of which kind, on which date, with how many participants (zod schema; docs/input-formats.md).
 */
export const Activity = z.object({
  /** Optional id from the source; when absent, one is derived from the content. */
  id: Id.optional(),
  unitId: Id,
  kind: ActivityKind,
  date: LocalDate,
  time: LocalTime.optional(),
  title: z.string().trim().max(500).optional(),
  place: z.string().trim().max(500).optional(),
  participants: z.number().int().nonnegative().optional(),
  /** A document number, photo, news item or link that proves the activity. */
  reference: z.string().trim().max(2000).optional(),
  /** Topics, e.g. the self-rescue skills trained (`cpr`, `bandaging`, ...), or the site types built. */
  topics: z.array(z.string().trim().min(1).max(100)).optional(),
  source: SourceRef.optional(),
});
/** A parsed {@link Activity}. */
export type Activity = z.infer<typeof Activity>;
