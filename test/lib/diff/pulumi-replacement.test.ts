import {
  diffAssemblies,
  REPLACEMENT_PROPERTIES,
  replacementCheck,
  replacementRule,
  STATEFUL_TYPES,
} from '../../../lib/diff';
import { inventoryFromPulumi, PULUMI_TYPE_MAP } from '../../../lib/inventory/pulumi';
import type { PulumiResourceRecord } from '../../../lib/inventory/pulumi';
import type { AssembledState } from '../../../lib/diff';
import type { InventoryResource } from '../../../lib/model';
import { NO_SERVICES, side, table } from './diff-harness';

/** The Pulumi engine's unknown-string sentinel (a value not known during a preview). */
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

const TABLE = 'aws:dynamodb/table:Table';

function record(
  type: string,
  name: string,
  props: Record<string, unknown>,
  options: Partial<PulumiResourceRecord> = {},
): PulumiResourceRecord {
  return { type, name, urn: `urn:pulumi:prod::shop::${type}::${name}`, props, ...options };
}

/** A retained DynamoDB table as a Pulumi program declares it. */
function pulumiTable(props: Record<string, unknown> = {}, retain = true): PulumiResourceRecord {
  return record(
    TABLE,
    'orders-table',
    {
      hashKey: 'pk',
      attributes: [{ name: 'pk', type: 'S' }],
      billingMode: 'PAY_PER_REQUEST',
      region: 'us-east-1',
      ...props,
    },
    { retainOnDelete: retain },
  );
}

function pulumiSide(records: readonly PulumiResourceRecord[]): AssembledState {
  return {
    inventory: inventoryFromPulumi(records, { stack: 'prod', defaultRegion: 'us-east-1' }),
    assessment: NO_SERVICES,
  };
}

describe('continuity diff on Pulumi inventories', () => {
  test('the Pulumi reader marks each resource with its origin: backend, token and inputs', () => {
    // GIVEN / WHEN
    const [resource] = pulumiSide([pulumiTable()]).inventory.resources;
    // THEN
    expect(resource?.origin).toMatchObject({
      backend: 'pulumi',
      type: TABLE,
      properties: expect.objectContaining({ hashKey: 'pk' }),
    });
  });

  test('unchanged inputs and a changed input that forces no replacement are no change', () => {
    // GIVEN
    const before = pulumiSide([pulumiTable()]);
    const after = pulumiSide([pulumiTable({ billingMode: 'PROVISIONED', tableClass: 'STANDARD' })]);
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toEqual([]);
    expect(diff.atRisk).toBe(false);
  });

  test.each([
    ['hashKey', { hashKey: 'id' }],
    ['rangeKey', { rangeKey: 'sk' }],
    ['localSecondaryIndexes', { localSecondaryIndexes: [{ name: 'bySk', rangeKey: 'sk' }] }],
    ['region', { region: 'eu-west-1' }],
  ])('a changed %s is a Pulumi replacement that puts the live data at risk', (input, change) => {
    // GIVEN
    const before = pulumiSide([pulumiTable()]);
    const after = pulumiSide([pulumiTable(change)]);
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'replace',
        stack: 'prod',
        logicalId: 'orders-table',
        type: 'AWS::DynamoDB::Table',
        properties: [expect.objectContaining({ property: input })],
        fate: 'retained',
        dataAtRisk: true,
        message: expect.stringMatching(/^Pulumi replaces AWS::DynamoDB::Table prod\/orders-table/),
        fix: expect.stringContaining('retainOnDelete'),
      }),
    ]);
    expect(diff.atRisk).toBe(true);
  });

  test('a replacement of a resource without retainOnDelete deletes the old data', () => {
    // GIVEN
    const before = pulumiSide([pulumiTable({}, false)]);
    const after = pulumiSide([pulumiTable({ hashKey: 'id' }, false)]);
    // WHEN
    const [change] = diffAssemblies(before, after).resources;
    // THEN
    expect(change).toMatchObject({ action: 'replace', fate: 'deleted', dataAtRisk: true });
    expect(change?.message).toContain('retainOnDelete not set');
  });

  test('a forcing input unknown until deploy may replace (fail closed)', () => {
    // GIVEN
    const before = pulumiSide([pulumiTable({ name: 'orders' })]);
    const after = pulumiSide([pulumiTable({ name: UNKNOWN })]);
    // WHEN
    const [change] = diffAssemblies(before, after).resources;
    // THEN
    expect(change).toMatchObject({
      action: 'may-replace',
      properties: [expect.objectContaining({ property: 'name', unresolved: true })],
      dataAtRisk: true,
    });
  });

  test('a conditional input (RDS dbSubnetGroupName) may replace', () => {
    // GIVEN
    const db = (subnets: string): PulumiResourceRecord =>
      record(
        'aws:rds/instance:Instance',
        'ledger-db',
        { engine: 'postgres', instanceClass: 'db.t4g.small', dbSubnetGroupName: subnets },
        { protect: true },
      );
    // WHEN
    const diff = diffAssemblies(pulumiSide([db('a')]), pulumiSide([db('b')]));
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'may-replace',
        type: 'AWS::RDS::DBInstance',
        message: expect.stringContaining('pulumi.com/registry/packages/aws/api-docs/rds/instance'),
      }),
    ]);
  });

  test.each([
    [
      'aws:kms/key:Key',
      'AWS::KMS::Key',
      { keyUsage: 'ENCRYPT_DECRYPT' },
      { keyUsage: 'SIGN_VERIFY' },
    ],
    ['aws:backup/vault:Vault', 'AWS::Backup::BackupVault', { name: 'a' }, { name: 'b' }],
    [
      'aws:efs/fileSystem:FileSystem',
      'AWS::EFS::FileSystem',
      { encrypted: true },
      { encrypted: false },
    ],
    [
      'aws:ebs/volume:Volume',
      'AWS::EC2::Volume',
      { availabilityZone: 'us-east-1a' },
      { availabilityZone: 'us-east-1b' },
    ],
    [
      'aws:s3/bucket:Bucket',
      'AWS::S3::Bucket',
      { objectLockEnabled: false },
      { objectLockEnabled: true },
    ],
    [
      'aws:rds/cluster:Cluster',
      'AWS::RDS::DBCluster',
      { engine: 'aurora-postgresql' },
      { engine: 'aurora-mysql' },
    ],
    [
      'aws:rds/clusterInstance:ClusterInstance',
      'AWS::RDS::DBInstance',
      { clusterIdentifier: 'a' },
      { clusterIdentifier: 'b' },
    ],
    [
      'aws:rds/globalCluster:GlobalCluster',
      'AWS::RDS::GlobalCluster',
      { storageEncrypted: true },
      { storageEncrypted: false },
    ],
  ])('%s: a changed forcing input is a replacement of the %s', (token, cfnType, from, to) => {
    // GIVEN
    const before = pulumiSide([record(token, 'store', from, { retainOnDelete: true })]);
    const after = pulumiSide([record(token, 'store', to, { retainOnDelete: true })]);
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(
      diff.resources.map((c) => [c.action, c.type, c.properties.map((p) => p.property)]),
    ).toEqual([['replace', cfnType, Object.keys(to)]]);
  });

  test('a CloudFormation template is still judged by the CloudFormation property names', () => {
    // GIVEN a template whose properties happen to carry a Pulumi input name
    const before = side({ Shop: { Orders: table({ hashKey: 'pk' }) } });
    const after = side({ Shop: { Orders: table({ hashKey: 'id' }) } });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toEqual([]);
  });
});

