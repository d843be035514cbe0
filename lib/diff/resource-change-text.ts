import { describe } from '../inventory/raw';
import type { DataFate } from './continuity-diff';
import type { ServiceLookup } from './resource-changes';
import type { InventoryResource, ResourceId } from '../model/inventory';

/** `Stack/LogicalId` of a resource. */
export function idOf(resource: InventoryResource): string {
  return `${resource.location.stack}/${resource.location.logicalId}`;
}

/** A raw property value for messages: `(absent)`, or bounded JSON. */
export function describeValue(value: unknown): string {
  return value === undefined ? '(absent)' : describe(value);
}

/** What happens to a resource that goes away, in words. */
export function fateText(fate: DataFate): string {
  switch (fate) {
    case 'deleted':
      return 'deleted with its data';
    case 'snapshot':
      return 'deleted after a final snapshot';
    case 'retained':
      return 'retained outside the stack';
  }
}

/** Services of a resource on either side, before first. */
export function servicesOf(id: ResourceId, lookup: ServiceLookup): string[] {
  const out = [...(lookup.before.get(id) ?? [])];
  for (const s of lookup.after.get(id) ?? []) {
    if (!out.some((o) => o.toLowerCase() === s.toLowerCase())) {
      out.push(s);
    }
  }
  return out;
}

/** Strips a CDK logical ID hash suffix (8 upper-case hex characters). */
function base(logicalId: string): string {
  return /^(.+?)[0-9A-F]{8}$/.exec(logicalId)?.[1] ?? logicalId;
}

/** Parent construct path of a CDK resource (`Shop/Orders/Resource` → `Shop/Orders`). */
function owner(path: string | undefined): string | undefined {
  return path?.replace(/\/(Resource|Default)$/, '');
}

/**
 * The new resource a removed one most likely became: the same logical ID in another stack (a
 * move), else a new resource of the same type in the same stack with the same construct path or
 * the same logical ID without its CDK hash, else the only new one of that type in that stack.
 */
export function likelyRename(
  old: InventoryResource,
  added: readonly InventoryResource[],
): InventoryResource | undefined {
  const sameType = added.filter((r) => r.type === old.type);
  const moved = sameType.find((r) => r.location.logicalId === old.location.logicalId);
  if (moved) {
    return moved;
  }
  const sameStack = sameType.filter((r) => r.location.stack === old.location.stack);
  const path = owner(old.location.path);
  return (
    (path !== undefined ? sameStack.find((r) => owner(r.location.path) === path) : undefined) ??
    sameStack.find((r) => base(r.location.logicalId) === base(old.location.logicalId)) ??
    (sameStack.length === 1 ? sameStack[0] : undefined)
  );
}
