import { inventoryFromPulumi, PULUMI_TYPE_MAP } from '../../../../lib/inventory/pulumi';
import type { PulumiResourceRecord } from '../../../../lib/inventory/pulumi';
import { isUnresolved, METADATA_SPEC_KEY } from '../../../../lib/model';
import type { Inventory } from '../../../../lib/model';
import { record, STACK, T, UNKNOWN, urnOf } from './pulumi-records';

function read(
  records: readonly PulumiResourceRecord[],
  defaultRegion: string | null = 'us-east-1',
): Inventory {
  return inventoryFromPulumi(records, {
    stack: STACK,
    ...(defaultRegion ? { defaultRegion } : {}),
  });
}

describe('entries', () => {
  test('ids are stack/name, types are the CloudFormation equivalents, paths are the name parts', () => {
    // GIVEN / WHEN
    const [resource] = read([
      record(T.table, 'shop-orders-OrdersTable-table', {
        tags: { 'continuity:service': 'orders' },
      }),
    ]).resources;
    // THEN
    expect(resource).toMatchObject({
      id: `${STACK}/shop-orders-OrdersTable-table`,
      type: 'AWS::DynamoDB::Table',
      location: {
        stack: STACK,
        logicalId: 'shop-orders-OrdersTable-table',
        path: 'shop/orders/OrdersTable/table',
      },
      tags: { 'continuity:service': 'orders' },
    });
  });

  test('the Region is the resource region, else the provider Region, else the default', () => {
    // GIVEN
    const records = [
      record(T.table, 'own', { region: 'eu-west-1' }, { providerRegion: 'us-west-2' }),
      record(T.table, 'provider', {}, { providerRegion: 'us-west-2' }),
      record(T.table, 'default', {}),
    ];
    // WHEN
    const regions = read(records).stores.map((s) => s.region);
    // THEN
    expect(regions).toEqual(['eu-west-1', 'us-west-2', 'us-east-1']);
  });

  test('every entry has the account option as its account', () => {
    // GIVEN
    const records = [record(T.table, 't'), record(T.vault, 'v', { name: 'vault' })];
    // WHEN
    const inventory = inventoryFromPulumi(records, { stack: STACK, account: '123456789012' });
    // THEN
    expect(inventory.resources.map((r) => r.account)).toEqual(['123456789012', '123456789012']);
    expect(inventory.stores[0]?.account).toBe('123456789012');
    expect(inventory.vaults[0]?.account).toBe('123456789012');
  });

  test('without the account option the account is unresolved', () => {
    // GIVEN / WHEN
    const [store] = read([record(T.table, 't')]).stores;
    // THEN
    expect(isUnresolved(store?.account)).toBe(true);
  });

  test('without region, provider Region or default the Region is unresolved', () => {
    // GIVEN / WHEN
    const [store] = read([record(T.table, 't')], null).stores;
    // THEN
    expect(isUnresolved(store?.region)).toBe(true);
  });

  test('protect and retainOnDelete retain; RDS snapshots unless skipFinalSnapshot; others delete', () => {
    // GIVEN
    const records = [
      record(T.table, 'protected', {}, { protect: true }),
      record(T.table, 'retained', {}, { retainOnDelete: true }),
      record(T.table, 'plain'),
      record(T.instance, 'db', { engine: 'postgres' }),
      record(T.instance, 'db-skip', { engine: 'postgres', skipFinalSnapshot: true }),
    ];
    // WHEN
    const policies = Object.fromEntries(
      read(records).resources.map((r) => [
        r.location.logicalId,
        [r.deletionPolicy, r.updateReplacePolicy],
      ]),
    );
    // THEN
    expect(policies).toEqual({
      protected: ['Retain', 'Retain'],
      retained: ['Retain', 'Retain'],
      plain: ['Delete', 'Delete'],
      db: ['Snapshot', 'Snapshot'],
      'db-skip': ['Delete', 'Delete'],
    });
  });

  test('unknown values during a preview are unresolved, never guessed', () => {
    // GIVEN
    const records = [
      record(T.table, 't', {
        pointInTimeRecovery: { enabled: UNKNOWN },
        tags: { 'continuity:service': UNKNOWN },
      }),
    ];
    // WHEN
    const [store] = read(records).stores;
    // THEN
    expect(isUnresolved(store?.pointInTimeRecovery)).toBe(true);
    expect(isUnresolved(store?.tags['continuity:service'])).toBe(true);
  });

  test('physical names become the CloudFormation name properties', () => {
    // GIVEN / WHEN
    const [resource] = read([record(T.bucket, 'b', { bucket: 'invoices-1' })]).resources;
    // THEN
    expect(resource?.properties).toEqual({ BucketName: 'invoices-1' });
  });

  test('components and providers are left out; other aws resources keep their Pulumi type', () => {
    // GIVEN
    const records = [
      record('continuity-kit:storage:ProtectedStore', 'shop-orders'),
      record('pulumi:providers:aws', 'west', { region: 'us-west-2' }),
      record('aws:ec2/vpc:Vpc', 'vpc'),
    ];
    // WHEN
    const types = read(records).resources.map((r) => r.type);
    // THEN
    expect(types).toEqual(['aws:ec2/vpc:Vpc']);
  });

  test('a spec embedded in a component is collected as JSON', () => {
    // GIVEN
    const records = [
      record('continuity-kit:index:ContinuityStacks', 'shop', {
        [METADATA_SPEC_KEY]: '{"regions":{}}',
      }),
    ];
    // WHEN / THEN
    expect(read(records).embeddedSpecs).toEqual([{ stack: STACK, spec: { regions: {} } }]);
  });

  test('two resources with one name get distinct ids', () => {
    // GIVEN / WHEN
    const ids = read([record(T.table, 'x'), record(T.bucket, 'x')]).resources.map((r) => r.id);
    // THEN
    expect(new Set(ids).size).toBe(2);
  });

  test('throws when the stack name is empty', () => {
    // GIVEN / WHEN / THEN
    expect(() => inventoryFromPulumi([], { stack: ' ' })).toThrow(
      /stack is " "; pass the Pulumi stack name/,
    );
  });

  test('every mapped type names a CloudFormation type', () => {
    // GIVEN / WHEN
    const bad = Object.entries(PULUMI_TYPE_MAP).filter(
      ([token, m]) => !/^aws:/.test(token) || !/^AWS::\w+::\w+$/.test(m.cfnType),
    );
    // THEN
    expect(bad).toEqual([]);
  });
});