describe('REPLACEMENT_PROPERTIES for Pulumi', () => {
  const mappedTokens = Object.entries(PULUMI_TYPE_MAP)
    .filter(([, m]) => m.part === undefined && replacementRule(m.cfnType) !== undefined)
    .map(([token, m]) => [token, m.cfnType] as const);

  test('lists the mapped @pulumi/aws stateful types', () => {
    expect(mappedTokens.map(([token]) => token).sort()).toEqual([
      'aws:backup/vault:Vault',
      'aws:dynamodb/table:Table',
      'aws:ebs/volume:Volume',
      'aws:efs/fileSystem:FileSystem',
      'aws:kms/key:Key',
      'aws:rds/cluster:Cluster',
      'aws:rds/clusterInstance:ClusterInstance',
      'aws:rds/globalCluster:GlobalCluster',
      'aws:rds/instance:Instance',
      'aws:s3/bucket:Bucket',
      'aws:s3/bucketV2:BucketV2',
    ]);
  });

  test.each(mappedTokens)('%s has inputs that force a replacement beside %s', (token, cfnType) => {
    // GIVEN
    const rule = REPLACEMENT_PROPERTIES[cfnType as keyof typeof REPLACEMENT_PROPERTIES];
    // THEN
    expect(Object.keys(rule.pulumi)).toContain(token);
    expect(rule.pulumi[token as keyof typeof rule.pulumi]).toMatchObject({
      docsUrl: expect.stringMatching(
        /^https:\/\/www\.pulumi\.com\/registry\/packages\/aws\/api-docs\/[a-z0-9]+\/[a-z0-9]+\/$/,
      ),
      replacement: expect.arrayContaining(['region']),
    });
  });

  test('a DynamoDB table with replicas (a global table) uses the table inputs', () => {
    expect(REPLACEMENT_PROPERTIES['AWS::DynamoDB::GlobalTable'].pulumi[TABLE].replacement).toEqual(
      REPLACEMENT_PROPERTIES['AWS::DynamoDB::Table'].pulumi[TABLE].replacement,
    );
  });

  test.each(STATEFUL_TYPES)('%s: inputs are camelCase and in one list only', (type) => {
    for (const inputs of Object.values(REPLACEMENT_PROPERTIES[type].pulumi)) {
      const all: string[] = [...inputs.replacement, ...inputs.conditional];
      expect(all.filter((name) => !/^[a-z][A-Za-z0-9]*$/.test(name))).toEqual([]);
      expect(new Set(all).size).toBe(all.length);
    }
  });

  test('replacementCheck picks the lists by origin, and none for an unknown token', () => {
    // GIVEN
    const rule = REPLACEMENT_PROPERTIES['AWS::S3::Bucket'];
    const base = { type: 'AWS::S3::Bucket', properties: {} } as unknown as InventoryResource;
    const origin = (type: string): InventoryResource => ({
      ...base,
      origin: { backend: 'pulumi', type, properties: {} },
    });
    // WHEN / THEN
    expect(replacementCheck(base, rule)).toMatchObject({
      tool: 'CloudFormation',
      replacement: rule.replacement,
    });
    expect(replacementCheck(origin('aws:s3/bucket:Bucket'), rule).replacement).toContain('bucket');
    expect(replacementCheck(origin('toString'), rule)).toMatchObject({
      tool: 'Pulumi',
      replacement: [],
    });
  });
});
