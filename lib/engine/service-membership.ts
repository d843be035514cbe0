import type { MemberEntry, InventoryIndex } from './index-inventory';
import type { MatchedRef } from './assessment-context';
import type { ContinuitySpec, ResourceId, ResourceRef, ServiceSpec } from '../model';

/** The resources of one service, as found in the inventory. */
export interface ServiceMembers {
  readonly service: ServiceSpec;
  /** Every member: matched by reference, by tag, or as a replica of a member store. */
  readonly members: readonly MemberEntry[];
  /** Each declared reference and what it matched. */
  readonly matched: readonly MatchedRef[];
  /** Size in GiB declared for a member, by id. */
  readonly sizeGiB: ReadonlyMap<ResourceId, number>;
}

function kindOf(entry: MemberEntry): string {
  return entry.kind;
}

function inStack(entries: readonly MemberEntry[] | undefined, ref: ResourceRef): MemberEntry[] {
  return (entries ?? []).filter(
    (e) => kindOf(e) === ref.kind && (ref.stack === undefined || e.location.stack === ref.stack),
  );
}

/**
 * Finds the entries a declared reference names.
 *
 * Tries, in order, and stops at the first that matches: the exact logical ID; a CDK logical ID
 * made of the declared id plus an 8-character hash (`OrdersTableA1B2C3D4` for `OrdersTable`); a
 * segment of the construct path (`Shop/Orders/Resource` for `Orders`). A reference with a
 * `stack` only matches in that stack, and only entries of the declared kind match.
 */
export function matchReference(ref: ResourceRef, index: InventoryIndex): readonly MemberEntry[] {
  if (ref.logicalId === undefined) {
    return [];
  }
  const exact = inStack(index.membersByLogicalId.get(ref.logicalId), ref);
  if (exact.length > 0) {
    return exact;
  }
  const hashed = inStack(index.membersByLogicalIdBase.get(ref.logicalId), ref);
  if (hashed.length > 0) {
    return hashed;
  }
  return inStack(index.membersByPathSegment.get(ref.logicalId), ref);
}

/** Entries tagged `continuity:service` with the service's name (case-insensitive). */
export function taggedMembers(service: ServiceSpec, index: InventoryIndex): readonly MemberEntry[] {
  return index.membersByServiceTag.get(service.name.toLowerCase()) ?? [];
}

/**
 * Works out which inventory entries make up each service.
 *
 * Members are the entries a declared reference matches, the entries tagged
 * `continuity:service: <name>`, and, transitively, the replicas of member stores (`replicaOf`
 * and replication targets), which belong to their source's service.
 */
export function resolveMembership(
  spec: ContinuitySpec,
  index: InventoryIndex,
): readonly ServiceMembers[] {
  return spec.services.map((service) => {
    const members = new Map<ResourceId, MemberEntry>();
    const sizeGiB = new Map<ResourceId, number>();
    const matched: MatchedRef[] = [];
    const tagged = taggedMembers(service, index);
    for (const ref of service.resources) {
      const found =
        ref.logicalId === undefined
          ? tagged.filter((e) => kindOf(e) === ref.kind)
          : matchReference(ref, index);
      matched.push({ ref, ids: found.map((e) => e.id) });
      for (const e of found) {
        members.set(e.id, e);
        if (ref.sizeGiB !== undefined) {
          sizeGiB.set(e.id, ref.sizeGiB);
        }
      }
    }
    for (const e of tagged) {
      members.set(e.id, e);
    }
    // Replicas belong to the service of their source, however deep the chain.
    const queue = [...members.values()];
    while (queue.length > 0) {
      const entry = queue.pop() as MemberEntry;
      if (!('replicas' in entry)) {
        continue;
      }
      const replicaIds = [
        ...(index.replicasBySource.get(entry.id) ?? []).map((r) => r.id),
        ...entry.replicas.map((r) => r.target).filter((t): t is ResourceId => t !== undefined),
      ];
      for (const id of replicaIds) {
        const replica = index.stores.get(id);
        if (replica && !members.has(id)) {
          members.set(id, replica);
          queue.push(replica);
        }
      }
    }
    return { service, members: [...members.values()], matched, sizeGiB };
  });
}
