import { ContinuityStacks } from '../../../constructs/pulumi';
import { diffAssemblies, servicesByResource } from '../../../lib/diff';
import { assess } from '../../../lib/engine';
import { inventoryFromPulumi } from '../../../lib/inventory/pulumi';
import type { PulumiResourceRecord } from '../../../lib/inventory/pulumi';
import { STORE_KINDS } from '../../../lib/model';
import { planContinuity } from '../../../lib/planner';
import { parseSpec, validateSpec } from '../../../lib/spec';
import { MOCK_ACCOUNT } from '../../constructs/pulumi/mock-harness';
import { recordsUnderMocks } from '../inventory/pulumi/records-under-mocks';
import type { AssembledState, ResourceChange } from '../../../lib/diff';
import type { StoreKind } from '../../../lib/model';

/*
 * Safety matrix of issue 7, Pulumi side: moving services from any built-in tier to any other must
 * never replace or delete a stateful resource. The spec validator rejects some (tier, kind) pairs
 * (e.g. a tier whose RPO a kind cannot reach), so each pair of tiers is checked for the kinds valid
 * at both. To keep the runtime modest, each tier renders ONE program with one service per kind
 * valid at that tier (every (tier, kind) is rendered once), and the diff of a pair is read per
 * service: a kind valid at A only simply leaves with its service.
 */

const TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;
const TODAY = new Date('2026-11-21');

/** CloudFormation type each kind's store reads as. */
const STORE_TYPES: Readonly<Record<StoreKind, readonly string[]>> = {
  dynamodb: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  s3: ['AWS::S3::Bucket'],
  rds: ['AWS::RDS::DBInstance'],
  aurora: ['AWS::RDS::DBCluster'],
  efs: ['AWS::EFS::FileSystem'],
  ebs: ['AWS::EC2::Volume'],
};

const serviceOf = (kind: StoreKind): string => `svc-${kind}`;

function rawSpec(tier: string, kinds: readonly StoreKind[]): unknown {
  return {
    regions: { primary: 'us-east-1', recovery: 'us-west-2' },
    services: kinds.map((kind) => ({
      name: serviceOf(kind),
      tier,
      owner: 'team',
      resources: [{ kind, logicalId: `${kind}Store`, sizeGiB: 10 }],
    })),
  };
}

/** Store kinds the spec validator accepts at `tier`. */
function kindsAt(tier: string): readonly StoreKind[] {
  return STORE_KINDS.filter((kind) => validateSpec(rawSpec(tier, [kind])).spec !== undefined);
}

interface Rendered {
  readonly kinds: readonly StoreKind[];
  readonly records: readonly PulumiResourceRecord[];
  readonly state: AssembledState;
}

/** Reads records as a policy pack would and assesses them, as `continuity diff` does. */
function assemble(tier: string, records: readonly PulumiResourceRecord[]): AssembledState {
  const spec = parseSpec(rawSpec(tier, kindsAt(tier)));
  const inventory = inventoryFromPulumi(records, {
    stack: 'test',
    defaultRegion: spec.regions.primary,
    account: MOCK_ACCOUNT,
  });
  return { inventory, spec, assessment: assess(spec, inventory, { today: TODAY }) };
}

async function render(tier: string): Promise<Rendered> {
  const kinds = kindsAt(tier);
  const spec = parseSpec(rawSpec(tier, kinds));
  const plan = planContinuity(spec);
  const run = await recordsUnderMocks(() => new ContinuityStacks('kit', { spec, plan }));
  return { kinds, records: run.records, state: assemble(tier, run.records) };
}

/** One line per change, so a failure says what would be lost. */
function describeChanges(changes: readonly ResourceChange[]): string[] {
  return changes.map((c) => `${c.action} ${c.stack}/${c.logicalId} (${c.type}): ${c.message}`);
}

const PAIRS = TIERS.flatMap((from) =>
  TIERS.filter((to) => to !== from).map((to) => [from, to] as const),
);

