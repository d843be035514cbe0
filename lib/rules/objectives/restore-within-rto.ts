import { achieveStore } from '../../objectives';
import { declaredObjectives, locationOf, showSeconds } from '../continuity-rule';
import type { ServiceContext } from '../../engine/assessment-context';
import type { RuleOutcome, Store } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** A store of a service. */
export interface ServiceStore {
  readonly service: ServiceContext;
  readonly store: Store;
}

/** RR-OBJ2: where recovery means a restore, the estimated restore time fits the RTO. */
export const restoreWithinRto: ContinuityRule<ServiceStore> = {
  id: 'RR-OBJ2',
  name: 'restoreWithinRto',
  title: 'Where recovery means a restore, the estimated restore time fits within the RTO',
  violation: 'The estimated time to restore a store is longer than the RTO of its service',
  rationale:
    'Restores create a new resource and take time that grows with size; AWS gives no restore-time guarantee, so an estimate over the RTO means the objective holds only if restores are faster than typical.',
  fix: 'declare the store size (sizeGiB) for a better estimate, test restores with AWS Backup restore testing, or add replication so recovery is a failover instead of a restore',
  severity: 'warning',
  docsUrl: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html',
  subjects: (context) =>
    context.services.flatMap((service) => service.stores.map((store) => ({ service, store }))),
  locate: ({ service, store }) => ({
    service: service.spec.name,
    resource: locationOf(store, store.type),
  }),
  check: ({ service, store }, context) => {
    const protection = service.storeProtection.get(store.id);
    const declared = declaredObjectives(service);
    if (!protection || declared.length === 0) {
      return { status: 'not-applicable' };
    }
    return declared.map(([d, objective]): RuleOutcome => {
      const achieved = achieveStore(protection, d, context.spec.regions.recovery);
      if (achieved.rtoSeconds === null || achieved.basis !== 'estimate') {
        // Not recoverable is RR-OBJ1's finding; a documented or SLA-backed time is not an estimate.
        return { status: 'not-applicable', disruption: d };
      }
      if (achieved.rtoSeconds <= objective.rtoSeconds) {
        return { status: 'compliant', disruption: d };
      }
      const size =
        protection.sizeGiB === undefined ? 'no declared size' : `${protection.sizeGiB} GiB`;
      return {
        status: 'non-compliant',
        disruption: d,
        message: `${d}: estimated recovery of ${store.id} takes ${showSeconds(achieved.rtoSeconds)} (estimate, ${size}) > RTO ${showSeconds(objective.rtoSeconds)}: ${achieved.explanation.join('; ')}`,
      };
    });
  },
};
