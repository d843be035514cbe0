import type { InventoryEntry } from '../model/inventory';
import type { InventoryBuilder } from './inventory-builder';
import type { RawObject } from './raw';
import type { StackScope } from './stack-scope';

/** One resource of a template, with its common inventory fields already read. */
export interface TemplateResource {
  readonly entry: InventoryEntry;
  readonly type: string;
  readonly properties: RawObject;
}

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
