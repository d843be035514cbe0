import type { PolicyResource } from '@pulumi/policy';

import type { PulumiResourceRecord } from '../../lib/inventory/pulumi';

/** Property `@pulumi/policy`'s unknown-checking proxy answers with the object it wraps. */
const PROXY_TARGET = '__getSpecialProxyTarget';

/**
 * The plain object behind `@pulumi/policy`'s props proxy. Reading a property unknown during a
 * preview through the proxy throws (and silently skips the policy); the plain object keeps the
 * engine's unknown sentinels instead, which the adapter reads as deploy-time values.
 */
export function unwrapProps(props: unknown): Record<string, unknown> {
  if (typeof props !== 'object' || props === null) {
    return {};
  }
  const target = (props as Record<string, unknown>)[PROXY_TARGET];
  const raw = typeof target === 'object' && target !== null ? target : props;
  return raw as Record<string, unknown>;
}

/** The stack name in a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`). */
export function stackOfUrn(urn: string): string | undefined {
  const match = /^urn:pulumi:([^:]+)::/.exec(urn);
  return match?.[1];
}

/**
 * Turns `args.resources` of a stack validation into the adapter's plain records: unwrapped
 * properties, `protect`, the provider's Region, the parent and the property dependencies as
 * URNs. `retainOnDelete` is not part of the analyzer protocol, so it stays unknown (false).
 */
export function recordsFromPolicyResources(
  resources: readonly PolicyResource[],
): PulumiResourceRecord[] {
  return resources.map((r) => {
    const providerRegion = r.provider ? unwrapProps(r.provider.props).region : undefined;
    const parent = r.parent?.urn ?? r.opts.parent;
    const propertyDependencies: Record<string, string[]> = {};
    for (const [prop, deps] of Object.entries(r.propertyDependencies ?? {})) {
      propertyDependencies[prop] = deps.map((d) => d.urn);
    }
    return {
      type: r.type,
      urn: r.urn,
      name: r.name,
      props: unwrapProps(r.props),
      protect: r.opts.protect === true,
      ...(typeof providerRegion === 'string' && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(providerRegion)
        ? { providerRegion }
        : {}),
      ...(parent ? { parent } : {}),
      propertyDependencies,
    };
  });
}
