import { locationOf } from '../continuity-rule';
import type { ServiceStore } from '../objectives/restore-within-rto';
import type { ContinuityRule } from '../continuity-rule';

/** RR-BKP7: whether a backup selection picks a store can be decided from the templates. */
export const backupSelectionsResolve: ContinuityRule<ServiceStore> = {
  id: 'RR-BKP7',
  name: 'backupSelectionsResolve',
  title: 'Whether each backup selection picks a service\u2019s store can be decided before deploy',
  violation:
    'A backup selection might pick a store, but depends on a value known only at deploy time (or on a plan not in the templates), so it is not counted as protection',
  rationale:
    'Counting a selection that may not match would report protection that may not exist; the engine fails closed instead and says so.',
  fix: 'select stores by reference (Ref / Fn::GetAtt) or by literal tags, and pass every template that holds the backup plan',
  severity: 'warning',
  docsUrl: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html',
  subjects: (context) =>
    context.services.flatMap((service) => service.stores.map((store) => ({ service, store }))),
  locate: ({ service, store }) => ({
    service: service.spec.name,
    resource: locationOf(store, store.type),
  }),
  check: ({ store }, context) => {
    const uncertain = context.coverage.get(store.id)?.uncertain ?? [];
    if (uncertain.length === 0) {
      return { status: 'compliant' };
    }
    return {
      status: 'unknown',
      message: `${store.id}: ${uncertain.map((u) => u.reason).join('; ')}`,
    };
  },
};