describe('tier-change safety matrix (Pulumi)', () => {
  const rendered = new Map<string, Rendered>();
  const at = (tier: string): Rendered => {
    const r = rendered.get(tier);
    if (r === undefined) {
      throw new Error(`tier '${tier}' was not rendered`);
    }
    return r;
  };
  let pairsChecked = 0;

  beforeAll(async () => {
    for (const tier of TIERS) {
      rendered.set(tier, await render(tier));
    }
  }, 240_000);

  afterAll(() => {
    // every ordered pair of tiers, times the kinds valid at both
    expect(pairsChecked).toBe(
      PAIRS.reduce(
        (n, [from, to]) => n + kindsAt(from).filter((k) => kindsAt(to).includes(k)).length,
        0,
      ),
    );
  });

  test.each(TIERS)('at %s the program holds a store per valid kind, in its service', (tier) => {
    // GIVEN
    const { kinds, state } = at(tier);
    // WHEN
    const services = servicesByResource(state);
    // THEN
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) {
      const stores = state.inventory.resources.filter(
        (r) => STORE_TYPES[kind].includes(r.type) && r.origin?.backend === 'pulumi',
      );
      expect(stores.map((r) => [kind, services.get(r.id)])).toContainEqual([
        kind,
        [serviceOf(kind)],
      ]);
    }
  });

  test.each(PAIRS)('%s -> %s replaces and deletes nothing stateful', (from, to) => {
    // GIVEN the kinds valid at both tiers
    const before = at(from);
    const after = at(to);
    const kept = before.kinds.filter((k) => after.kinds.includes(k));
    const dropped = new Set(before.kinds.filter((k) => !kept.includes(k)).map(serviceOf));
    // WHEN
    const diff = diffAssemblies(before.state, after.state);
    // THEN changes that belong only to services whose kind is invalid at `to` do not count
    const counted = diff.resources.filter(
      (c) => c.services.length === 0 || c.services.some((s) => !dropped.has(s)),
    );
    const replaced = counted.filter((c) => c.action === 'replace' || c.action === 'may-replace');
    expect(describeChanges(replaced)).toEqual([]);
    expect(describeChanges(counted.filter((c) => c.dataAtRisk))).toEqual([]);
    // whatever leaves the program (a tier's vault, replicas) is retained; only Aurora DB
    // instances (compute over the cluster volume) go, when a lower tier needs fewer readers
    const deleted = counted.filter((c) => c.action === 'delete' && c.fate === 'deleted');
    const aurora = /-auroraStore-(secondary-)?instance-\d+$/;
    expect(describeChanges(deleted.filter((c) => !aurora.test(c.logicalId)))).toEqual([]);
    // the primary store of every kept service is still there, under the same name (replicas
    // a lower tier does not need leave, retained)
    for (const kind of kept) {
      const primary = new RegExp(
        `/kit-svc-${kind}-${kind}Store-(table|bucket|db|cluster|fs|volume)$`,
      );
      const ids = (state: AssembledState): string[] =>
        state.inventory.resources
          .filter((r) => STORE_TYPES[kind].includes(r.type) && primary.test(r.id))
          .map((r) => r.id);
      expect(ids(before.state)).toHaveLength(1);
      expect(ids(after.state)).toEqual(ids(before.state));
    }
    pairsChecked += kept.length;
  });

  test('the matrix would notice a table whose hashKey changes (control)', () => {
    // GIVEN the gold program with the DynamoDB table's hashKey changed
    const gold = at('gold');
    const name = 'kit-svc-dynamodb-dynamodbStore-table';
    expect(gold.records.map((r) => r.name)).toContain(name);
    const changed = gold.records.map((r) =>
      r.name === name ? { ...r, props: { ...r.props, hashKey: 'tenantId' } } : r,
    );
    // WHEN
    const diff = diffAssemblies(gold.state, assemble('gold', changed));
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'replace',
        logicalId: name,
        services: [serviceOf('dynamodb')],
        properties: [expect.objectContaining({ property: 'hashKey', after: 'tenantId' })],
        dataAtRisk: true,
        message: expect.stringMatching(/^Pulumi replaces /),
      }),
    ]);
    expect(diff.atRisk).toBe(true);
  });

  test('the matrix would notice a store whose resource name changes (control)', () => {
    // GIVEN the gold program with the primary bucket under another name (a new Pulumi URN)
    const gold = at('gold');
    const name = 'kit-svc-s3-s3Store-bucket';
    expect(gold.records.map((r) => r.name)).toContain(name);
    const renamed = gold.records.map((r) =>
      r.name === name ? { ...r, name: `${name}2`, urn: `${r.urn}2` } : r,
    );
    // WHEN
    const diff = diffAssemblies(gold.state, assemble('gold', renamed));
    // THEN
    expect(diff.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'delete',
          type: 'AWS::S3::Bucket',
          services: [serviceOf('s3')],
          likelyRenamedTo: expect.stringMatching(/-s3Store-bucket2$/),
          dataAtRisk: true,
        }),
      ]),
    );
  });
});
