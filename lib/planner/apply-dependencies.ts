import {
  achieveAll,
  fmt,
  meets,
  propagateDependencies,
  SHARED_FATE_DISRUPTIONS,
} from '../objectives';
import type { Achievement, ContinuitySpec, Disruption, ServicePlan } from '../model';
import { PLAN_RULE_ID } from './plan-findings';
import { planTierWithTemplates } from './plan-tier';
import { protectionFromPlan } from './protection-from-plan';

function show(s: number | null): string {
  return s === null ? 'not recoverable' : fmt(s);
}

/**
 * A plan's predictions for every shared-fate disruption, declared or not: a dependency whose tier
 * declares no `account` objective still bounds a dependent that does (what the engine measures).
 */
function sharedFatePredictions(
  plan: ServicePlan,
  spec: ContinuitySpec,
): Partial<Record<Disruption, Achievement>> {
  const missing = SHARED_FATE_DISRUPTIONS.filter((d) => plan.predicted[d] === undefined);
  const tier = spec.tiers[plan.tier];
  if (missing.length === 0 || !tier) return plan.predicted;
  const { plan: tierPlan } = planTierWithTemplates(tier, spec.regions);
  return { ...achieveAll(protectionFromPlan(plan, tierPlan), missing), ...plan.predicted };
}

/**
 * Limits each service's predictions by those of the services it depends on.
 *
 * The rule is {@link propagateDependencies}, the one the engine applies to achieved values: for
 * the shared-fate disruptions (`az`, `region`, `account`) a service's predicted RTO and RPO
 * become the worst of its own and those of every service it depends on, directly or
 * transitively, and the explanation names the dependency that sets each value; `application`
 * predictions stay the service's own. A dependency's prediction for a disruption its tier does
 * not declare is worked out from its plan, as the engine does from its resources. An objective
 * no longer met gets an `RR-PLAN1` finding.
 * Unknown names and cycles are skipped (spec validation reports them).
 */
export function applyDependencies(
  plans: readonly ServicePlan[],
  spec: ContinuitySpec,
): ServicePlan[] {
  // a prediction for an undeclared disruption bounds only the services that depend on this one
  const dependedOn = new Set(spec.services.flatMap((s) => s.dependsOn.map((d) => d.toLowerCase())));
  const own: Record<string, Partial<Record<Disruption, Achievement>>> = {};
  for (const p of plans) {
    own[p.service] = dependedOn.has(p.service.toLowerCase())
      ? sharedFatePredictions(p, spec)
      : p.predicted;
  }
  const graph: Record<string, readonly string[]> = {};
  for (const s of spec.services) graph[s.name] = s.dependsOn;
  const propagated = propagateDependencies(own, graph);

  return plans.map((plan) => {
    const after = propagated.get(plan.service.toLowerCase());
    if (!after || Object.keys(after.limitedBy).length === 0) return plan;
    // Keep the declared disruptions only, as planService does.
    const predicted: Partial<Record<Disruption, Achievement>> = {};
    for (const d of Object.keys(plan.predicted) as Disruption[]) predicted[d] = after.achieved[d];
    const findings = [...plan.findings];
    const tier = spec.tiers[plan.tier];
    for (const d of SHARED_FATE_DISRUPTIONS) {
      const objective = tier?.objectives[d];
      const a = predicted[d];
      if (!objective || !a || !after.limitedBy[d] || meets(a, objective)) continue;
      if (findings.some((f) => f.disruption === d && f.rule === PLAN_RULE_ID)) continue;
      findings.push({
        rule: PLAN_RULE_ID,
        severity: 'error',
        status: 'non-compliant',
        service: plan.service,
        disruption: d,
        message:
          `service '${plan.service}' at tier '${plan.tier}' cannot meet its ${d} objective RPO ${fmt(objective.rpoSeconds)} / ` +
          `RTO ${fmt(objective.rtoSeconds)}: its dependencies (${after.limitedBy[d]?.join(', ')}) limit it to ` +
          `RPO ${show(a.rpoSeconds)} / RTO ${show(a.rtoSeconds)}`,
        fix: `move the services it depends on to a tier at least as strict as '${plan.tier}', or loosen its ${d} objective`,
      });
    }
    return { ...plan, predicted, findings };
  });
}
