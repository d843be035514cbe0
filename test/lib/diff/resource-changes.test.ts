import { diffAssemblies, REPLACEMENT_PROPERTIES, STATEFUL_TYPES } from '../../../lib/diff';
import { side, table } from './diff-harness';
import type { RawResource } from './diff-harness';

describe('diffAssemblies: stateful resources', () => {
  test('an unchanged template gives an empty diff', () => {
    // GIVEN
    const stacks = { Shop: { Orders: table(), Bucket: { Type: 'AWS::S3::Bucket' } } };
    // WHEN
    const diff = diffAssemblies(side(stacks), side(stacks));
    // THEN
    expect(diff).toEqual({ atRisk: false, regressions: [], resources: [] });
  });

  test('keys in another order and a changed non-replacement property are no change', () => {
    // GIVEN
    const before = side({
      Shop: { Orders: table({ KeySchema: [{ KeyType: 'HASH', AttributeName: 'pk' }] }) },
    });
    const after = side({
      Shop: {
        Orders: table({ BillingMode: 'PROVISIONED', TableClass: 'STANDARD_INFREQUENT_ACCESS' }),
      },
    });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toEqual([]);
    expect(diff.atRisk).toBe(false);
  });

  test('a removed logical ID with DeletionPolicy Delete deletes the data', () => {
    // GIVEN
    const before = side({
      Shop: { Orders: table({}, 'Delete'), Other: { Type: 'AWS::SNS::Topic' } },
    });
    const after = side({ Shop: { Other: { Type: 'AWS::SNS::Topic' } } });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.atRisk).toBe(true);
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'delete',
        stack: 'Shop',
        logicalId: 'Orders',
        type: 'AWS::DynamoDB::Table',
        fate: 'deleted',
        dataAtRisk: true,
      }),
    ]);
    expect(diff.resources[0].message).toContain('Shop/Orders is removed from its stack');
    expect(diff.resources[0].message).toContain('deleted with its data (DeletionPolicy Delete)');
  });

  test('a removed resource with no DeletionPolicy is deleted (CloudFormation default)', () => {
    // GIVEN
    const bucket: RawResource = { Type: 'AWS::S3::Bucket' };
    // WHEN
    const diff = diffAssemblies(side({ Shop: { Media: bucket } }), side({ Shop: {} }));
    // THEN
    expect(diff.resources[0]).toMatchObject({
      action: 'delete',
      fate: 'deleted',
      dataAtRisk: true,
    });
  });

  test('a removed RDS instance without DeletionPolicy keeps a final snapshot and is not at risk', () => {
    // GIVEN
    const db: RawResource = { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres' } };
    // WHEN
    const diff = diffAssemblies(side({ Shop: { Db: db } }), side({ Shop: {} }));
    // THEN
    expect(diff.resources[0]).toMatchObject({
      action: 'delete',
      fate: 'snapshot',
      dataAtRisk: false,
    });
    expect(diff.atRisk).toBe(false);
  });

  test('a removed retained resource is reported but not at risk', () => {
    // GIVEN
    const before = side({ Shop: { Orders: table() } });
    // WHEN
    const diff = diffAssemblies(before, side({ Shop: {} }));
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({ action: 'delete', fate: 'retained', dataAtRisk: false }),
    ]);
    expect(diff.atRisk).toBe(false);
  });

  test('a new logical ID of the same type in the same stack is reported as a likely rename', () => {
    // GIVEN
    const before = side({ Shop: { OrdersTableA1B2C3D4: table() } });
    const after = side({ Shop: { OrdersTable2E5F6A7B8: table() } });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'delete',
        logicalId: 'OrdersTableA1B2C3D4',
        likelyRenamedTo: 'Shop/OrdersTable2E5F6A7B8',
        dataAtRisk: true,
      }),
    ]);
    expect(diff.resources[0].fix).toContain("overrideLogicalId('OrdersTableA1B2C3D4')");
  });

  test('a retained backup vault under a new logical ID loses nothing (its recovery points stay)', () => {
    // GIVEN
    const vault: RawResource = {
      Type: 'AWS::Backup::BackupVault',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    };
    // WHEN
    const diff = diffAssemblies(
      side({ Shop: { VaultGold: vault } }),
      side({ Shop: { VaultSilver: vault } }),
    );
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'delete',
        likelyRenamedTo: 'Shop/VaultSilver',
        fate: 'retained',
        dataAtRisk: false,
      }),
    ]);
    expect(diff.atRisk).toBe(false);
  });

  test('a backup vault under a new logical ID without Retain is at risk', () => {
    // WHEN
    const diff = diffAssemblies(
      side({ Shop: { VaultGold: { Type: 'AWS::Backup::BackupVault' } } }),
      side({ Shop: { VaultSilver: { Type: 'AWS::Backup::BackupVault' } } }),
    );
    // THEN
    expect(diff.resources[0]).toMatchObject({ fate: 'deleted', dataAtRisk: true });
  });

  test('a rename prefers the resource with the same construct path', () => {
    // GIVEN
    const at = (path: string): RawResource => ({ ...table(), Metadata: { 'aws:cdk:path': path } });
    const before = side({ Shop: { OrdersAAAAAAAA: at('Shop/Orders/Resource') } });
    const after = side({
      Shop: { CartBBBBBBBB: at('Shop/Cart/Resource'), OrdersCCCCCCCC: at('Shop/Orders/Resource') },
    });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources[0].likelyRenamedTo).toBe('Shop/OrdersCCCCCCCC');
  });

  test('the same logical ID in another stack is reported as a likely move', () => {
    // GIVEN
    const before = side({ Shop: { Orders: table() }, Data: {} });
    const after = side({ Shop: {}, Data: { Orders: table() } });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'delete',
        likelyRenamedTo: 'Data/Orders',
        dataAtRisk: true,
      }),
    ]);
  });

  test('a new resource of another type is not a rename', () => {
    // GIVEN
    const before = side({ Shop: { Orders: table({}, 'Delete') } });
    const after = side({ Shop: { Media: { Type: 'AWS::S3::Bucket' } } });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toHaveLength(1);
    expect(diff.resources[0].likelyRenamedTo).toBeUndefined();
  });

  const replacementCases = STATEFUL_TYPES.flatMap((type) =>
    REPLACEMENT_PROPERTIES[type].replacement.map((property) => [type, property] as const),
  );

  test.each(replacementCases)('a changed %s %s replaces the resource', (type, property) => {
    // GIVEN
    const at = (value: string): RawResource => ({
      Type: type,
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { [property]: value },
    });
    // WHEN
    const diff = diffAssemblies(
      side({ S: { R: at('before-value') } }),
      side({ S: { R: at('after-value') } }),
    );
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'replace',
        type,
        fate: 'retained',
        // an instance in a DB cluster holds no data of its own (the cluster volume does)
        dataAtRisk:
          REPLACEMENT_PROPERTIES[type].liveData &&
          !(type === 'AWS::RDS::DBInstance' && property === 'DBClusterIdentifier'),
        properties: [{ property, before: 'before-value', after: 'after-value', unresolved: false }],
      }),
    ]);
    expect(diff.resources[0].message).toContain(`${property} "before-value" -> "after-value"`);
  });

  test('removing an Aurora DB instance (in a DB cluster) loses no data', () => {
    // GIVEN
    const instance = (cluster: Record<string, unknown>): RawResource => ({
      Type: 'AWS::RDS::DBInstance',
      Properties: { Engine: 'aurora-postgresql', DBClusterIdentifier: cluster },
    });
    const before = side({
      Db: { Cluster: { Type: 'AWS::RDS::DBCluster' }, Reader: instance({ Ref: 'Cluster' }) },
    });
    const after = side({ Db: { Cluster: { Type: 'AWS::RDS::DBCluster' } } });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({ action: 'delete', logicalId: 'Reader', dataAtRisk: false }),
    ]);
    expect(diff.resources[0].message).toContain("the data stays in its DB cluster's volume");
    expect(diff.atRisk).toBe(false);
  });

  test('removing a DB instance outside any DB cluster without Retain still loses data', () => {
    // GIVEN
    const before = side({
      Db: { Instance: { Type: 'AWS::RDS::DBInstance', DeletionPolicy: 'Delete' } },
    });
    const after = side({ Db: {} });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({ action: 'delete', fate: 'deleted', dataAtRisk: true }),
    ]);
  });

  test('adding a replacement property that was absent replaces the resource', () => {
    // GIVEN
    const before = side({ Shop: { Orders: table({}, 'Delete') } });
    const after = side({ Shop: { Orders: table({ TableName: 'orders' }, 'Delete') } });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources[0]).toMatchObject({
      action: 'replace',
      fate: 'deleted',
      dataAtRisk: true,
    });
    expect(diff.resources[0].message).toContain('TableName (absent) -> "orders"');
    expect(diff.resources[0].message).toContain(
      'deleted with its data (UpdateReplacePolicy Delete)',
    );
  });

  test('a changed key schema replaces the table, compared structurally', () => {
    // GIVEN
    const before = side({ Shop: { Orders: table() } });
    const after = side({
      Shop: {
        Orders: table({
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      },
    });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources[0]).toMatchObject({
      action: 'replace',
      properties: [{ property: 'KeySchema' }],
    });
  });

  test('an intrinsic on a replacement property that changed gives may-replace (fail closed)', () => {
    // GIVEN
    const before = side({ Shop: { Orders: table({ TableName: 'orders' }) } });
    const after = side({
      Shop: { Orders: table({ TableName: { 'Fn::Join': ['-', ['orders', { Ref: 'Env' }]] } }) },
    });
    // WHEN
    const diff = diffAssemblies(before, after);
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'may-replace',
        dataAtRisk: true,
        properties: [expect.objectContaining({ property: 'TableName', unresolved: true })],
      }),
    ]);
    expect(diff.resources[0].message).toContain('not known until deploy');
  });

  test('the same intrinsic on both sides is no change', () => {
    // GIVEN
    const name = { 'Fn::Sub': 'orders-${AWS::Region}' };
    const stacks = { Shop: { Orders: table({ TableName: name }) } };
    // WHEN
    const diff = diffAssemblies(
      side(stacks),
      side({ Shop: { Orders: table({ TableName: { ...name } }) } }),
    );
    // THEN
    expect(diff.resources).toEqual([]);
  });

  test('a conditional replacement property gives may-replace with the reference page', () => {
    // GIVEN
    const db = (engine: string): RawResource => ({
      Type: 'AWS::RDS::DBInstance',
      DeletionPolicy: 'Snapshot',
      UpdateReplacePolicy: 'Snapshot',
      Properties: { Engine: engine, DBInstanceClass: 'db.t4g.micro' },
    });
    // WHEN
    const diff = diffAssemblies(
      side({ S: { Db: db('mysql') } }),
      side({ S: { Db: db('mariadb') } }),
    );
    // THEN
    expect(diff.resources[0]).toMatchObject({
      action: 'may-replace',
      fate: 'snapshot',
      dataAtRisk: true,
    });
    expect(diff.resources[0].message).toContain(
      REPLACEMENT_PROPERTIES['AWS::RDS::DBInstance'].docsUrl,
    );
  });

  test('an interruption-only property such as MultiAZ is not reported', () => {
    // GIVEN
    const db = (multiAz: boolean): RawResource => ({
      Type: 'AWS::RDS::DBInstance',
      Properties: { Engine: 'postgres', MultiAZ: multiAz, BackupRetentionPeriod: multiAz ? 35 : 7 },
    });
    // WHEN
    const diff = diffAssemblies(side({ S: { Db: db(false) } }), side({ S: { Db: db(true) } }));
    // THEN
    expect(diff.resources).toEqual([]);
  });

  test.each([
    ['DeletionPolicy', 'Retain', 'Delete', true],
    ['UpdateReplacePolicy', 'Retain', 'Delete', true],
    ['DeletionPolicy', 'Retain', 'Snapshot', false],
  ] as const)(
    '%s weakened from %s to %s is reported (at risk: %s)',
    (attribute, from, to, atRisk) => {
      // GIVEN
      const volume = (policy: string): RawResource => ({
        Type: 'AWS::EC2::Volume',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        [attribute]: policy,
        Properties: { AvailabilityZone: 'us-east-1a', Size: 10 },
      });
      // WHEN
      const diff = diffAssemblies(
        side({ S: { Vol: volume(from) } }),
        side({ S: { Vol: volume(to) } }),
      );
      // THEN
      expect(diff.resources).toEqual([
        expect.objectContaining({
          action: 'policy-weakened',
          policy: { attribute, before: from, after: to },
          dataAtRisk: atRisk,
        }),
      ]);
      expect(diff.atRisk).toBe(atRisk);
    },
  );

  test('a policy removed from a table weakens it to the Delete default', () => {
    // GIVEN
    const bare: RawResource = {
      ...table(),
      DeletionPolicy: undefined,
      UpdateReplacePolicy: undefined,
    };
    // WHEN
    const diff = diffAssemblies(side({ S: { T: table() } }), side({ S: { T: bare } }));
    // THEN
    expect(diff.resources.map((r) => r.policy?.attribute)).toEqual([
      'DeletionPolicy',
      'UpdateReplacePolicy',
    ]);
  });

  test('a stronger policy is not reported', () => {
    // WHEN
    const diff = diffAssemblies(
      side({ S: { T: table({}, 'Delete') } }),
      side({ S: { T: table() } }),
    );
    // THEN
    expect(diff.resources).toEqual([]);
  });

  test('Snapshot on a type without snapshots counts as Delete', () => {
    // GIVEN
    const bucket: RawResource = { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Snapshot' };
    // WHEN
    const diff = diffAssemblies(side({ S: { B: bucket } }), side({ S: {} }));
    // THEN
    expect(diff.resources[0]).toMatchObject({ fate: 'deleted', dataAtRisk: true });
  });

  test('an EBS volume moved to another AZ may be replaced', () => {
    // GIVEN
    const volume = (az: string): RawResource => ({
      Type: 'AWS::EC2::Volume',
      DeletionPolicy: 'Snapshot',
      Properties: { AvailabilityZone: az, Size: 10 },
    });
    // WHEN
    const diff = diffAssemblies(
      side({ S: { V: volume('us-east-1a') } }),
      side({ S: { V: volume('us-east-1b') } }),
    );
    // THEN
    expect(diff.resources[0]).toMatchObject({ action: 'may-replace', dataAtRisk: true });
  });

  test('a changed KMS key spec fails the update and puts no data at risk', () => {
    // GIVEN
    const key = (spec: string): RawResource => ({
      Type: 'AWS::KMS::Key',
      DeletionPolicy: 'Retain',
      Properties: { KeySpec: spec },
    });
    // WHEN
    const diff = diffAssemblies(
      side({ S: { K: key('SYMMETRIC_DEFAULT') } }),
      side({ S: { K: key('RSA_2048') } }),
    );
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({ action: 'update-fails', dataAtRisk: false }),
    ]);
    expect(diff.atRisk).toBe(false);
  });

  test('a removed KMS key without a policy is data at risk', () => {
    // WHEN
    const diff = diffAssemblies(side({ S: { K: { Type: 'AWS::KMS::Key' } } }), side({ S: {} }));
    // THEN
    expect(diff.resources[0]).toMatchObject({
      action: 'delete',
      fate: 'deleted',
      dataAtRisk: true,
    });
  });

  test('a type change under the same logical ID fails the update', () => {
    // GIVEN
    const global: RawResource = {
      Type: 'AWS::DynamoDB::GlobalTable',
      DeletionPolicy: 'Retain',
      Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] },
    };
    // WHEN
    const diff = diffAssemblies(side({ S: { T: table() } }), side({ S: { T: global } }));
    // THEN
    expect(diff.resources).toEqual([
      expect.objectContaining({
        action: 'update-fails',
        properties: [
          expect.objectContaining({ property: 'Type', after: 'AWS::DynamoDB::GlobalTable' }),
        ],
      }),
    ]);
  });

  test('resources that are not stateful are ignored', () => {
    // GIVEN
    const topic = (name: string): RawResource => ({
      Type: 'AWS::SNS::Topic',
      Properties: { TopicName: name },
    });
    // WHEN
    const diff = diffAssemblies(
      side({ S: { T: topic('a'), U: topic('u') } }),
      side({ S: { T: topic('b') } }),
    );
    // THEN
    expect(diff.resources).toEqual([]);
  });
});