describe('compute', () => {
  test('ECS services run desiredCount tasks (0 when absent) across their distinct subnets', () => {
    // GIVEN
    const records = [
      record(T.ecs, 'api', { desiredCount: 2, networkConfiguration: { subnets: ['a', 'b', 'a'] } }),
      record(T.ecs, 'idle', { networkConfiguration: { subnets: ['a'] } }),
    ];
    // WHEN
    const computes = read(records).computes;
    // THEN
    expect(computes.map((c) => [c.kind, c.desiredCapacity, c.availabilityZones])).toEqual([
      ['ecs', 2, 2],
      ['ecs', 0, 1],
    ]);
  });

  test('unknown subnets are counted through the dependencies on subnets', () => {
    // GIVEN
    const records = [
      record('aws:ec2/subnet:Subnet', 's1'),
      record('aws:ec2/subnet:Subnet', 's2'),
      record(
        T.asg,
        'fleet',
        { minSize: 3, vpcZoneIdentifiers: [UNKNOWN, UNKNOWN] },
        {
          propertyDependencies: {
            vpcZoneIdentifiers: [
              urnOf('aws:ec2/subnet:Subnet', 's1'),
              urnOf('aws:ec2/subnet:Subnet', 's2'),
            ],
          },
        },
      ),
    ];
    // WHEN
    const [fleet] = read(records).computes;
    // THEN
    expect(fleet).toMatchObject({ kind: 'asg', desiredCapacity: 3, availabilityZones: 2 });
  });

  test('a Lambda function outside a VPC counts as two AZs with capacity 1', () => {
    // GIVEN / WHEN
    const [fn] = read([record(T.lambda, 'fn', { runtime: 'nodejs20.x' })]).computes;
    // THEN
    expect(fn).toMatchObject({ kind: 'lambda', desiredCapacity: 1, availabilityZones: 2 });
  });
});

