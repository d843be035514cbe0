import * as aws from '@pulumi/aws';

import { ContinuityMonitoring, ProtectedStore, Standby } from '../../../constructs/pulumi';
import type { AlarmSpec, ServicePlan } from '../../../lib/model';
import { goldTier, REGIONS, servicePlan, storePlan } from './fixtures';
import { findRegistration, ofType, runUnderMocks } from './mock-harness';
import type { Registration } from './mock-harness';

const ALARM = 'aws:cloudwatch/metricAlarm:MetricAlarm';
const TABLE = storePlan('dynamodb', 'Orders', { replication: 'dynamodb-global-table' });
const BUCKET = storePlan('s3', 'Invoices', { versioning: true, replication: 's3-crr-rtc' });
const DB = storePlan('rds', 'Catalog', {
  pointInTimeRecovery: true,
  replication: 'rds-read-replica',
});
const ALARMS: readonly AlarmSpec[] = [
  { signal: 'backup-job-failed', threshold: 1 },
  { signal: 'dynamodb-replication-latency', threshold: 30, resource: TABLE.resource },
  { signal: 's3-replication-latency', threshold: 900, resource: BUCKET.resource },
  { signal: 's3-replication-failed', threshold: 1, resource: BUCKET.resource },
  { signal: 'rds-replica-lag', threshold: 300, resource: DB.resource },
  { signal: 'health-check-status', threshold: 1 },
];

function program(plan: ServicePlan) {
  return () => {
    const primary = new aws.Provider('primary', { region: REGIONS.primary });
    const recovery = new aws.Provider('recovery', { region: REGIONS.recovery });
    const common = {
      service: 'orders',
      tier: goldTier(),
      regions: REGIONS,
      primaryProvider: primary,
      recoveryProvider: recovery,
    };
    const stores = plan.stores.map(
      (store) => new ProtectedStore(`orders-${store.resource.logicalId}`, { ...common, store }),
    );
    const standby = plan.failover
      ? new Standby('orders', {
          ...common,
          tier: 'gold',
          compute: [],
          failover: plan.failover,
          dns: {
            zoneId: 'Z1',
            recordName: 'orders.example.com',
            primaryEndpoint: 'a.example.com',
            recoveryEndpoint: 'b.example.com',
          },
        })
      : undefined;
    return new ContinuityMonitoring('shop-monitoring', {
      regions: REGIONS,
      services: [{ plan, stores, ...(standby ? { standby } : {}) }],
      primaryProvider: primary,
      recoveryProvider: recovery,
      emails: ['oncall@example.com'],
    });
  };
}

