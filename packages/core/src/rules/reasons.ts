/** Reasons in words from json-rules-engine's evaluated condition tree: which condition passed or failed. */
import type { LocalizedText } from '../model/text';
import { conditionLeaves } from '../model/condition';
import { describeFact } from './facts';
import { operatorOf } from './operators';

export interface Leaf {
  all?: Leaf[];
  any?: Leaf[];
  not?: Leaf;
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string;
  result?: boolean;
  factResult?: unknown;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

/** Names the conditions that decided the outcome: the passing ones when met, the failing ones otherwise. */
export function describeLeaves(tree: Leaf, prefix: string, passed: boolean, which: 'applies' | 'complies'): LocalizedText {
  const all = conditionLeaves<Leaf>(tree);
  const deciding = all.filter((l) => Boolean(l.result) === passed);
  const chosen = deciding.length > 0 ? deciding : all;
  const parts = chosen.map((l) => {
    const fact = describeFact(l.fact!.startsWith(prefix) ? l.fact!.slice(prefix.length) : l.fact!);
    const op = operatorOf(l.operator ?? '')?.symbol ?? { zh: l.operator ?? '', en: l.operator ?? '' };
    return {
      zh: `${fact.zh}为 ${show(l.factResult)}（要求 ${op.zh} ${show(l.value)}）`,
      en: `${fact.en} is ${show(l.factResult)} (needs ${op.en} ${show(l.value)})`,
    };
  });
  const lead = which === 'applies' ? { zh: '不适用：', en: 'does not apply: ' } : passed ? { zh: '已满足：', en: 'met: ' } : { zh: '未满足：', en: 'not met: ' };
  return { zh: lead.zh + parts.map((p) => p.zh).join('；'), en: lead.en + parts.map((p) => p.en).join('; ') };
}
