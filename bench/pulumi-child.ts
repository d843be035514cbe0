import { readFileSync, writeFileSync } from 'node:fs';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { ContinuityStacks } from '../constructs/pulumi';
import { planContinuity } from '../lib/planner';
import { parseSpec } from '../lib/spec';
import { benchSpec } from './generate-assembly';
import {
  DerivedText,
  MOCK_ACCOUNT,
  MockedInput,
  mockedState,
  prepareReplay,
} from './pulumi-replay';
import type { MockedValue, RecordedResource, ReplayInput } from './pulumi-replay';

export type { RecordedResource } from './pulumi-replay';

/** What one Pulumi run reports on its last stdout line. */
export interface PulumiRunResult {
  /** Running the program until every registration finished, ms. */
  readonly ms: number;
  /** Custom (provider) resources registered. */
  readonly resources: number;
  /** Component resources registered. */
  readonly components: number;
}

const TODAY = new Date('2026-11-21T00:00:00Z');

interface Registered {
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  inputs?: Record<string, unknown>;
  provider?: string;
}

/** Mocks like the test harness: echo inputs, add an `arn` and autonamed `name`/`bucket`. */
function setMocks(registered: Registered[]): Promise<void> {
  const regions = new Map<string, string>();
  // Registrations still waiting for their inputs, by type and name: a lookup per resource, not a
  // scan of every earlier registration (which made both sides of the benchmark quadratic).
  const waiting = new Map<string, Registered[]>();
  let seen = 0;
  const entryFor = (type: string, name: string): Registered | undefined => {
    for (; seen < registered.length; seen++) {
      const r = registered[seen];
      if (r.inputs) continue;
      const key = `${r.type}::${r.name}`;
      const queue = waiting.get(key);
      if (queue) queue.push(r);
      else waiting.set(key, [r]);
    }
    // first registered first, as a scan of the list would find them
    return waiting.get(`${type}::${name}`)?.shift();
  };
  return pulumi.runtime.setMocks(
    {
      newResource(args) {
        const inputs = (args.inputs ?? {}) as Record<string, unknown>;
        const entry = entryFor(args.type, args.name);
        if (entry) {
          entry.inputs = inputs;
        }
        if (args.type.startsWith('pulumi:providers:')) {
          regions.set(args.name, String(inputs.region ?? ''));
        }
        const providerName = args.provider?.split('::')[3]?.split('::')[0];
        const region =
          (typeof inputs.region === 'string' ? inputs.region : undefined) ??
          (providerName ? regions.get(providerName) : undefined) ??
          'us-east-1';
        const { id, ...mocked } = mockedState(args.type, args.name, inputs, region);
        return { id, state: { ...inputs, ...mocked } };
      },
      call(args) {
        if (args.token === 'aws:index/getCallerIdentity:getCallerIdentity') {
          return {
            accountId: MOCK_ACCOUNT,
            arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/mock`,
            id: MOCK_ACCOUNT,
            userId: 'MOCK',
          };
        }
        if (args.token === 'aws:index/getPartition:getPartition') {
          return {
            partition: 'aws',
            dnsSuffix: 'amazonaws.com',
            id: 'aws',
            reverseDnsPrefix: 'com.amazonaws',
          };
        }
        throw new Error(
          `unexpected invoke '${args.token}' under mocks; mock it in bench/pulumi-child.ts`,
        );
      },
    },
    'continuity-kit-bench',
    'bench',
    false,
  );
}

/** Records every registration (type, name, custom, provider) as the engine receives it. */
function recordRegistrations(registered: Registered[]): void {
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(req: unknown, callback: unknown): unknown;
  };
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const r = req as {
      getType(): string;
      getName(): string;
      getCustom(): boolean;
      getProvider(): string;
    };
    const provider = r.getProvider();
    registered.push({
      type: r.getType(),
      name: r.getName(),
      custom: r.getCustom(),
      provider: provider ? provider.split('::')[3] : undefined,
    });
    return original(req, callback);
  };
}

function waitForRpcs(): Promise<void> {
  return (pulumi.runtime as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/** `aws:s3/bucketVersioning:BucketVersioning` → `aws.s3.BucketVersioning`. */
function resourceClass(
  type: string,
): new (name: string, args: unknown, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource {
  const [, module, className] = type.split(':');
  const namespace = (aws as unknown as Record<string, Record<string, unknown>>)[
    (module ?? '').split('/')[0] ?? ''
  ];
  const cls = namespace?.[className ?? ''];
  if (typeof cls !== 'function') {
    throw new Error(
      `no @pulumi/aws class for '${type}'; extend resourceClass in bench/pulumi-child.ts`,
    );
  }
  return cls as never;
}

/**
 * The baseline: the same custom resources as ours, created directly with the @pulumi/aws classes
 * in ours' registration order, no components, from the inputs {@link prepareReplay} worked out: an
 * input that is an earlier resource's mocked id, ARN or name is passed as that resource's output,
 * and one with such values inside it (a JSON policy naming a bucket's ARN) is built from those
 * outputs with `pulumi.interpolate`, as a hand-written program must. So the dependency graph is
 * kept.
 */
function replay(recorded: readonly RecordedResource[], inputs: readonly ReplayInput[]): void {
  const created: (pulumi.CustomResource & Record<string, unknown>)[] = [];
  const providers = new Map<string, aws.Provider>();
  const outputOf = (value: MockedValue): pulumi.Output<unknown> | undefined => {
    const resource = created[value.producer];
    const output = resource?.[value.output];
    return pulumi.Output.isInstance(output) ? output : undefined;
  };
  const link = (value: ReplayInput): unknown => {
    // a class without that output: the text as recorded
    if (value instanceof MockedInput) return outputOf(value.value) ?? value.text;
    if (value instanceof DerivedText) {
      const outputs = value.values.map(outputOf);
      if (outputs.some((o) => o === undefined)) return value.text;
      return pulumi.interpolate(
        value.literals as unknown as TemplateStringsArray,
        ...(outputs as pulumi.Output<unknown>[]),
      );
    }
    if (Array.isArray(value)) return value.map(link);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, link(v)]));
    }
    return value;
  };
  recorded.forEach((r, position) => {
    const opts =
      r.provider && providers.get(r.provider) ? { provider: providers.get(r.provider) } : {};
    if (r.type === 'pulumi:providers:aws') {
      const provider = new aws.Provider(r.name, { region: r.inputs.region as aws.Region });
      providers.set(r.name, provider);
      created[position] = provider as never;
      return;
    }
    const Cls = resourceClass(r.type);
    created[position] = new Cls(r.name, link(inputs[position]!), opts) as never;
  });
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * `node dist/bench/pulumi-child.js --variant ours|plain --services N --recording FILE`: ours runs
 * `ContinuityStacks` under mocks and writes the custom resources it registered to FILE; plain
 * replays FILE with @pulumi/aws classes. Prints a {@link PulumiRunResult} as JSON.
 */
export async function runPulumi(args: readonly string[]): Promise<PulumiRunResult> {
  const variant = option(args, '--variant');
  const services = Number(option(args, '--services'));
  const recording = option(args, '--recording');
  if ((variant !== 'ours' && variant !== 'plain') || !Number.isInteger(services) || !recording) {
    throw new Error(
      `got --variant ${variant} --services ${services} --recording ${recording}; ` +
        'pass --variant ours|plain --services <integer> --recording <file>',
    );
  }
  const registered: Registered[] = [];
  await setMocks(registered);
  recordRegistrations(registered);
  const recorded =
    variant === 'plain' ? (JSON.parse(readFileSync(recording, 'utf8')) as RecordedResource[]) : [];
  // untimed: a hand-written program knows its dependencies without searching for them
  const inputs = prepareReplay(recorded);
  const started = process.hrtime.bigint();
  if (variant === 'ours') {
    const spec = parseSpec(benchSpec(services, false), { now: TODAY });
    new ContinuityStacks('shop', { spec, plan: planContinuity(spec) });
  } else {
    replay(recorded, inputs);
  }
  await waitForRpcs();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const custom = registered.filter((r) => r.custom);
  if (variant === 'ours') {
    const out: RecordedResource[] = custom.map((r) => ({
      type: r.type,
      name: r.name,
      inputs: r.inputs ?? {},
      ...(r.provider ? { provider: r.provider } : {}),
    }));
    writeFileSync(recording, JSON.stringify(out));
  }
  return { ms, resources: custom.length, components: registered.length - custom.length };
}

if (require.main === module) {
  runPulumi(process.argv.slice(2)).then(
    (result) => process.stdout.write(`\n${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
