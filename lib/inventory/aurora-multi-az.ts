import type { ResourceId } from '../model/inventory';
import { Unresolved } from '../model/unresolved';
import type { MutableStore } from './inventory-builder';

/** One Aurora DB instance as a reader found it. */
export interface AuroraInstance {
  /** The cluster it belongs to, or `undefined` when the reference cannot be resolved. */
  readonly cluster: ResourceId | undefined;
  /** Its pinned Availability Zone; anything but a string means "placed by RDS". */
  readonly zone: unknown;
}

/**
 * Settles `multiAz` of Aurora clusters, the same way for CloudFormation and Pulumi: a cluster
 * survives an AZ loss without restore when it has at least two instances in distinct AZs (an
 * instance without a pinned AZ counts as distinct: RDS spreads the instances of a cluster).
 * An instance whose cluster is unknown leaves every cluster that is not already Multi-AZ
 * unresolved, never assumed.
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html
 */
export function settleAuroraMultiAz(
  clusters: readonly MutableStore[],
  instances: Iterable<AuroraInstance>,
): void {
  const members = new Map<ResourceId, { unpinned: number; zones: Set<string> }>();
  let unknownMembers = 0;
  for (const instance of instances) {
    if (instance.cluster === undefined) {
      unknownMembers++;
      continue;
    }
    const entry = members.get(instance.cluster) ?? { unpinned: 0, zones: new Set<string>() };
    if (typeof instance.zone === 'string') {
      entry.zones.add(instance.zone);
    } else {
      entry.unpinned++;
    }
    members.set(instance.cluster, entry);
  }
  for (const store of clusters) {
    const m = members.get(store.id);
    const distinct = m ? m.unpinned + m.zones.size : 0;
    store.multiAz =
      distinct >= 2
        ? true
        : unknownMembers > 0
          ? new Unresolved(`instances of ${store.id}`)
          : false;
  }
}
