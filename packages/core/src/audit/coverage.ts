/**
 * Coverage arithmetic (docs/audit.md): counts per status; `all` = applicable units less the waived
 * ones, `shareOfAll` = met / all (what a target is judged on); `denominator` = met + not-met and
 * `share` = met / denominator, the second figure: the share of the work already due.
 */
import type { Status } from '../model/evaluation';
import type { Coverage } from './schema';

export function emptyCoverage(): Coverage {
  return { applicable: 0, met: 0, notMet: 0, pending: 0, notAssessed: 0, waived: 0, all: 0, shareOfAll: null, denominator: 0, share: null };
}

export function add(c: Coverage, status: Status): void {
  if (status === 'not-applicable') return;
  c.applicable++;
  if (status === 'met') c.met++;
  else if (status === 'not-met') c.notMet++;
  else if (status === 'pending') c.pending++;
  else if (status === 'not-assessed') c.notAssessed++;
  else if (status === 'waived') c.waived++;
}

export function finish<T extends Coverage>(c: T): T {
  c.all = c.applicable - c.waived;
  c.shareOfAll = c.all === 0 ? null : c.met / c.all;
  c.denominator = c.met + c.notMet;
  c.share = c.denominator === 0 ? null : c.met / c.denominator;
  return c;
}

/**
 * A target's state: `met` only when met / all applicable units (waived left out) reaches it;
 * otherwise `behind` when some unit's work is overdue (not met), else `on-track` (the rest is
 * pending or cannot be assessed yet). Never met while an applicable unit is open.
 */
export type TargetStatus = 'met' | 'on-track' | 'behind';
export function targetStatus(c: Coverage, target: number): TargetStatus {
  if (c.shareOfAll !== null && c.shareOfAll >= target && (target < 1 || c.met === c.all)) return 'met';
  return c.notMet > 0 ? 'behind' : 'on-track';
}
