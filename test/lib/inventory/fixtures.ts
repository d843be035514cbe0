import { join } from 'path';
import type { Inventory, InventoryEntry } from '../../../lib/model/inventory';

/** Absolute path of a hand-written template fixture. */
export function fixture(name: string): string {
  return join(__dirname, '..', '..', 'fixtures', 'templates', name);
}

/** The entry of `list` with logical id `logicalId` (throws when missing, so tests fail clearly). */
export function byLogicalId<T extends InventoryEntry>(list: readonly T[], logicalId: string): T {
  const found = list.find((e) => e.location.logicalId === logicalId);
  if (!found) {
    throw new Error(`no entry ${logicalId} in [${list.map((e) => e.id).join(', ')}]`);
  }
  return found;
}

/** Stores of an inventory by logical id. */
export function store(inventory: Inventory, logicalId: string): Inventory['stores'][number] {
  return byLogicalId(inventory.stores, logicalId);
}
