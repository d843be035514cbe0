import { ContinuityStacks, STATEFUL_RESOURCE_TYPES, TYPE_TOKENS } from '../../../constructs/pulumi';
import type { StoreKind } from '../../../lib/model';
import { STORE_KINDS } from '../../../lib/model';
import { planContinuity } from '../../../lib/planner';
import { parseSpec, validateSpec } from '../../../lib/spec';
import { findRegistration, ofType, runUnderMocks, unprotected } from './mock-harness';
import type { Registration } from './mock-harness';

const TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;

/**
 * Inputs whose change makes the provider replace the resource (ForceNew in the AWS provider
 * schema), per stateful type. A tier change must leave all of them alone.
 */
const REPLACING_INPUTS: Readonly<Record<string, readonly string[]>> = {
  'aws:dynamodb/table:Table': ['name', 'hashKey', 'rangeKey'],
  'aws:s3/bucket:Bucket': ['bucket', 'bucketPrefix', 'objectLockEnabled'],
  'aws:rds/instance:Instance': ['identifier', 'engine', 'username', 'storageEncrypted', 'kmsKeyId'],
  'aws:rds/cluster:Cluster': ['clusterIdentifier', 'engine', 'masterUsername', 'storageEncrypted'],
  'aws:efs/fileSystem:FileSystem': ['creationToken', 'encrypted', 'kmsKeyId', 'performanceMode'],
  'aws:ebs/volume:Volume': ['availabilityZone', 'encrypted', 'kmsKeyId', 'snapshotId'],
};

function rawSpec(tier: string, kinds: readonly StoreKind[]) {
  return {
    regions: { primary: 'us-east-1', recovery: 'us-west-2' },
    services: kinds.map((kind) => ({
      name: `svc-${kind}`,
      tier,
      owner: 'team',
      resources: [{ kind, logicalId: `${kind}Store`, sizeGiB: 10 }],
    })),
  };
}

/** Store kinds a tier can be promised on (the spec rejects e.g. platinum on EBS). */
function kindsAt(tier: string): readonly StoreKind[] {
  return STORE_KINDS.filter((kind) => validateSpec(rawSpec(tier, [kind])).spec !== undefined);
}

/** A spec with one service per store kind the tier can serve, every service at `tier`. */
function specAt(tier: string) {
  return parseSpec(rawSpec(tier, kindsAt(tier)));
}

async function renderAt(tier: string): Promise<readonly Registration[]> {
  const spec = specAt(tier);
  const plan = planContinuity(spec);
  const run = await runUnderMocks(() => new ContinuityStacks('kit', { spec, plan }));
  return run.registrations;
}

/** The primary store of each service: type → name → replacing inputs. */
function primaryStores(regs: readonly Registration[]): Record<string, unknown> {
  const main = /^kit-svc-\w+-\w+Store-(table|bucket|db|cluster|fs|volume)$/;
  return Object.fromEntries(
    regs
      .filter((r) => main.test(r.name))
      .map((r) => [
        r.urn,
        Object.fromEntries((REPLACING_INPUTS[r.type] ?? []).map((k) => [k, r.inputs[k]])),
      ]),
  );
}

describe('ContinuityStacks across tiers', () => {
  const byTier: Record<string, readonly Registration[]> = {};
  beforeAll(async () => {
    for (const tier of TIERS) byTier[tier] = await renderAt(tier);
  }, 120_000);

  test.each(TIERS.flatMap((a) => TIERS.filter((b) => b !== a).map((b) => [a, b] as const)))(
    'moving every store kind from %s to %s keeps each store and its replacing inputs',
    (from, to) => {
      // GIVEN the stores rendered at `from`  WHEN rendered at `to`
      const before = primaryStores(byTier[from] ?? []);
      const after = primaryStores(byTier[to] ?? []);
      const kept = kindsAt(to);
      const moved = Object.keys(before).filter((urn) =>
        kept.some((k) => urn.includes(`-${k}Store-`)),
      );
      // THEN
      expect(moved.length).toBeGreaterThanOrEqual(2);
      for (const urn of moved) expect([urn, after[urn]]).toEqual([urn, before[urn]]);
    },
  );

  test.each(TIERS)('at %s every stateful resource is protected or retained', (tier) => {
    // GIVEN / WHEN
    const regs = byTier[tier] ?? [];
    // THEN
    expect(unprotected(regs, STATEFUL_RESOURCE_TYPES)).toEqual([]);
  });

  test.each(TIERS)('at %s the stores carry the tier tag the tier backup selects', (tier) => {
    // GIVEN
    const regs = byTier[tier] ?? [];
    // WHEN
    const name = 'kit-svc-dynamodb-dynamodbStore-table';
    const table = findRegistration(regs, 'aws:dynamodb/table:Table', name);
    const selections = ofType(regs, 'aws:backup/selection:Selection');
    // THEN
    expect(table.inputs.tags).toEqual({
      'continuity:service': 'svc-dynamodb',
      'continuity:tier': tier,
    });
    expect(selections.length).toBeGreaterThan(0);
    for (const s of selections) {
      expect(s.inputs.conditions).toEqual([
        { stringEquals: [{ key: 'aws:ResourceTag/continuity:tier', value: tier }] },
      ]);
    }
  });

  test('creates its own providers for both Regions when none are given', () => {
    // GIVEN / WHEN
    const providers = ofType(byTier.gold ?? [], 'pulumi:providers:aws');
    // THEN
    expect(providers.map((p) => [p.name, p.inputs.region]).sort()).toEqual([
      ['kit-primary', 'us-east-1'],
      ['kit-recovery', 'us-west-2'],
    ]);
  });
});

