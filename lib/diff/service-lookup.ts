import { indexInventory } from '../engine/index-inventory';
import { resolveMembership } from '../engine/service-membership';
import { TAG_SERVICE } from '../model/disruption';
import { isUnresolved } from '../model/unresolved';
import type { AssembledState } from './continuity-diff';
import type { ResourceId } from '../model/inventory';

/**
 * Services of each resource of one side: the spec's membership when the side has a spec (declared
 * logical IDs, tags, replicas of members), plus the `continuity:service` tag of any resource.
 */
export function servicesByResource(state: AssembledState): ReadonlyMap<ResourceId, string[]> {
  const out = new Map<ResourceId, string[]>();
  const add = (id: ResourceId, service: string): void => {
    const list = out.get(id) ?? [];
    if (!list.some((s) => s.toLowerCase() === service.toLowerCase())) {
      list.push(service);
    }
    out.set(id, list);
  };
  if (state.spec !== undefined) {
    for (const m of resolveMembership(state.spec, indexInventory(state.inventory))) {
      m.members.forEach((e) => add(e.id, m.service.name));
    }
  }
  for (const r of state.inventory.resources) {
    const tag = r.tags[TAG_SERVICE];
    if (tag !== undefined && !isUnresolved(tag) && tag !== '') {
      add(r.id, tag);
    }
  }
  return out;
}
