import { OBJECTIVE_RULE_ID } from './rule-ids';
import type { ServiceContext } from './assessment-context';
import type { Achievement, Disruption, Finding, Objective } from '../model';

/** True when an achievement meets an objective (`null` = not recoverable never does). */
export function meets(achieved: Achievement | undefined, declared: Objective): boolean {
  return (
    achieved !== undefined &&
    achieved.rtoSeconds !== null &&
    achieved.rpoSeconds !== null &&
    achieved.rtoSeconds <= declared.rtoSeconds &&
    achieved.rpoSeconds <= declared.rpoSeconds
  );
}

/** True when a finding fails its service: error level and not suppressed. */
export function fails(finding: Finding): boolean {
  return finding.severity === 'error' && finding.suppressed === undefined;
}

/**
 * Verdict for one service: every declared objective is met (or its objective finding
 * {@link OBJECTIVE_RULE_ID} is suppressed with a reason), and no unsuppressed error finding remains.
 */
export function serviceMet(service: ServiceContext, findings: readonly Finding[]): boolean {
  for (const [d, objective] of Object.entries(service.declared) as [Disruption, Objective][]) {
    if (meets(service.achieved[d], objective)) {
      continue;
    }
    const accepted = findings.some(
      (f) => f.rule === OBJECTIVE_RULE_ID && f.disruption === d && f.suppressed !== undefined,
    );
    const open = findings.some(
      (f) => f.rule === OBJECTIVE_RULE_ID && f.disruption === d && f.suppressed === undefined,
    );
    if (!accepted || open) {
      return false;
    }
  }
  return !findings.some(fails);
}
