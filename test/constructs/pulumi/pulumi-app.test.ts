import { buildExample } from '../../../bin/pulumi-app';
import type { Example } from '../../../bin/pulumi-app';
import { STATEFUL_RESOURCE_TYPES, TYPE_TOKENS } from '../../../constructs/pulumi';
import { METADATA_SPEC_KEY } from '../../../lib/model';
import type { ReplicationMechanism } from '../../../lib/model';
import { parseSpec } from '../../../lib/spec';
import {
  findRegistration,
  ofType,
  physicallyNamed,
  runUnderMocks,
  unprotected,
} from './mock-harness';
import type { Registration } from './mock-harness';

/** The child each replication mechanism creates, by type and name suffix of the store. */
const REPLICATION_CHILD: Readonly<Record<ReplicationMechanism, readonly [string, string]>> = {
  'dynamodb-global-table': ['aws:dynamodb/table:Table', '-table'],
  'dynamodb-global-table-strong': ['aws:dynamodb/table:Table', '-table'],
  's3-crr': ['aws:s3/bucketReplicationConfig:BucketReplicationConfig', '-replication'],
  's3-crr-rtc': ['aws:s3/bucketReplicationConfig:BucketReplicationConfig', '-replication'],
  'aurora-global-database': ['aws:rds/cluster:Cluster', '-secondary'],
  'rds-read-replica': ['aws:rds/instance:Instance', '-replica'],
  'rds-backup-replication': [
    'aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication',
    '-backup-replication',
  ],
  'efs-replication': ['aws:efs/replicationConfiguration:ReplicationConfiguration', '-replication'],
};

describe('the example Pulumi program', () => {
  let regs: readonly Registration[];
  let example: Example;
  beforeAll(async () => {
    const run = await runUnderMocks(() => buildExample());
    regs = run.registrations;
    example = run.result;
  });

  test('embeds the spec in the top-level component', () => {
    // GIVEN / WHEN
    const top = findRegistration(regs, TYPE_TOKENS.continuityStacks, 'shop');
    // THEN
    expect(parseSpec(JSON.parse(String(top.inputs[METADATA_SPEC_KEY])))).toEqual(example.spec);
  });

  test('the recovery provider is an explicit provider for the recovery Region', () => {
    // GIVEN / WHEN
    const provider = findRegistration(regs, 'pulumi:providers:aws', 'shop-recovery');
    // THEN
    expect(provider.inputs.region).toBe('us-west-2');
  });

  test('every regional resource uses the provider of its own Region', () => {
    // GIVEN / WHEN
    const regional = regs.filter((r) => r.custom && typeof r.inputs.region === 'string');
    // THEN
    expect(regional.length).toBeGreaterThan(100);
    const mismatched = regional
      .filter((r) => r.type !== 'pulumi:providers:aws' && r.providerRegion !== r.inputs.region)
      .map((r) => `${r.name}: ${String(r.inputs.region)} via ${String(r.providerRegion)}`);
    expect(mismatched).toEqual([]);
  });

  test('every stateful resource is protected or retained, and none has a physical name', () => {
    // GIVEN / WHEN
    const stateful = regs.filter((r) =>
      (STATEFUL_RESOURCE_TYPES as readonly string[]).includes(r.type),
    );
    // THEN
    expect(stateful.length).toBeGreaterThan(30);
    expect(unprotected(regs, STATEFUL_RESOURCE_TYPES)).toEqual([]);
    expect(physicallyNamed(regs)).toEqual([]);
  });

  test('each used tier gets a vault in both Regions and a backup plan per rule group', () => {
    // GIVEN
    const used = new Set(example.plan.services.map((s) => s.tier));
    // WHEN
    const vaults = ofType(regs, 'aws:backup/vault:Vault')
      .map((r) => r.name)
      .sort();
    // THEN
    expect(vaults).toEqual(
      [...used].flatMap((t) => [`shop-${t}-recovery-vault`, `shop-${t}-vault`]).sort(),
    );
    for (const tier of example.plan.tiers.filter((t) => used.has(t.tier))) {
      const rules = ofType(regs, 'aws:backup/plan:Plan')
        .filter((p) => p.name.startsWith(`shop-${tier.tier}-backup-plan`))
        .flatMap((p) => p.inputs.rules as { ruleName: string }[]);
      expect(rules.map((r) => r.ruleName).sort()).toEqual(tier.rules.map((r) => r.name).sort());
    }
  });

  test('every planned replication is rendered on the store it was planned for', () => {
    // GIVEN
    const planned = example.plan.services.flatMap((s) =>
      s.stores.map((st) => ({ service: s.service, store: st })),
    );
    // WHEN / THEN
    for (const { service, store } of planned) {
      if (!store.replication) continue;
      const [type, suffix] = REPLICATION_CHILD[store.replication];
      const child = findRegistration(
        regs,
        type,
        `shop-${service}-${store.resource.logicalId}${suffix}`,
      );
      if (type === 'aws:dynamodb/table:Table') {
        expect(child.inputs.replicas).toEqual([
          expect.objectContaining({ regionName: 'us-west-2' }),
        ]);
      }
    }
  });

  test('standby capacity in each Region follows the plan', () => {
    // GIVEN
    const capacity = (r: Registration) => r.inputs.desiredCount ?? r.inputs.desiredCapacity;
    const computes = example.plan.services.flatMap((s) =>
      s.compute.map((c) => ({ service: s.service, compute: c })),
    );
    // WHEN / THEN
    for (const { service, compute } of computes) {
      const base = `shop-${service}-${compute.resource.logicalId}`;
      const kind = compute.resource.kind;
      if (kind === 'lambda') continue;
      const type = kind === 'ecs' ? 'aws:ecs/service:Service' : 'aws:autoscaling/group:Group';
      const suffix = kind === 'ecs' ? 'service' : 'group';
      expect(capacity(findRegistration(regs, type, `${base}-${suffix}`))).toBe(
        compute.primaryCapacity,
      );
      if (compute.recoveryCapacity !== undefined) {
        const recovery = findRegistration(regs, type, `${base}-recovery-${suffix}`);
        expect(capacity(recovery)).toBe(compute.recoveryCapacity);
      }
    }
  });

  test('creates one alarm per planned alarm and resource, and a dashboard per service', () => {
    // GIVEN
    const planned = example.plan.services.reduce((n, s) => n + s.alarms.length, 0);
    // WHEN
    const alarms = ofType(regs, 'aws:cloudwatch/metricAlarm:MetricAlarm');
    // THEN
    expect(alarms.length).toBeGreaterThanOrEqual(planned);
    expect(ofType(regs, 'aws:cloudwatch/dashboard:Dashboard')).toHaveLength(
      example.plan.services.length,
    );
  });

  test('every resource but the example network, zone and providers sits under ContinuityStacks', () => {
    // GIVEN
    const byUrn = new Map(regs.map((r) => [r.urn, r]));
    const root = findRegistration(regs, TYPE_TOKENS.continuityStacks, 'shop').urn;
    const rootOf = (r: Registration): string => {
      const parent = byUrn.get(r.options.parent);
      return parent ? rootOf(parent) : r.urn;
    };
    const exampleOwn = /^shop-(primary|recovery)(-vpc|-subnet-.*)?$|^shop-zone$/;
    // WHEN
    const outside = regs.filter((r) => !exampleOwn.test(r.name) && rootOf(r) !== root);
    // THEN
    expect(regs.length).toBeGreaterThan(250);
    expect(outside.map((r) => r.name)).toEqual([]);
  });
});
