import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ContinuityStacks } from '../../../constructs/cdk';
import type { ContinuitySpec } from '../../../lib/model';
import { BUILT_IN_TIERS } from '../../../lib/tiers';
import { REGIONS } from './fixtures';

const SERVICES = 40;
const PER_STACK = 4;

/** `count` gold services, each with one S3 bucket (replicated to the recovery Region). */
function bucketSpec(count: number): ContinuitySpec {
  return {
    regions: REGIONS,
    tiers: { ...BUILT_IN_TIERS },
    services: Array.from({ length: count }, (_, i) => ({
      name: `svc${i}`,
      tier: 'gold',
      owner: 'team',
      dependsOn: [],
      contacts: [],
      resources: [{ kind: 's3' as const, logicalId: `Svc${i}Bucket`, sizeGiB: 1 }],
    })),
    suppressions: [],
  };
}

function resourceCount(stack: Stack): number {
  return stack.node.findAll().filter((c) => CfnResource.isCfnResource(c) && Stack.of(c) === stack)
    .length;
}

function replicaBuckets(stack: Stack): number {
  return Object.keys(Template.fromStack(stack).findResources('AWS::S3::Bucket')).length;
}

describe('ContinuityStacks spreads per-service recovery destinations over the service groups', () => {
  let stacks: ContinuityStacks;
  let bySize: Stack[];
  beforeAll(() => {
    stacks = new ContinuityStacks(new App(), 'Shop', {
      spec: bucketSpec(SERVICES),
      account: '111111111111',
      servicesPerStack: PER_STACK,
    });
    stacks.addServices();
    bySize = stacks.node.children.filter((c): c is Stack => Stack.isStack(c));
  });

  test('each group gets its own recovery foundation holding only its replica buckets', () => {
    // GIVEN
    const groups = SERVICES / PER_STACK;
    // WHEN
    const foundations = bySize.filter((s) => s.node.id.startsWith('RecoveryFoundation'));
    // THEN
    expect(foundations.map((s) => s.node.id).sort()).toEqual(
      [
        'RecoveryFoundation',
        ...Array.from({ length: groups - 1 }, (_, i) => `RecoveryFoundation${i + 2}`),
      ].sort(),
    );
    for (const foundation of foundations) expect(replicaBuckets(foundation)).toBe(PER_STACK);
  });

  test('a service uses the foundation of its group; the first group keeps RecoveryFoundation', () => {
    // WHEN
    const first = stacks.recoveryFoundationStackFor('svc0');
    const last = stacks.recoveryFoundationStackFor(`svc${SERVICES - 1}`);
    // THEN
    expect(first).toBe(stacks.recoveryFoundationStack);
    expect(last.node.id).toBe(`RecoveryFoundation${SERVICES / PER_STACK}`);
    expect(last.region).toBe(REGIONS.recovery);
    const replica = Template.fromStack(last).findResources('AWS::S3::Bucket');
    expect(Object.keys(replica)).toHaveLength(PER_STACK);
  });

  test('no stack grows with the number of services: the largest stays far under 500', () => {
    // WHEN
    const largest = Math.max(...bySize.map(resourceCount));
    const foundation = resourceCount(stacks.recoveryFoundationStack);
    // THEN: 10 groups; one foundation holding all 40 replicas would pass 40 buckets
    expect(largest).toBeLessThan(500);
    expect(replicaBuckets(stacks.recoveryFoundationStack)).toBe(PER_STACK);
    expect(foundation).toBeLessThan(resourceCount(stacks.primaryStack) + 20);
  });

  test('no group creates a foundation stack when its services need no destination there', () => {
    // GIVEN
    const spec = bucketSpec(8);
    const dynamo: ContinuitySpec = {
      ...spec,
      services: spec.services.map((s) => ({
        ...s,
        resources: [{ kind: 'dynamodb', logicalId: `${s.name}T`, sizeGiB: 1 }],
      })),
    };
    // WHEN
    const only = new ContinuityStacks(new App(), 'Shop', {
      spec: dynamo,
      account: '111111111111',
      servicesPerStack: 2,
    });
    only.addServices();
    // THEN
    const ids = only.node.children.filter((c) => Stack.isStack(c)).map((c) => c.node.id);
    expect(ids.filter((id) => id.startsWith('RecoveryFoundation'))).toEqual(['RecoveryFoundation']);
  });

  test('no template beyond the first grows with the spec: they point to the one embedding it', () => {
    // GIVEN: the same layout for 4 services and for 40
    const metadata = (services: number): string[] => {
      const shop = new ContinuityStacks(new App(), 'Shop', {
        spec: bucketSpec(services),
        account: '111111111111',
        servicesPerStack: PER_STACK,
      });
      shop.addServices();
      return shop.node.children
        .filter((c): c is Stack => Stack.isStack(c) && c !== shop.recoveryFoundationStack)
        .map((stack) => JSON.stringify(Template.fromStack(stack).toJSON().Metadata));
    };
    // WHEN
    const few = metadata(PER_STACK);
    const many = metadata(SERVICES);
    // THEN: one and the same small pointer in every other stack, while the spec grew tenfold
    expect(many.length).toBeGreaterThan(few.length);
    const pointers = new Set([...many]);
    expect(pointers.size).toBe(1);
    expect([...pointers][0]).toMatch(
      /^\{"ContinuityKit::SpecRef":\{"stack":"ShopRecoveryFoundation[^"]*","sha256":"[0-9a-f]{64}"\}\}$/,
    );
    expect(few.every((m) => m.length === [...pointers][0].length)).toBe(true);
  });

  test('the size error names servicesPerStack with its current value', () => {
    // GIVEN
    const app = new App();
    const big = new ContinuityStacks(app, 'Big', {
      spec: bucketSpec(2),
      account: '111111111111',
      servicesPerStack: 2,
    });
    big.addServices();
    for (let i = 0; i < 460; i++)
      new CfnResource(big.primaryStack, `Filler${i}`, { type: 'AWS::SNS::Topic' });
    // WHEN
    const errors = big.primaryStack.node.validate();
    // THEN
    expect(errors).toEqual([
      expect.stringMatching(/has \d+ resources, .*lower servicesPerStack \(now 2\)/),
    ]);
  });
});
