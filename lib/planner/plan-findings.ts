import { bestAchievable } from '../facts';
import { achieveStore, fmt, meets } from '../objectives';
import type {
  Achievement,
  Disruption,
  Finding,
  Objective,
  ServiceProtection,
  StoreKind,
} from '../model';

/** Rule id of "the planner cannot meet a declared objective". */
export const PLAN_RULE_ID = 'RR-PLAN1';

function show(seconds: number | null): string {
  return seconds === null ? 'not recoverable' : fmt(seconds);
}

/** Why the objective is out of reach for each store, and the matching fix. */
function reasons(
  protection: ServiceProtection,
  d: Disruption,
  objective: Objective,
): { why: string[]; fix: string[] } {
  const why: string[] = [];
  const fix: string[] = [];
  const seen = new Set<StoreKind>();
  for (const s of protection.stores) {
    const a = achieveStore(s, d, protection.recoveryRegion);
    if (meets(a, objective)) continue;
    const label = (s as { name?: string }).name ?? s.kind;
    const best = bestAchievable(s.kind, d);
    if (!best) {
      why.push(`no AWS mechanism recovers ${s.kind} from ${d} loss`);
      if (!seen.has(s.kind))
        fix.push(`drop the ${d} objective or keep this data in another store kind`);
    } else if (best.rpoSeconds > objective.rpoSeconds || best.rtoSeconds > objective.rtoSeconds) {
      why.push(
        `${label}: no AWS mechanism gives ${s.kind} better than RPO ${fmt(best.rpoSeconds)} / RTO ${fmt(best.rtoSeconds)} ` +
          `for ${d} (${best.mechanisms.join(', ')}, ${best.basis})`,
      );
      if (!seen.has(s.kind)) {
        fix.push(
          `loosen the tier's ${d} objective to at least RPO ${fmt(Math.max(best.rpoSeconds, objective.rpoSeconds))} / ` +
            `RTO ${fmt(Math.max(best.rtoSeconds, objective.rtoSeconds))}, or move ${label} to a store kind that reaches it`,
        );
      }
    } else {
      why.push(
        `${label}: best design predicts RPO ${show(a.rpoSeconds)} / RTO ${show(a.rtoSeconds)}`,
      );
      if (!seen.has(s.kind))
        fix.push(
          `shorten the restore of ${label} (smaller stores restore faster) or choose a tier whose ${d} RTO allows ${show(a.rtoSeconds)}`,
        );
    }
    seen.add(s.kind);
  }
  return { why, fix };
}

/** An RR-PLAN1 finding for one unmet objective. */
export function planFinding(
  service: string,
  tier: string,
  d: Disruption,
  objective: Objective,
  predicted: Achievement | undefined,
  protection: ServiceProtection,
  strategy: string,
): Finding {
  const { why, fix } = reasons(protection, d, objective);
  const got = predicted
    ? `RPO ${show(predicted.rpoSeconds)} / RTO ${show(predicted.rtoSeconds)} (${predicted.basis})`
    : 'nothing';
  return {
    rule: PLAN_RULE_ID,
    severity: 'error',
    status: 'non-compliant',
    service,
    disruption: d,
    message:
      `service '${service}' at tier '${tier}' cannot meet its ${d} objective RPO ${fmt(objective.rpoSeconds)} / ` +
      `RTO ${fmt(objective.rtoSeconds)}: the best plan (${strategy}) predicts ${got}` +
      (why.length ? `; ${why.join('; ')}` : ''),
    fix: fix.length
      ? fix.join('; ')
      : `choose a tier whose ${d} objective allows ${got}, or a stricter strategy for the tier`,
  };
}
