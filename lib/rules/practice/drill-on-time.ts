import { judgeCadence } from './plan-reviewed-on-time';
import type { ServiceContext } from '../../engine/assessment-context';
import type { ContinuityRule } from '../continuity-rule';

/** RR-GOV2: each service was drilled within its tier's cadence. */
export const drillOnTime: ContinuityRule<ServiceContext> = {
  id: 'RR-GOV2',
  name: 'drillOnTime',
  title:
    'Each service had a drill (restore test or fault injection) within its tier\u2019s drillEveryDays',
  violation: 'A service\u2019s last drill is older than its tier allows, or it was never drilled',
  rationale:
    'Recovery that has not been exercised is a hope, not a capability: restores fail on permissions, keys and sizes nobody tried.',
  fix: 'run an AWS Backup restore test or an AWS FIS experiment for the service and set lastDrill to its date',
  severity: 'warning',
  docsUrl:
    'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_dr_tested.html',
  subjects: (context) => context.services,
  locate: (service) => ({ service: service.spec.name }),
  check: (service, context) =>
    judgeCadence(service, service.spec.lastDrill, service.tier?.drillEveryDays, context.today, {
      field: 'lastDrill',
      noun: 'drill',
    }),
};
