import { disruptionVerdicts, isFailing } from './verdict';
import type { Assessment, ServiceAssessment } from '../model/assessment';
import type { ContinuityPlan } from '../model/plan';
import type { ContinuitySpec } from '../model/spec';

/**
 * Views a plan as an assessment of its predictions: declared objectives from the spec's tiers,
 * `achieved` = predicted, findings = the planner's. Lets the plan reports reuse the verdict logic.
 */
export function planToAssessment(
  plan: ContinuityPlan,
  spec: Pick<ContinuitySpec, 'tiers'>,
): Assessment {
  const services = plan.services.map((servicePlan): ServiceAssessment => {
    const draft: ServiceAssessment = {
      name: servicePlan.service,
      tier: servicePlan.tier,
      met: true,
      objectives: spec.tiers[servicePlan.tier]?.objectives ?? {},
      achieved: servicePlan.predicted,
      findings: servicePlan.findings,
    };
    const met =
      disruptionVerdicts(draft).every((v) => v.met) && !servicePlan.findings.some(isFailing);
    return { ...draft, met };
  });
  return { met: services.every((s) => s.met), services, findings: [] };
}
