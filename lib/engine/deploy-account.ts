import { isUnresolved } from '../model';
import type { Inventory, InventoryEntry } from '../model';

/**
 * The account an inventory entry deploys to: its own `account` when known (read from the cdk.out
 * manifest or the Pulumi adapter's option), else `fallback` (the engine's `accountId` option).
 */
export function deployAccountOf(entry: InventoryEntry, fallback?: string): string | undefined {
  const own = entry.account;
  return own !== undefined && !isUnresolved(own) && own !== '' ? own : fallback;
}

/**
 * The one account every entry of an inventory that knows its account deploys to, or `undefined`
 * when none knows it or they name different accounts.
 */
export function singleAccountOf(inventory: Inventory): string | undefined {
  let found: string | undefined;
  for (const entry of inventory.resources) {
    const account = deployAccountOf(entry);
    if (account === undefined) continue;
    if (found !== undefined && found !== account) return undefined;
    found = account;
  }
  return found;
}
