import type { Stack } from 'aws-cdk-lib';
import { App, Lazy } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { ContinuityStacks } from '../../../constructs/cdk';
import {
  METADATA_SPEC_KEY,
  METADATA_SPEC_REF_KEY,
  STORE_KINDS,
  TAG_TIER,
} from '../../../lib/model';
import type { StoreKind } from '../../../lib/model';
import { specDigest, specToJson } from '../../../lib/spec';
import { STORE_IDS, shopSpec, synthShop } from './fixtures';
import type { Synthesized } from './fixtures';

const TIERS = ['platinum', 'gold', 'silver', 'bronze'] as const;

/** CloudFormation type of the main stateful resource per kind. */
const STORE_TYPES: Readonly<Record<StoreKind, string>> = {
  dynamodb: 'AWS::DynamoDB::GlobalTable',
  s3: 'AWS::S3::Bucket',
  rds: 'AWS::RDS::DBInstance',
  aurora: 'AWS::RDS::DBCluster',
  efs: 'AWS::EFS::FileSystem',
  ebs: 'AWS::EC2::Volume',
};

/**
 * Properties whose change makes CloudFormation replace the resource (per the CloudFormation
 * resource reference, "Update requires: Replacement"), including the physical names.
 */
const REPLACING_PROPERTIES: Readonly<Record<StoreKind, readonly string[]>> = {
  dynamodb: ['TableName', 'KeySchema', 'LocalSecondaryIndexes'],
  s3: ['BucketName', 'ObjectLockEnabled'],
  rds: [
    'DBInstanceIdentifier',
    'Engine',
    'DBSubnetGroupName',
    'KmsKeyId',
    'StorageEncrypted',
    'SourceDBInstanceIdentifier',
  ],
  aurora: [
    'DBClusterIdentifier',
    'Engine',
    'DBSubnetGroupName',
    'KmsKeyId',
    'StorageEncrypted',
    'GlobalClusterIdentifier',
  ],
  efs: ['FileSystemName', 'Encrypted', 'KmsKeyId', 'PerformanceMode', 'AvailabilityZoneName'],
  ebs: ['AvailabilityZone', 'Encrypted', 'KmsKeyId', 'SnapshotId'],
};

/** Physical-name properties that must never be set on a stateful resource. */
const NAME_PROPERTIES = [
  'TableName',
  'BucketName',
  'DBInstanceIdentifier',
  'DBClusterIdentifier',
  'FileSystemName',
];

const STATEFUL_TYPES = new Set([
  ...Object.values(STORE_TYPES),
  'AWS::RDS::GlobalCluster',
  'AWS::KMS::Key',
]);

function storeResource(
  synth: Synthesized,
  kind: StoreKind,
): [string, { Properties: Record<string, unknown> }] {
  const found = Object.entries(synth.primary.findResources(STORE_TYPES[kind])).filter(([id]) =>
    id.startsWith(STORE_IDS[kind]),
  );
  expect(found).toHaveLength(1);
  return found[0] as [string, { Properties: Record<string, unknown> }];
}

