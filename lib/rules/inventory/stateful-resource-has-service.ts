import { TAG_SERVICE, TAG_TIER, isUnresolved } from '../../model';
import { locationOf } from '../continuity-rule';
import type { Store } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** RR-INV1: every data store belongs to a declared service or carries a tier tag. */
export const statefulResourceHasService: ContinuityRule<Store> = {
  id: 'RR-INV1',
  name: 'statefulResourceHasService',
  title: 'Every data store belongs to a declared service or carries a continuity:tier tag',
  violation:
    'A data store belongs to no declared service and has no continuity:tier tag, so nobody promised how to recover it',
  rationale:
    'Data nobody has classified gets no objectives and no checks; it is typically discovered in an incident, when it is too late to back it up.',
  fix: `name the store in a service's resources, tag it '${TAG_SERVICE}: <service>', or tag it '${TAG_TIER}: <tier>'`,
  severity: 'warning',
  docsUrl:
    'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_backing_up_data_identified_backups_data.html',
  // Replicas belong to their source; the source is judged.
  subjects: (context) => context.inventory.stores.filter((s) => s.replicaOf === undefined),
  locate: (store, context) => ({
    resource: locationOf(store, store.type),
    service: context.servicesOfResource.get(store.id)?.[0],
  }),
  check: (store, context) => {
    if ((context.servicesOfResource.get(store.id)?.length ?? 0) > 0) {
      return { status: 'compliant' };
    }
    const tier = store.tags[TAG_TIER];
    if (typeof tier === 'string' && tier.length > 0) {
      return { status: 'compliant' };
    }
    if (isUnresolved(tier) || isUnresolved(store.tags[TAG_SERVICE])) {
      return {
        status: 'unknown',
        message: `${store.id} has a continuity tag whose value is known only at deploy time`,
      };
    }
    return {
      status: 'non-compliant',
      message: `${store.id} (${store.type}) belongs to no declared service and has no ${TAG_TIER} tag`,
    };
  },
};
