import { unknownCheckingProxy } from '@pulumi/policy';
import type { PolicyResource, StackValidationArgs } from '@pulumi/policy';

import type { PulumiResourceRecord } from '../../../lib/inventory/pulumi';

/** A violation reported through `reportViolation`. */
export interface Violation {
  readonly message: string;
  readonly urn?: string;
}

/**
 * The `StackValidationArgs` the Pulumi engine would pass for these records: props behind
 * `@pulumi/policy`'s unknown-checking proxy, the provider with its Region, parents and property
 * dependencies as resource objects. `retainOnDelete` is dropped, as the analyzer protocol does.
 */
export function stackArgs(
  records: readonly PulumiResourceRecord[],
  config: Record<string, unknown> = {},
): StackValidationArgs {
  const resources = records.map((r): PolicyResource => ({
    type: r.type,
    // bridged providers report the physical id among the outputs
    props: unknownCheckingProxy({
      ...(r.id !== undefined ? { id: r.id } : {}),
      ...r.props,
    }) as Record<string, unknown>,
    urn: r.urn,
    name: r.name,
    opts: {
      protect: r.protect === true,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
      ...(r.parent ? { parent: r.parent } : {}),
    },
    ...(r.providerRegion
      ? {
          provider: {
            type: 'pulumi:providers:aws',
            props: unknownCheckingProxy({ region: r.providerRegion }) as Record<string, unknown>,
            urn: `urn:pulumi:test::p::pulumi:providers:aws::${r.providerRegion}`,
            name: r.providerRegion,
          },
        }
      : {}),
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  }));
  const byUrn = new Map(resources.map((r) => [r.urn, r] as const));
  records.forEach((r, i) => {
    const resource = resources[i] as PolicyResource;
    const parent = r.parent ? byUrn.get(r.parent) : undefined;
    if (parent) {
      resource.parent = parent;
    }
    for (const [prop, urns] of Object.entries(r.propertyDependencies ?? {})) {
      resource.propertyDependencies[prop] = urns
        .map((u) => byUrn.get(u))
        .filter((d): d is PolicyResource => d !== undefined);
    }
  });
  return {
    resources,
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason ?? ''}`);
    },
  };
}