describe('ContinuityMonitoring for one service', () => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    const plan = servicePlan({
      service: 'orders',
      stores: [TABLE, BUCKET, DB],
      alarms: ALARMS,
      failover: {
        routing: 'failover',
        healthCheckIntervalSeconds: 30,
        failureThreshold: 3,
        ttlSeconds: 60,
      },
    });
    regs = (await runUnderMocks(program(plan))).registrations;
  });

  test('creates a topic per Region an alarm or rule lives in, with an e-mail subscription', () => {
    // GIVEN alarms in us-east-1 and us-west-2 (Route 53 metrics are in us-east-1)  WHEN rendered
    const topics = ofType(regs, 'aws:sns/topic:Topic');
    // THEN
    expect(topics.map((t) => [t.name, t.inputs.region]).sort()).toEqual([
      ['shop-monitoring-recovery-topic', 'us-west-2'],
      ['shop-monitoring-topic', 'us-east-1'],
    ]);
    expect(ofType(regs, 'aws:sns/topicSubscription:TopicSubscription')).toHaveLength(2);
  });

  test('EventBridge rules catch failed and expired backup, copy and restore jobs in both Regions', () => {
    // GIVEN / WHEN
    const rules = ofType(regs, 'aws:cloudwatch/eventRule:EventRule');
    const backup = findRegistration(
      regs,
      'aws:cloudwatch/eventRule:EventRule',
      'shop-monitoring-backup-job-failed',
    );
    // THEN
    expect(rules).toHaveLength(6);
    expect(JSON.parse(String(backup.inputs.eventPattern))).toEqual({
      source: ['aws.backup'],
      'detail-type': ['Backup Job State Change'],
      detail: { state: ['FAILED', 'EXPIRED', 'ABORTED'] },
    });
    expect(ofType(regs, 'aws:cloudwatch/eventTarget:EventTarget')).toHaveLength(6);
  });

  test('lag thresholds come from the plan, scaled to the metric unit', () => {
    // GIVEN / WHEN
    const alarm = (name: string) => findRegistration(regs, ALARM, name).inputs;
    // THEN
    expect(alarm('shop-monitoring-orders-dynamodb-replication-latency-Orders')).toMatchObject({
      region: 'us-east-1',
      namespace: 'AWS/DynamoDB',
      metricName: 'ReplicationLatency',
      threshold: 30_000,
      comparisonOperator: 'GreaterThanThreshold',
      evaluationPeriods: 3,
      dimensions: { TableName: 'orders-Orders-table-mock', ReceivingRegion: 'us-west-2' },
    });
    expect(alarm('shop-monitoring-orders-s3-replication-latency-Invoices')).toMatchObject({
      namespace: 'AWS/S3',
      threshold: 900,
      dimensions: {
        SourceBucket: 'orders-Invoices-bucket-mock',
        DestinationBucket: 'orders-Invoices-replica-mock',
        RuleId: 'continuity-recovery',
      },
    });
    expect(alarm('shop-monitoring-orders-rds-replica-lag-Catalog')).toMatchObject({
      region: 'us-west-2',
      metricName: 'ReplicaLag',
      threshold: 300,
    });
  });

  test('job failure and health check alarms watch the right metrics', () => {
    // GIVEN / WHEN
    const job = findRegistration(regs, ALARM, 'shop-monitoring-orders-backup-job-failed').inputs;
    const health = findRegistration(
      regs,
      ALARM,
      'shop-monitoring-orders-health-check-status-primary',
    );
    // THEN
    expect(job).toMatchObject({
      namespace: 'AWS/Backup',
      metricName: 'NumberOfBackupJobsFailed',
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      period: 300,
      evaluationPeriods: 1,
    });
    expect(health.inputs).toMatchObject({
      region: 'us-east-1',
      namespace: 'AWS/Route53',
      comparisonOperator: 'LessThanThreshold',
      dimensions: { HealthCheckId: 'orders-primary-health-id' },
      treatMissingData: 'breaching',
    });
  });

  test('every alarm notifies the topic of its own Region', () => {
    // GIVEN / WHEN
    const alarms = ofType(regs, ALARM);
    // THEN
    expect(alarms).toHaveLength(ALARMS.length);
    for (const a of alarms) {
      const [action] = a.inputs.alarmActions as string[];
      expect(action).toContain(`:sns:${String(a.inputs.region)}:`);
    }
  });

  test('a dashboard shows each alarm metric with its threshold', () => {
    // GIVEN / WHEN
    const dashboard = findRegistration(
      regs,
      'aws:cloudwatch/dashboard:Dashboard',
      'shop-monitoring-orders-dashboard',
    );
    const body = JSON.parse(String(dashboard.inputs.dashboardBody));
    // THEN
    expect(body.widgets).toHaveLength(ALARMS.length);
    expect(body.widgets[1].properties).toMatchObject({
      metrics: [
        [
          'AWS/DynamoDB',
          'ReplicationLatency',
          'TableName',
          'orders-Orders-table-mock',
          'ReceivingRegion',
          'us-west-2',
        ],
      ],
      annotations: { horizontal: [{ label: 'threshold from RPO', value: 30_000 }] },
    });
  });
});

describe('ContinuityMonitoring of a replicated EFS file system', () => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    // GIVEN an EFS lag alarm on a replicated file system
    const docs = storePlan('efs', 'Docs', { replication: 'efs-replication' });
    const plan = servicePlan({
      service: 'orders',
      stores: [docs],
      alarms: [{ signal: 'efs-time-since-last-sync', threshold: 7200, resource: docs.resource }],
    });
    // WHEN
    regs = (await runUnderMocks(program(plan))).registrations;
  });

  test('alarms on a Metrics Insights query over source and destination, since EFS publishes both', () => {
    // THEN
    const alarm = findRegistration(
      regs,
      ALARM,
      'shop-monitoring-orders-efs-time-since-last-sync-Docs',
    ).inputs;
    expect(alarm).toMatchObject({
      region: 'us-east-1',
      threshold: 7200,
      comparisonOperator: 'GreaterThanThreshold',
      metricQueries: [
        {
          id: 'q1',
          expression:
            'SELECT MAX(TimeSinceLastSync) FROM SCHEMA("AWS/EFS", DestinationFileSystemId, FileSystemId) ' +
            "WHERE FileSystemId = 'orders-Docs-fs-id'",
          period: 60,
          returnData: true,
        },
      ],
    });
    expect(alarm.namespace).toBeUndefined();
    expect(alarm.metricName).toBeUndefined();
    expect(alarm.dimensions).toBeUndefined();
  });

  test('the dashboard graphs the same query', () => {
    // THEN
    const dashboard = findRegistration(
      regs,
      'aws:cloudwatch/dashboard:Dashboard',
      'shop-monitoring-orders-dashboard',
    );
    const [widget] = JSON.parse(String(dashboard.inputs.dashboardBody)).widgets;
    expect(widget.properties.metrics).toEqual([
      [
        expect.objectContaining({
          expression: expect.stringContaining("WHERE FileSystemId = 'orders-Docs-fs-id'"),
        }),
      ],
    ]);
  });
});

describe('ContinuityMonitoring misuse', () => {
  test('throws when a planned alarm has no resource publishing its metric', async () => {
    // GIVEN an EFS lag alarm but no EFS store
    const plan = servicePlan({
      service: 'orders',
      alarms: [{ signal: 'efs-time-since-last-sync', threshold: 900 }],
    });
    // WHEN / THEN
    await expect(runUnderMocks(program(plan))).rejects.toThrow(
      /plans a efs-time-since-last-sync alarm, but no created resource publishes that metric/,
    );
  });
});