describe('ContinuityStacks options', () => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    // GIVEN a service now called svc-dynamodb, formerly ledger, and monitoring skipped
    const spec = specAt('gold');
    const plan = planContinuity(spec);
    const run = await runUnderMocks(
      () =>
        new ContinuityStacks('kit', {
          spec,
          plan,
          previousServiceNames: { 'svc-dynamodb': 'ledger' },
          monitoring: { skip: true },
        }),
    );
    regs = run.registrations;
  });

  test('a renamed service aliases its components, whose children are named from them', () => {
    // WHEN
    const name = 'kit-svc-dynamodb-dynamodbStore';
    const store = findRegistration(regs, TYPE_TOKENS.protectedStore, name);
    const children = regs.filter((r) => r.options.parent === store.urn);
    // THEN the engine aliases children of an aliased parent by swapping the parent-name prefix
    // of their names, which needs the children to be named from the component
    expect(store.options.aliases).toEqual(['kit-ledger-dynamodbStore']);
    expect(children.map((c) => c.name)).toEqual([`${name}-table`]);
  });

  test('monitoring skip leaves out topics, rules, alarms and dashboards', () => {
    // WHEN
    const monitoring = regs.filter((r) => /^aws:(sns|cloudwatch)\//.test(r.type));
    // THEN
    expect(monitoring).toEqual([]);
    expect(ofType(regs, TYPE_TOKENS.continuityMonitoring)).toHaveLength(0);
  });
});

describe('ContinuityStacks defaults', () => {
  let regs: readonly Registration[];
  let stacks: ContinuityStacks;
  const spec = specAt('bronze');
  beforeAll(async () => {
    // GIVEN a spec and no plan  WHEN rendered
    const run = await runUnderMocks(() => new ContinuityStacks('kit', { spec }));
    regs = run.registrations;
    stacks = run.result;
  });

  test('plans the spec itself when no plan is given', () => {
    // THEN
    expect(stacks.plan).toEqual(planContinuity(spec));
  });

  test('embeds the spec as a document parseSpec reads back to the same spec', () => {
    // THEN
    const top = findRegistration(regs, TYPE_TOKENS.continuityStacks, 'kit');
    const embedded: unknown = JSON.parse(String(top.inputs['ContinuityKit::Spec']));
    expect(parseSpec(embedded)).toEqual(spec);
  });

  test('protects and retains every store, vault and key, at an unlocked tier too', () => {
    // THEN
    const stateful = regs.filter((r) =>
      (STATEFUL_RESOURCE_TYPES as readonly string[]).includes(r.type),
    );
    expect(stateful.length).toBeGreaterThan(5);
    for (const r of stateful) {
      expect([r.name, r.options.protect, r.options.retainOnDelete]).toEqual([r.name, true, true]);
    }
  });

  test("deletionProtection 'retain' opts every store and vault out of protect", async () => {
    // GIVEN / WHEN
    const run = await runUnderMocks(
      () => new ContinuityStacks('kit', { spec, deletionProtection: 'retain' }),
    );
    // THEN
    const stateful = run.registrations.filter((r) =>
      (STATEFUL_RESOURCE_TYPES as readonly string[]).includes(r.type),
    );
    expect(stateful.length).toBeGreaterThan(5);
    for (const r of stateful) {
      expect([r.name, r.options.protect, r.options.retainOnDelete]).toEqual([r.name, false, true]);
    }
  });
});
