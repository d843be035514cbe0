import { daysSince } from '../continuity-rule';
import type { ServiceContext } from '../../engine/assessment-context';
import type { RuleOutcome } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** Judges a dated practice (review, drill) against the tier's cadence. */
export function judgeCadence(
  service: ServiceContext,
  date: string | undefined,
  everyDays: number | undefined,
  today: Date,
  what: { readonly field: string; readonly noun: string },
): RuleOutcome {
  if (everyDays === undefined) {
    return { status: 'not-applicable' };
  }
  if (date === undefined) {
    return {
      status: 'non-compliant',
      message: `service '${service.spec.name}' has no ${what.field}; tier '${service.spec.tier}' requires a ${what.noun} every ${everyDays} days`,
    };
  }
  const age = daysSince(date, today);
  if (age === undefined) {
    return {
      status: 'unknown',
      message: `${what.field} '${date}' of service '${service.spec.name}' is not a YYYY-MM-DD date`,
    };
  }
  if (age <= everyDays) {
    return { status: 'compliant' };
  }
  return {
    status: 'non-compliant',
    message: `service '${service.spec.name}' last had a ${what.noun} on ${date}, ${age} days ago; tier '${service.spec.tier}' allows ${everyDays} days`,
  };
}

/** RR-GOV1: each service's continuity plan was reviewed within its tier's cadence. */
export const planReviewedOnTime: ContinuityRule<ServiceContext> = {
  id: 'RR-GOV1',
  name: 'planReviewedOnTime',
  title: 'Each service\u2019s continuity plan was reviewed within its tier\u2019s reviewEveryDays',
  violation: 'A service\u2019s continuity plan is past its review date, or was never reviewed',
  rationale:
    'Services, owners and dependencies change; a plan nobody has read recently names the wrong people, resources and steps when it is needed.',
  fix: 'review the service continuity plan with its owner and set reviewedOn to the review date',
  severity: 'warning',
  docsUrl:
    'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_dr_tested.html',
  subjects: (context) => context.services,
  locate: (service) => ({ service: service.spec.name }),
  check: (service, context) =>
    judgeCadence(service, service.spec.reviewedOn, service.tier?.reviewEveryDays, context.today, {
      field: 'reviewedOn',
      noun: 'review',
    }),
};