describe('ContinuityStacks', () => {
  const synths: Record<string, Synthesized> = {};
  beforeAll(() => {
    for (const tier of TIERS) synths[tier] = synthShop(tier);
  });

  describe('tier-change stability', () => {
    const pairs = TIERS.flatMap((a) => TIERS.filter((b) => a < b).map((b) => [a, b] as const));
    const cases = pairs.flatMap(([a, b]) => STORE_KINDS.map((kind) => [a, b, kind] as const));
    test.each(cases)('moving %s <-> %s keeps the %s store in place', (a, b, kind) => {
      // GIVEN
      const [idA, resA] = storeResource(synths[a]!, kind);
      // WHEN
      const [idB, resB] = storeResource(synths[b]!, kind);
      // THEN
      expect(idB).toBe(idA);
      for (const prop of REPLACING_PROPERTIES[kind]) {
        expect(resB.Properties[prop]).toEqual(resA.Properties[prop]);
      }
    });
  });

  test.each(TIERS)('every stateful resource at %s is retained and has no physical name', (tier) => {
    // GIVEN
    const synth = synths[tier]!;
    // WHEN
    const templates = [synth.primary, synth.recovery, synth.foundation].map((t) => t.toJSON());
    // THEN
    let checked = 0;
    for (const template of templates) {
      for (const [id, resource] of Object.entries(
        (template.Resources ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        if (!STATEFUL_TYPES.has(resource.Type as string)) continue;
        const props = (resource.Properties ?? {}) as Record<string, unknown>;
        // An Aurora cluster's instances hold no data of their own; the cluster does.
        if (resource.Type === 'AWS::RDS::DBInstance' && props.DBClusterIdentifier !== undefined)
          continue;
        checked += 1;
        expect([id, resource.DeletionPolicy]).toEqual([
          id,
          expect.stringMatching(/^(Retain|Snapshot)$/),
        ]);
        expect([id, resource.UpdateReplacePolicy]).toEqual([
          id,
          expect.stringMatching(/^(Retain|Snapshot)$/),
        ]);
        for (const name of NAME_PROPERTIES)
          expect([id, name, props[name]]).toEqual([id, name, undefined]);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(STORE_KINDS.length);
  });

  test('tags every store with its service and tier', () => {
    // GIVEN
    const { primary } = synths.gold!;
    // THEN
    primary.hasResourceProperties('AWS::S3::Bucket', {
      Tags: Match.arrayWith([
        { Key: 'continuity:service', Value: 'shop' },
        { Key: TAG_TIER, Value: 'gold' },
      ]),
    });
    primary.hasResourceProperties('AWS::EC2::Volume', {
      Tags: Match.arrayWith([{ Key: TAG_TIER, Value: 'gold' }]),
    });
  });

  test('embeds the spec in its first stack, and the others point to it with its digest', () => {
    // GIVEN
    const synth = synths.silver!;
    const document = specToJson(synth.shop.spec);
    // THEN
    expect(synth.foundation.toJSON().Metadata).toEqual({ [METADATA_SPEC_KEY]: document });
    for (const template of [synth.primary, synth.recovery]) {
      expect(template.toJSON().Metadata).toEqual({
        [METADATA_SPEC_REF_KEY]: {
          stack: synth.shop.recoveryFoundationStack.stackName,
          sha256: specDigest(document),
        },
      });
    }
  });

  test('renders the spec first in the template metadata and resolves metadata the user adds', () => {
    // GIVEN
    const app = new App();
    const shop = new ContinuityStacks(app, 'Shop', {
      spec: shopSpec('gold'),
      account: '111111111111',
    });
    shop.addServices();
    // WHEN
    shop.recoveryFoundationStack.templateOptions.metadata!.Owner = Lazy.string({
      produce: () => 'team-a',
    });
    // THEN
    const template = Template.fromStack(shop.recoveryFoundationStack).toJSON();
    expect(Object.keys(template).slice(0, 3)).toEqual(['Description', 'Metadata', 'Resources']);
    expect(template.Metadata).toEqual({
      [METADATA_SPEC_KEY]: specToJson(shop.spec),
      Owner: 'team-a',
    });
    expect(Object.keys(template.Metadata)).toEqual([METADATA_SPEC_KEY, 'Owner']);
  });

  test('renders metadata the user puts in place of the spec as given', () => {
    // GIVEN
    const app = new App();
    const shop = new ContinuityStacks(app, 'Shop', {
      spec: shopSpec('gold'),
      account: '111111111111',
    });
    shop.addServices();
    // WHEN
    shop.recoveryStack.templateOptions.metadata = {
      Owner: Lazy.string({ produce: () => 'team-a' }),
    };
    // THEN
    expect(Template.fromStack(shop.recoveryStack).toJSON().Metadata).toEqual({ Owner: 'team-a' });
  });

  test('finds services by name whatever their case', () => {
    // GIVEN
    const shop = new ContinuityStacks(new App(), 'Shop', {
      spec: shopSpec('gold'),
      account: '111111111111',
    });
    // WHEN
    const service = shop.addService('SHOP');
    // THEN
    expect(service.plan.service).toBe('shop');
    expect(shop.primaryStackFor('Shop')).toBe(shop.primaryStack);
    expect(() => shop.addService('shop')).toThrow(/already added/);
  });

  test('platinum puts the Aurora secondary cluster and a reader in the recovery stack', () => {
    // GIVEN
    const { recovery, primary } = synths.platinum!;
    // THEN
    primary.resourceCountIs('AWS::RDS::GlobalCluster', 1);
    recovery.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      GlobalClusterIdentifier: Match.anyValue(),
      StorageEncrypted: true,
      KmsKeyId: Match.anyValue(),
    });
    recovery.resourceCountIs('AWS::RDS::DBInstance', 2);
    recovery.hasResourceProperties('AWS::RDS::DBInstance', {
      DBClusterIdentifier: Match.anyValue(),
    });
    recovery.hasResourceProperties('AWS::RDS::DBInstance', {
      SourceDBInstanceIdentifier: Match.anyValue(),
      SourceRegion: 'us-east-1',
      KmsKeyId: Match.anyValue(),
    });
  });

  test('the recovery foundation holds a locked, encrypted vault per tier and the S3 replica', () => {
    // GIVEN
    const { foundation } = synths.gold!;
    // THEN
    foundation.hasResourceProperties('AWS::Backup::BackupVault', {
      EncryptionKeyArn: Match.anyValue(),
      LockConfiguration: { MinRetentionDays: Match.anyValue() },
    });
    foundation.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: Match.anyValue(),
    });
    foundation.resourceCountIs('AWS::SNS::Topic', 1);
  });

  test('backup copy actions point at the recovery-Region vault', () => {
    // GIVEN
    const { primary } = synths.bronze!;
    // THEN
    primary.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: Match.arrayWith([
          Match.objectLike({
            CopyActions: [Match.objectLike({ DestinationBackupVaultArn: Match.anyValue() })],
          }),
        ]),
      },
    });
  });

  test('fails synthesis on the service path when a plan finding is an error', () => {
    // GIVEN
    const app = new App();
    const spec = shopSpec('platinum');
    const shop = new ContinuityStacks(app, 'Shop', { spec, account: '111111111111' });
    const plan = {
      ...shop.plan,
      services: shop.plan.services.map((s) => ({
        ...s,
        findings: [
          {
            rule: 'RR-PLAN1',
            severity: 'error' as const,
            status: 'non-compliant' as const,
            service: 'shop',
            message: "service 'shop' cannot meet its region objective",
            fix: 'choose a looser tier',
          },
        ],
      })),
    };
    const failing = new ContinuityStacks(new App(), 'Shop', {
      spec,
      plan,
      account: '111111111111',
    });
    // WHEN
    failing.addServices();
    // THEN
    Annotations.fromStack(failing.primaryStack).hasError(
      '/Shop/Primary/ServiceShop',
      Match.stringLikeRegexp(
        "RR-PLAN1: service 'shop' cannot meet its region objective; choose a looser tier",
      ),
    );
  });

  test('fails validation when a declared service is never added', () => {
    // GIVEN
    const app = new App();
    new ContinuityStacks(app, 'Shop', { spec: shopSpec('gold'), account: '111111111111' });
    // WHEN / THEN
    expect(() => app.synth()).toThrow(/service\(s\) 'shop' that were never added; call addService/);
  });

  test('adopts a table the user created and leaves its logical id alone', () => {
    // GIVEN
    const app = new App();
    const shop = new ContinuityStacks(app, 'Shop', {
      spec: shopSpec('gold'),
      account: '111111111111',
    });
    const stack: Stack = shop.primaryStackFor('shop');
    const table = new dynamodb.TableV2(stack, 'MyTable', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    });
    // WHEN
    shop.addService('shop', { tables: [table] });
    // THEN
    const template = stack.resolve((table.node.defaultChild as dynamodb.CfnGlobalTable).replicas);
    expect(template).toEqual([
      expect.objectContaining({ region: 'us-west-2' }),
      expect.objectContaining({
        region: 'us-east-1',
        pointInTimeRecoverySpecification: expect.objectContaining({
          pointInTimeRecoveryEnabled: true,
        }),
      }),
    ]);
    expect(() => shop.addService('shop')).toThrow(/already added/);
  });

  test('throws when a service is not in the spec', () => {
    // GIVEN
    const shop = new ContinuityStacks(new App(), 'Shop', {
      spec: shopSpec('gold'),
      account: '111111111111',
    });
    // WHEN / THEN
    expect(() => shop.addService('billing')).toThrow(
      /service 'billing' is not in the spec \(services: shop\)/,
    );
  });
});
