import { weakestBasis } from '../facts';
import { fmt, meets } from '../objectives';
import type { Achievement, ContinuitySpec, Disruption, ServicePlan } from '../model';
import { PLAN_RULE_ID } from './plan-findings';

/** Disruptions whose predictions dependencies limit by default. */
export const DEPENDENCY_DISRUPTIONS: readonly Disruption[] = ['az', 'region'];

function worse(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(a, b);
}

function show(s: number | null): string {
  return s === null ? 'not recoverable' : fmt(s);
}

/**
 * Limits each service's predictions by those of the services it depends on.
 *
 * A service cannot serve again before the services it needs, nor keep data they lose, so for each
 * of `disruptions` (default `az` and `region`: the disruptions that take dependencies down at the
 * same time) its predicted RTO and RPO become the worst of its own and those of every service it
 * depends on, directly or transitively. The explanation names the dependency; an objective that
 * is no longer met gets an `RR-PLAN1` finding. Unknown names and cycles are skipped (spec
 * validation reports them); a dependency with no prediction for a disruption limits nothing.
 */
export function applyDependencies(
  plans: readonly ServicePlan[],
  spec: ContinuitySpec,
  disruptions: readonly Disruption[] = DEPENDENCY_DISRUPTIONS,
): ServicePlan[] {
  const byName = new Map(plans.map((p) => [p.service.toLowerCase(), p] as const));
  const specOf = new Map(spec.services.map((s) => [s.name.toLowerCase(), s] as const));
  const done = new Map<string, ServicePlan>();
  const visiting = new Set<string>();

  const visit = (plan: ServicePlan): ServicePlan => {
    const key = plan.service.toLowerCase();
    const cached = done.get(key);
    if (cached) return cached;
    visiting.add(key);
    const predicted: Partial<Record<Disruption, Achievement>> = { ...plan.predicted };
    const findings = [...plan.findings];
    for (const depName of specOf.get(key)?.dependsOn ?? []) {
      const depPlan = byName.get(depName.toLowerCase());
      if (!depPlan || visiting.has(depName.toLowerCase())) continue;
      const dep = visit(depPlan);
      for (const d of disruptions) {
        const mine = predicted[d];
        const theirs = dep.predicted[d];
        if (!mine || !theirs) continue;
        const rpo = worse(mine.rpoSeconds, theirs.rpoSeconds);
        const rto = worse(mine.rtoSeconds, theirs.rtoSeconds);
        if (rpo === mine.rpoSeconds && rto === mine.rtoSeconds) continue;
        predicted[d] = {
          rpoSeconds: rpo,
          rtoSeconds: rto,
          basis: weakestBasis(mine.basis, theirs.basis),
          explanation: [
            ...mine.explanation,
            `limited by dependency '${dep.service}': RPO ${show(theirs.rpoSeconds)} / RTO ${show(theirs.rtoSeconds)}`,
          ],
        };
      }
    }
    const tier = spec.tiers[plan.tier];
    for (const d of disruptions) {
      const objective = tier?.objectives[d];
      const a = predicted[d];
      if (!objective || !a || a === plan.predicted[d] || meets(a, objective)) continue;
      if (findings.some((f) => f.disruption === d && f.rule === PLAN_RULE_ID)) continue;
      findings.push({
        rule: PLAN_RULE_ID,
        severity: 'error',
        status: 'non-compliant',
        service: plan.service,
        disruption: d,
        message:
          `service '${plan.service}' at tier '${plan.tier}' cannot meet its ${d} objective RPO ${fmt(objective.rpoSeconds)} / ` +
          `RTO ${fmt(objective.rtoSeconds)}: its dependencies limit it to RPO ${show(a.rpoSeconds)} / RTO ${show(a.rtoSeconds)}`,
        fix: `move the services it depends on to a tier at least as strict as '${plan.tier}', or loosen its ${d} objective`,
      });
    }
    visiting.delete(key);
    const out = { ...plan, predicted, findings };
    done.set(key, out);
    return out;
  };
  return plans.map(visit);
}
