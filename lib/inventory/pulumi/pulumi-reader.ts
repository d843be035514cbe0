import type { InventoryEntry } from '../../model/inventory';
import { isUnresolved } from '../../model/unresolved';
import type { Unresolved } from '../../model/unresolved';
import type { InventoryBuilder } from '../inventory-builder';
import type { PulumiScope, ScopedRecord } from './pulumi-scope';
import { partTypes } from './pulumi-type-map';

/** One Pulumi resource with its common inventory fields already read. */
export interface PulumiResource {
  readonly scoped: ScopedRecord;
  readonly entry: InventoryEntry;
  /** CloudFormation equivalent of the resource's type. */
  readonly cfnType: string;
}

/** Reads one Pulumi resource type into the inventory. */
export type PulumiReader = (
  resource: PulumiResource,
  scope: PulumiScope,
  out: InventoryBuilder,
) => void;

/** Runs after every resource was read, to connect entries across resources. */
export type PulumiLinker = (scope: PulumiScope, out: InventoryBuilder) => void;

/** Resources merged into `target` as its `part`, and whether another one might be. */
export interface Attachments {
  readonly attached: readonly ScopedRecord[];
  /** Set when an attachment's target is unknown until deploy (it may be `target`). */
  readonly uncertain?: Unresolved;
}

/**
 * The resources that provide `part` (see `PULUMI_TYPE_MAP`) of `target`: those whose property
 * `prop` refers to it.
 */
export function attachmentsOf(
  scope: PulumiScope,
  target: ScopedRecord,
  part: string,
  prop: string,
): Attachments {
  const attached: ScopedRecord[] = [];
  let uncertain: Unresolved | undefined;
  for (const type of partTypes(part)) {
    for (const candidate of scope.ofType(type)) {
      const ref = scope.reference(candidate, prop, candidate.props[prop], [target.record.type]);
      if (isUnresolved(ref)) {
        uncertain ??= ref;
      } else if (ref && 'id' in ref && ref.id === target.id) {
        attached.push(candidate);
      }
    }
  }
  return uncertain ? { attached, uncertain } : { attached };
}
