import * as vm from 'node:vm';

import * as pulumi from '@pulumi/pulumi';

/** Resource options as the engine received them, recorded per registration. */
export interface RecordedOptions {
  /** URN of the parent resource (`''` for the stack's direct children). */
  readonly parent: string;
  /** URN of the explicit provider (without the `::id` suffix), `undefined` for the default. */
  readonly provider?: string;
  /** The `protect` option after inheritance from the parent. */
  readonly protect: boolean;
  /** The `retainOnDelete` option. */
  readonly retainOnDelete: boolean;
  /** URNs of explicit dependencies. */
  readonly dependsOn: readonly string[];
  /** Alias names (`name` of each alias spec) and URNs given through `aliases`. */
  readonly aliases: readonly string[];
  /** ID given through `import` (adopting an existing resource), if any. */
  readonly importId?: string;
}

/** One `registerResource` call recorded under mocks. */
export interface Registration {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  /** True for custom (provider) resources, false for components. */
  readonly custom: boolean;
  /** Inputs as the program passed them, with outputs resolved. */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly options: RecordedOptions;
  /** Region of the provider the resource uses (explicit provider's `region` input), if any. */
  readonly providerRegion?: string;
}

/** A canned answer for one invoke token. */
export type InvokeMock = (inputs: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** The mock account id used in every ARN. */
export const MOCK_ACCOUNT = '123456789012';

/**
 * Canned answers for the identity invokes the components make (key policies, managed policy
 * ARNs): account {@link MOCK_ACCOUNT}, partition `aws`.
 */
export const AWS_IDENTITY_INVOKES: Readonly<Record<string, InvokeMock>> = {
  'aws:index/getCallerIdentity:getCallerIdentity': () => ({
    accountId: MOCK_ACCOUNT,
    arn: `arn:aws:iam::${MOCK_ACCOUNT}:user/mock`,
    id: MOCK_ACCOUNT,
    userId: 'MOCKUSER',
  }),
  'aws:index/getPartition:getPartition': () => ({
    partition: 'aws',
    dnsSuffix: 'amazonaws.com',
    id: 'aws',
    reverseDnsPrefix: 'com.amazonaws',
  }),
};

/** Options of {@link runUnderMocks}. */
export interface RunUnderMocksOptions {
  /**
   * Invokes the program may call, by token; any other invoke fails the run.
   *
   * @default AWS_IDENTITY_INVOKES
   */
  readonly invokes?: Readonly<Record<string, InvokeMock>>;
  /**
   * Pulumi project name.
   *
   * @default 'continuity-kit-test'
   */
  readonly project?: string;
  /**
   * Pulumi stack name.
   *
   * @default 'test'
   */
  readonly stack?: string;
}

/** What a program run under mocks produced. */
export interface MockRun<T> {
  /** Every registration, in registration order (components included). */
  readonly registrations: readonly Registration[];
  /** The program's return value. */
  readonly result: T;
}

interface PendingRegistration {
  type: string;
  name: string;
  urn: string;
  custom: boolean;
  inputs?: Record<string, unknown>;
  options: RecordedOptions;
}

interface MonitorLike {
  registerResource(req: RegisterRequest, callback: (err: unknown, res: unknown) => void): unknown;
}

interface AliasLike {
  getUrn(): string;
  getSpec(): { getName(): string } | undefined;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getProvider(): string;
  getCustom(): boolean;
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDependenciesList(): string[];
  getAliasesList(): AliasLike[];
  getImportid(): string;
}

/** `aws:backup/vault:Vault` → `backup`; the service part of an ARN. */
function arnService(type: string): string {
  const module = type.split(':')[1] ?? 'unknown';
  return module.split('/')[0] ?? 'unknown';
}

function mockState(
  args: pulumi.runtime.MockResourceArgs,
  region: string,
): { id: string; state: Record<string, unknown> } {
  const inputs = (args.inputs ?? {}) as Record<string, unknown>;
  const physicalName = `${args.name}-mock`;
  const resourceType = args.type.split(':')[2] ?? 'resource';
  const state: Record<string, unknown> = {
    ...inputs,
    arn:
      `arn:aws:${arnService(args.type)}:${region}:${MOCK_ACCOUNT}:` +
      `${resourceType.toLowerCase()}/${physicalName}`,
  };
  // Providers autoname these at deploy time; mocks stand in with a stable name.
  if (inputs.name === undefined) state.name = physicalName;
  if (args.type === 'aws:s3/bucket:Bucket' && inputs.bucket === undefined) {
    state.bucket = physicalName;
  }
  return { id: `${args.name}-id`, state };
}

/** The URN the mock monitor gives a resource (same scheme as `MockMonitor.newUrn`). */
function mockUrn(parent: string, type: string, name: string): string {
  let qualified = type;
  if (parent) {
    const parentType = (parent.split('::')[2] ?? '').split('$').pop() ?? '';
    qualified = `${parentType}$${type}`;
  }
  return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${qualified}::${name}`;
}

/** `urn::id` → `urn`. */
function providerUrn(ref: string): string | undefined {
  if (!ref) return undefined;
  const index = ref.lastIndexOf('::');
  return index > 0 ? ref.slice(0, index) : ref;
}

function waitForRpcs(): Promise<void> {
  const runtime: unknown = pulumi.runtime;
  const wait = (runtime as { waitForRPCs?: unknown }).waitForRPCs;
  if (typeof wait !== 'function') {
    throw new Error('this @pulumi/pulumi has no runtime.waitForRPCs; update the mock harness');
  }
  return (wait as () => Promise<void>)();
}

/**
 * Runs a Pulumi program under `pulumi.runtime.setMocks` and returns every resource registration.
 *
 * Records type, name, inputs and the options the engine received (parent, provider, protect,
 * retainOnDelete, dependsOn, aliases). Any invoke not listed in `options.invokes` fails the run.
 * Mocked resources echo their inputs and add an `arn` (region from the `region` input, else the
 * provider's) and, when the program leaves it out, an autonamed `name`.
 */
export async function runUnderMocks<T>(
  program: () => T | Promise<T>,
  options: RunUnderMocksOptions = {},
): Promise<MockRun<T>> {
  const pending: PendingRegistration[] = [];
  const providerRegions = new Map<string, string>();
  const invokeErrors: string[] = [];

  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const entry = [...pending]
          .reverse()
          .find((p) => p.type === args.type && p.name === args.name && p.inputs === undefined);
        const inputs = (args.inputs ?? {}) as Record<string, unknown>;
        if (entry) entry.inputs = inputs;
        if (args.type.startsWith('pulumi:providers:') && entry) {
          providerRegions.set(entry.urn, String(inputs.region ?? ''));
        }
        const explicit = typeof inputs.region === 'string' ? inputs.region : undefined;
        const viaProvider = args.provider
          ? providerRegions.get(providerUrn(args.provider) ?? '')
          : '';
        return mockState(args, explicit ?? (viaProvider || 'us-east-1'));
      },
      call(args) {
        const mock = (options.invokes ?? AWS_IDENTITY_INVOKES)[args.token];
        if (!mock) {
          invokeErrors.push(args.token);
          throw new Error(
            `unexpected invoke '${args.token}' under mocks; add it to options.invokes`,
          );
        }
        return mock(args.inputs as Record<string, unknown>);
      },
    },
    options.project ?? 'continuity-kit-test',
    options.stack ?? 'test',
    false,
  );

  const monitor = pulumi.runtime.getMonitor() as unknown as MonitorLike;
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const type = req.getType();
    const name = req.getName();
    const parent = req.getParent();
    const entry: PendingRegistration = {
      type,
      name,
      urn: mockUrn(parent, type, name),
      custom: req.getCustom(),
      options: {
        parent,
        provider: providerUrn(req.getProvider()),
        protect: req.getProtect() === true,
        retainOnDelete: req.getRetainondelete() === true,
        dependsOn: req.getDependenciesList(),
        aliases: req
          .getAliasesList()
          .map((a) => a.getSpec()?.getName() || a.getUrn())
          .filter((a) => a !== ''),
        ...(req.getImportid() ? { importId: req.getImportid() } : {}),
      },
    };
    pending.push(entry);
    return original(req, callback);
  };

  // Pulumi captures a full stack trace per resource and per output promise; jest's source-mapped
  // stack formatting (installed on the outer realm's Error) makes that cost tens of ms a
  // resource. V8's own formatting keeps a 300-resource program fast; stacks are restored after.
  const outerError = vm.runInThisContext('Error') as { prepareStackTrace?: unknown };
  const prepare = outerError.prepareStackTrace;
  outerError.prepareStackTrace = undefined;
  let result: T;
  try {
    result = await program();
    await waitForRpcs();
  } finally {
    outerError.prepareStackTrace = prepare;
  }
  if (invokeErrors.length > 0) {
    throw new Error(`unexpected invokes under mocks: ${invokeErrors.join(', ')}`);
  }

  const byUrn = new Map(pending.map((p) => [p.urn, p]));
  const registrations = pending.map((p): Registration => {
    const providerEntry = p.options.provider ? byUrn.get(p.options.provider) : undefined;
    const providerRegion = providerEntry?.inputs?.region;
    return {
      type: p.type,
      name: p.name,
      urn: p.urn,
      custom: p.custom,
      inputs: p.inputs ?? {},
      options: p.options,
      providerRegion: typeof providerRegion === 'string' ? providerRegion : undefined,
    };
  });
  return { registrations, result };
}

/** Registrations of one type, in order. */
export function ofType(
  registrations: readonly Registration[],
  type: string,
): readonly Registration[] {
  return registrations.filter((r) => r.type === type);
}

/** The one registration with this type and name; throws when absent. */
export function findRegistration(
  registrations: readonly Registration[],
  type: string,
  name: string,
): Registration {
  const found = registrations.find((r) => r.type === type && r.name === name);
  if (!found) {
    const names = ofType(registrations, type).map((r) => r.name);
    throw new Error(`no ${type} named '${name}'; found: ${names.join(', ') || 'none'}`);
  }
  return found;
}

/** Registrations of the given types that are neither protected nor retained on delete. */
export function unprotected(
  registrations: readonly Registration[],
  types: readonly string[],
): readonly string[] {
  return registrations
    .filter((r) => types.includes(r.type) && !r.options.protect && !r.options.retainOnDelete)
    .map((r) => `${r.type} ${r.name}`);
}

/** Input keys that set a physical name, per resource type (autonaming is used otherwise). */
export const PHYSICAL_NAME_INPUTS: Readonly<Record<string, readonly string[]>> = {
  'aws:kms/key:Key': [],
  'aws:backup/vault:Vault': ['name'],
  'aws:backup/vaultLockConfiguration:VaultLockConfiguration': [],
  'aws:dynamodb/table:Table': ['name'],
  'aws:s3/bucket:Bucket': ['bucket', 'bucketPrefix'],
  'aws:rds/instance:Instance': ['identifier', 'identifierPrefix'],
  'aws:rds/cluster:Cluster': ['clusterIdentifier', 'clusterIdentifierPrefix'],
  'aws:efs/fileSystem:FileSystem': ['creationToken'],
  'aws:ebs/volume:Volume': [],
};

/** Registrations that set a physical name on a stateful resource, as `type name: key`. */
export function physicallyNamed(registrations: readonly Registration[]): readonly string[] {
  return registrations.flatMap((r) =>
    (PHYSICAL_NAME_INPUTS[r.type] ?? [])
      .filter((key) => r.inputs[key] !== undefined)
      .map((key) => `${r.type} ${r.name}: ${key}`),
  );
}
