import * as pulumi from '@pulumi/pulumi';

import type { PulumiResourceRecord } from '../../../../lib/inventory/pulumi';
import { runUnderMocks } from '../../../constructs/pulumi/mock-harness';
import type { Registration, RunUnderMocksOptions } from '../../../constructs/pulumi/mock-harness';

interface RequestLike {
  getType(): string;
  getName(): string;
  getParent(): string;
  getPropertydependenciesMap(): {
    forEach(callback: (value: { getUrnsList(): string[] }, key: string) => void): void;
  };
}

interface MockMonitorLike {
  registerResource(req: RequestLike, callback: (err: unknown, res: unknown) => void): unknown;
  getRegisteredResources?(): Map<string, { id: string | null; state: Record<string, unknown> }>;
}

/** What a program run under mocks produced, as policy-pack style records. */
export interface RecordedStack<T> {
  /** Every registration except the stack itself, as the adapter reads them. */
  readonly records: readonly PulumiResourceRecord[];
  readonly registrations: readonly Registration[];
  readonly result: T;
}

function key(type: string, name: string, parent: string): string {
  return `${type}\u0000${name}\u0000${parent}`;
}

/**
 * Runs a program with the shared mock harness and turns its registrations into
 * {@link PulumiResourceRecord}s the way a policy pack sees a stack: properties are the mocked
 * outputs (inputs echoed, plus `arn` and autonamed `name`), with the physical id, the `protect`
 * and `retainOnDelete` options, the provider's Region, the parent and the property dependencies
 * the runtime recorded.
 */
export async function recordsUnderMocks<T>(
  program: () => T | Promise<T>,
  options: RunUnderMocksOptions = {},
): Promise<RecordedStack<T>> {
  const dependencies = new Map<string, Record<string, string[]>>();
  let monitor: MockMonitorLike | undefined;
  const run = await runUnderMocks(() => {
    monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorLike;
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      const map: Record<string, string[]> = {};
      req.getPropertydependenciesMap().forEach((value, prop) => {
        map[prop] = value.getUrnsList();
      });
      dependencies.set(key(req.getType(), req.getName(), req.getParent()), map);
      return original(req, callback);
    };
    return program();
  }, options);
  const registered = monitor?.getRegisteredResources?.() ?? new Map();
  const records = run.registrations
    .filter((r) => r.type !== 'pulumi:pulumi:Stack')
    .map((r): PulumiResourceRecord => {
      const state = registered.get(r.urn);
      // components keep their inputs (the embedded spec); resources show their mocked outputs
      const props = r.custom ? { ...r.inputs, ...(state?.state ?? {}) } : { ...r.inputs };
      return {
        type: r.type,
        urn: r.urn,
        name: r.name,
        props,
        ...(r.custom && state?.id ? { id: state.id } : {}),
        protect: r.options.protect,
        retainOnDelete: r.options.retainOnDelete,
        ...(r.providerRegion !== undefined ? { providerRegion: r.providerRegion } : {}),
        ...(r.options.parent ? { parent: r.options.parent } : {}),
        propertyDependencies: dependencies.get(key(r.type, r.name, r.options.parent)) ?? {},
      };
    });
  return { records, registrations: run.registrations, result: run.result };
}
