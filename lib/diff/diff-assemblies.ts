import { diffObjectives } from './objective-regressions';
import { diffResources } from './resource-changes';
import { servicesByResource } from './service-lookup';
import type { AssembledState, ContinuityDiff } from './continuity-diff';

/**
 * Compares two assessed assemblies (before and after a change, as in a pull request) and
 * reports what the change makes worse: every declared objective whose achieved RTO or RPO got
 * longer or that is no longer met, and every stateful resource CloudFormation would replace,
 * may replace, delete, or leave with a weaker `DeletionPolicy`/`UpdateReplacePolicy`.
 *
 * `atRisk` is true when an objective regressed or a change puts live data at risk.
 */
export function diffAssemblies(old: AssembledState, next: AssembledState): ContinuityDiff {
  const regressions = diffObjectives(old.assessment, next.assessment);
  const resources = diffResources(old, next, {
    before: servicesByResource(old),
    after: servicesByResource(next),
  });
  return {
    atRisk: regressions.length > 0 || resources.some((r) => r.dataAtRisk),
    regressions,
    resources,
  };
}
