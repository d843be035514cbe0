import type { InventoryResource } from '../model/inventory';
import type { InventoryBuilder } from './inventory-builder';
import type { StackScope } from './stack-scope';

/**
 * One resource of a template, as it entered the inventory: its common entry fields (id, location,
 * region, account, tags), type and raw properties. Readers copy the entry fields with
 * `withEntry`.
 */
export type TemplateResource = InventoryResource;

/** Reads one resource type into the inventory. */
export type ResourceReader = (
  resource: TemplateResource,
  scope: StackScope,
  out: InventoryBuilder,
) => void;

/** Runs after every resource was read, to connect entries across resources and stacks. */
export type InventoryLinker = (
  out: InventoryBuilder,
  scopes: ReadonlyMap<string, StackScope>,
) => void;

/** Readers and linkers of one AWS service area. */
export interface ServiceReaders {
  /** Readers by CloudFormation type. */
  readonly readers: Readonly<Record<string, ResourceReader>>;
  /**
   * Linkers run after all resources were read.
   *
   * @default - none
   */
  readonly linkers?: readonly InventoryLinker[];
}
