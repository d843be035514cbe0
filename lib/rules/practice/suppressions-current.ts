import { isExpired } from '../../engine/apply-suppressions';
import type { Suppression } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** RR-SUP1: no suppression in the spec has expired. */
export const suppressionsCurrent: ContinuityRule<Suppression> = {
  id: 'RR-SUP1',
  name: 'suppressionsCurrent',
  title: 'Every suppression is still within its expiry date',
  violation:
    'A suppression has expired: it no longer accepts findings and must be renewed with a reason or removed',
  rationale:
    'Exceptions are granted for a time; an expired one means the accepted risk was never revisited.',
  fix: 'fix the findings it accepted and remove the suppression, or renew it with a new expires date and reason',
  severity: 'error',
  docsUrl:
    'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_dr_tested.html',
  subjects: (context) => context.suppressions,
  locate: (s, context) => {
    const service = context.serviceByName.get(s.resource.toLowerCase());
    return service ? { service: service.spec.name } : { resource: { logicalId: s.resource } };
  },
  check: (s, context) => {
    if (s.expires === undefined) {
      return { status: 'not-applicable' };
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s.expires)) {
      return {
        status: 'unknown',
        message: `suppression of ${s.rule} for '${s.resource}' has expires '${s.expires}', not a YYYY-MM-DD date`,
      };
    }
    return isExpired(s, context.today)
      ? {
          status: 'non-compliant',
          message: `suppression of ${s.rule} for '${s.resource}' expired on ${s.expires} (reason was: ${s.reason})`,
        }
      : { status: 'compliant' };
  },
};
