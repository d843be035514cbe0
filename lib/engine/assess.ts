import { allRules } from '../rules';
import { acknowledgementFindings, applyAcknowledgements } from './acknowledgements';
import { applySuppressions } from './apply-suppressions';
import { buildContext } from './build-context';
import { runRules } from './run-rules';
import { fails, serviceMet } from './verdict';
import type { AssessmentContext } from './assessment-context';
import type { ContextOptions } from './build-context';
import type {
  Assessment,
  ContinuitySpec,
  Disruption,
  Finding,
  Inventory,
  Rule,
  ServiceAssessment,
} from '../model';

/** Options of {@link assess}. */
export interface AssessOptions extends ContextOptions {
  /**
   * Rules to run.
   *
   * @default allRules
   */
  readonly rules?: readonly Rule<unknown, AssessmentContext>[];
}

/**
 * Assesses an inventory against a continuity spec: achieved RTO/RPO per service and disruption,
 * findings of every rule, suppressions applied, and a verdict per service and overall.
 *
 * Steps: index the inventory; find each service's resources; work out AWS Backup coverage;
 * build each service's protection and compute achieved objectives; apply dependencies; run the
 * rules (and report acknowledgements in the templates that give no reason, RR-CDK2); apply
 * suppressions, the spec's and the acknowledgements; decide verdicts. Findings that name a
 * declared service are reported under it, the rest at the top level.
 */
export function assess(
  spec: ContinuitySpec,
  inventory: Inventory,
  options: AssessOptions = {},
): Assessment {
  const context = buildContext(spec, inventory, options);
  const rules = options.rules ?? (allRules as readonly Rule<unknown, AssessmentContext>[]);
  const findings = applyAcknowledgements(
    applySuppressions(
      [...runRules(rules, context), ...acknowledgementFindings(context)],
      context.suppressions,
      context.today,
    ),
    context,
  );
  const byService = new Map<string, Finding[]>();
  const unattached: Finding[] = [];
  for (const f of findings) {
    const service =
      f.service === undefined ? undefined : context.serviceByName.get(f.service.toLowerCase());
    if (service) {
      const key = service.spec.name.toLowerCase();
      const own = byService.get(key);
      if (own) {
        own.push(f);
      } else {
        byService.set(key, [f]);
      }
    } else {
      unattached.push(f);
    }
  }
  const services: ServiceAssessment[] = context.services.map((s) => {
    const own = byService.get(s.spec.name.toLowerCase()) ?? [];
    const achieved: Partial<Record<Disruption, (typeof s.achieved)[Disruption]>> = {};
    for (const d of Object.keys(s.declared) as Disruption[]) {
      achieved[d] = s.achieved[d];
    }
    return {
      name: s.spec.name,
      tier: s.spec.tier,
      met: serviceMet(s, own),
      objectives: s.declared,
      achieved,
      findings: own,
    };
  });
  return {
    met: services.every((s) => s.met) && !unattached.some(fails),
    services,
    findings: unattached,
  };
}
