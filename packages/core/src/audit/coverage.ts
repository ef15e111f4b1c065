/** Coverage arithmetic (docs/audit.md): counts per status, denominator met + not-met, share met/denominator. */
import type { Status } from '../model/evaluation';
import type { Coverage } from './schema';

export function emptyCoverage(): Coverage {
  return { applicable: 0, met: 0, notMet: 0, pending: 0, notAssessed: 0, waived: 0, denominator: 0, share: null };
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
  c.denominator = c.met + c.notMet;
  c.share = c.denominator === 0 ? null : c.met / c.denominator;
  return c;
}
