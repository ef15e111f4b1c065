import { z } from 'zod';
import { Id, LocalDate, LocalizedText } from './text';

/**
 * The outcome of one requirement for one unit and year. More than two states (ARCHITECTURE.md):
 * missing facts make a result `not-assessed`, never `not-met`; work not yet due is `pending`.
 */
export const Status = z.enum(['met', 'not-met', 'pending', 'not-applicable', 'not-assessed', 'waived']);
export type Status = z.infer<typeof Status>;

/** Chinese and English names of each status. */
export const STATUS_LABELS: Readonly<Record<Status, LocalizedText>> = {
  met: { zh: '已完成', en: 'Met' },
  'not-met': { zh: '未完成', en: 'Not met' },
  pending: { zh: '未到期', en: 'Pending' },
  'not-applicable': { zh: '不适用', en: 'Not applicable' },
  'not-assessed': { zh: '无法评估', en: 'Not assessed' },
  waived: { zh: '已豁免', en: 'Waived' },
};

/** An exemption granted by the district office for one unit and requirement, until it expires. */
export const Waiver = z.object({
  unitId: Id,
  requirementId: Id,
  justification: z.string().trim().min(1).max(2000),
  /** Last day the waiver holds (inclusive). */
  expires: LocalDate,
  grantedBy: z.string().trim().max(200).optional(),
});
export type Waiver = z.infer<typeof Waiver>;

/**
 * The result of one requirement for one unit and year: status, reason in zh/en, the evidence used and the dates (zod schema).
 */
export const RequirementResult = z.object({
  requirementId: Id,
  unitId: Id,
  year: z.number().int(),
  status: Status,
  /** Machine-readable reason, e.g. `no-evidence`, `evidence-in-window`, `kind-not-covered`. */
  reasonCode: z.string().min(1),
  /** The reason in words, naming the condition that passed or failed. */
  reason: LocalizedText,
  /** Ids of the activities used as evidence. */
  evidence: z.array(z.string()),
  /** The due date or end of window the status was judged against, when there is one. */
  dueDate: LocalDate.optional(),
  waiver: Waiver.optional(),
});
/** A parsed {@link RequirementResult}. */
export type RequirementResult = z.infer<typeof RequirementResult>;
