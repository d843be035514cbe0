import type { ComputeProtection, StoreProtection } from '../model';

/**
 * A store or compute protection that may carry a display name (logical id).
 *
 * The shared contract has no name field; the planner and engine may add `name` so that
 * explanations say which resource set a number.
 */
export type Named<T> = T & { readonly name?: string };

/** `OrdersTable (dynamodb)`, or `dynamodb in us-east-1` without a name. */
export function storeLabel(store: Named<StoreProtection>): string {
  return store.name ? `${store.name} (${store.kind})` : `${store.kind} in ${store.region}`;
}

/** `Api (ecs)`, or `ecs in us-east-1` without a name. */
export function computeLabel(compute: Named<ComputeProtection>): string {
  return compute.name
    ? `${compute.name} (${compute.kind})`
    : `${compute.kind} in ${compute.region}`;
}