describe('routing and monitoring', () => {
  test('health checks default to 30 s and 3 failures; failover records point at their health check', () => {
    // GIVEN
    const records = [
      record(T.healthCheck, 'primary-health', {}),
      record(T.record, 'primary-record', {
        name: 'orders.example.com',
        ttl: 60,
        records: ['orders-east.example.com'],
        healthCheckId: 'primary-health-id',
        failoverRoutingPolicies: [{ type: 'PRIMARY' }],
      }),
      record(T.record, 'west-record', {
        name: 'orders.example.com',
        aliases: [{ name: 'lb.example.com' }],
        latencyRoutingPolicies: [{ region: 'us-west-2' }],
      }),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(inventory.healthChecks[0]).toMatchObject({
      requestIntervalSeconds: 30,
      failureThreshold: 3,
    });
    expect(inventory.dnsRecords[0]).toMatchObject({
      routing: 'failover',
      failover: 'PRIMARY',
      healthCheck: `${STACK}/primary-health`,
      ttlSeconds: 60,
    });
    expect(inventory.dnsRecords[1]).toMatchObject({
      routing: 'latency',
      recordRegion: 'us-west-2',
      ttlSeconds: undefined,
    });
  });

  test('alarm dimensions that name a resource become its id; actions count', () => {
    // GIVEN
    const records = [
      record(T.table, 'orders', { name: 'orders-1' }),
      record(T.alarm, 'lag', {
        namespace: 'AWS/DynamoDB',
        metricName: 'ReplicationLatency',
        dimensions: { TableName: 'orders-1', ReceivingRegion: 'us-west-2' },
        threshold: 60000,
        comparisonOperator: 'GreaterThanThreshold',
        alarmActions: ['arn:aws:sns:us-east-1:111111111111:ops'],
      }),
      record(T.alarm, 'silent', {
        namespace: 'AWS/Backup',
        metricName: 'NumberOfBackupJobsFailed',
        alarmActions: ['x'],
        actionsEnabled: false,
      }),
    ];
    // WHEN
    const [lag, silent] = read(records).alarms;
    // THEN
    expect(lag).toMatchObject({
      dimensions: { TableName: `${STACK}/orders`, ReceivingRegion: 'us-west-2' },
      threshold: 60000,
      hasActions: true,
    });
    expect(silent?.hasActions).toBe(false);
  });

  test('a Metrics Insights alarm watches the metric its query selects, filtered by the resource it names', () => {
    // GIVEN the EFS lag alarm the Pulumi renderer creates
    const query =
      'SELECT MAX(TimeSinceLastSync) FROM SCHEMA("AWS/EFS", DestinationFileSystemId, FileSystemId) ' +
      "WHERE FileSystemId = 'docs-fs-id'";
    const records = [
      record(T.fileSystem, 'docs-fs'),
      record(T.alarm, 'efs-lag', {
        metricQueries: [
          { id: 'q1', expression: query, label: 'TimeSinceLastSync', period: 60, returnData: true },
        ],
        threshold: 7200,
        comparisonOperator: 'GreaterThanThreshold',
        alarmActions: ['arn:aws:sns:us-east-1:111111111111:ops'],
      }),
    ];
    // WHEN
    const [alarm] = read(records).alarms;
    // THEN
    expect(alarm).toMatchObject({
      namespace: 'AWS/EFS',
      metricName: 'TimeSinceLastSync',
      dimensions: { FileSystemId: `${STACK}/docs-fs` },
      threshold: 7200,
      hasActions: true,
    });
  });

  test('a Metrics Insights alarm whose query is known only at deploy time watches an unresolved metric', () => {
    // GIVEN a preview: the query embeds the id of a file system not created yet
    const records = [
      record(T.alarm, 'efs-lag', {
        metricQueries: [{ id: 'q1', expression: UNKNOWN, returnData: true }],
      }),
    ];
    // WHEN
    const [alarm] = read(records).alarms;
    // THEN
    expect(isUnresolved(alarm?.namespace)).toBe(true);
    expect(isUnresolved(alarm?.metricName)).toBe(true);
  });

  test('event rules parse their pattern and count EventTarget resources as targets', () => {
    // GIVEN
    const records = [
      record(T.eventRule, 'failed', {
        name: 'failed-1',
        eventPattern: JSON.stringify({ source: ['aws.backup'] }),
      }),
      record(T.eventTarget, 'failed-target', {
        rule: 'failed-1',
        arn: 'arn:aws:sns:us-east-1:111111111111:ops',
      }),
      record(T.eventRule, 'lonely', {
        name: 'lonely-1',
        eventPattern: '{"source":["aws.backup"]}',
      }),
    ];
    // WHEN
    const rules = read(records).eventRules;
    // THEN
    expect(rules.map((r) => [r.eventPattern, r.hasTargets])).toEqual([
      [{ source: ['aws.backup'] }, true],
      [{ source: ['aws.backup'] }, false],
    ]);
  });

  test('FIS templates list their actions and stop conditions', () => {
    // GIVEN / WHEN
    const [template] = read([
      record(T.fis, 'az-outage', {
        actions: [{ name: 'a', actionId: 'aws:network:disrupt-connectivity' }],
        stopConditions: [{ source: 'none' }],
      }),
    ]).experimentTemplates;
    // THEN
    expect(template).toMatchObject({
      actions: ['aws:network:disrupt-connectivity'],
      hasStopConditions: false,
    });
  });
});
