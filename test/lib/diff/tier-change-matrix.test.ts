import { App } from 'aws-cdk-lib';
import { ContinuityStacks } from '../../../constructs/cdk';
import { diffAssemblies } from '../../../lib/diff';
import { assess } from '../../../lib/engine';
import { inventoryFromTemplates } from '../../../lib/inventory';
import { STORE_KINDS } from '../../../lib/model';
import { BUILT_IN_TIERS } from '../../../lib/tiers';
import type { AssembledState, ResourceChange } from '../../../lib/diff';
import type { ContinuitySpec, StoreKind } from '../../../lib/model';

/*
 * Safety matrix of issue 7: moving a service from any built-in tier to any other must never
 * replace or delete a stateful resource. Each (tier, kind) app is synthesized once (CDK_VALIDATION
 * is off for jest) and shared by the 12 ordered pairs of its kind. Planner findings (a tier a kind
 * cannot meet) are synthesis annotations, not exceptions, so every pair synthesizes.
 */

const TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;

/** CloudFormation type of the store each kind renders, to check the app holds it. */
const STORE_TYPES: Readonly<Record<StoreKind, string>> = {
  dynamodb: 'AWS::DynamoDB::GlobalTable',
  s3: 'AWS::S3::Bucket',
  rds: 'AWS::RDS::DBInstance',
  aurora: 'AWS::RDS::DBCluster',
  efs: 'AWS::EFS::FileSystem',
  ebs: 'AWS::EC2::Volume',
};

function spec(tier: string, kind: StoreKind, logicalId = 'LedgerStore'): ContinuitySpec {
  return {
    regions: { primary: 'us-east-1', recovery: 'us-west-2' },
    tiers: { ...BUILT_IN_TIERS },
    services: [
      {
        name: 'ledger',
        tier,
        owner: 'team-ledger',
        dependsOn: [],
        contacts: ['ledger@example.com'],
        resources: [{ kind, logicalId, sizeGiB: 10 }],
      },
    ],
    suppressions: [],
  };
}

/** Synthesizes the one-service app and assesses it, as `continuity diff` would. */
function synthesize(tier: string, kind: StoreKind, logicalId?: string): AssembledState {
  const app = new App();
  const s = spec(tier, kind, logicalId);
  new ContinuityStacks(app, 'Ledger', { spec: s, account: '111111111111' }).addServices();
  const assembly = app.synth();
  const inventory = inventoryFromTemplates(
    assembly.stacksRecursively.map((stack) => ({
      stack: stack.stackName,
      region: stack.environment.region,
      // a stack with nothing in it synthesizes to `{}`
      template: { Resources: {}, ...(stack.template as object) },
    })),
  );
  return {
    inventory,
    spec: s,
    assessment: assess(s, inventory, { today: new Date('2026-11-21') }),
  };
}

/** One line per change, so a failure says what would be lost. */
function describeChanges(changes: readonly ResourceChange[]): string[] {
  return changes.map((c) => `${c.action} ${c.stack}/${c.logicalId} (${c.type}): ${c.message}`);
}

const PAIRS = TIERS.flatMap((from) => TIERS.filter((to) => to !== from).map((to) => [from, to]));

describe('tier-change safety matrix (CDK)', () => {
  const apps = new Map<string, AssembledState>();
  const app = (tier: string, kind: StoreKind): AssembledState => {
    const key = `${tier}/${kind}`;
    let state = apps.get(key);
    if (state === undefined) {
      state = synthesize(tier, kind);
      apps.set(key, state);
    }
    return state;
  };

  describe.each(STORE_KINDS)('%s', (kind) => {
    test.each(TIERS)('the %s app holds the store', (tier) => {
      // THEN
      expect(app(tier, kind).inventory.resources.map((r) => r.type)).toContain(STORE_TYPES[kind]);
    });

    test.each(PAIRS)('%s -> %s replaces and deletes nothing stateful', (from, to) => {
      // WHEN
      const diff = diffAssemblies(app(from, kind), app(to, kind));
      // THEN
      const replaced = diff.resources.filter(
        (c) => c.action === 'replace' || c.action === 'may-replace',
      );
      expect(describeChanges(replaced)).toEqual([]);
      expect(describeChanges(diff.resources.filter((c) => c.dataAtRisk))).toEqual([]);
      // whatever leaves the templates (replicas, a tier's vault) is retained
      expect(diff.resources.filter((c) => c.action === 'delete').map((c) => c.fate)).not.toContain(
        'deleted',
      );
    });
  });

  test('the matrix would notice a store that changes logical ID (control)', () => {
    // GIVEN
    const renamed = synthesize('gold', 'dynamodb', 'LedgerTable');
    // WHEN
    const diff = diffAssemblies(app('gold', 'dynamodb'), renamed);
    // THEN
    expect(diff.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'delete',
          type: 'AWS::DynamoDB::GlobalTable',
          services: ['ledger'],
          likelyRenamedTo: expect.stringMatching(/\/LedgerTable/),
          dataAtRisk: true,
        }),
      ]),
    );
    expect(diff.atRisk).toBe(true);
  });
});
