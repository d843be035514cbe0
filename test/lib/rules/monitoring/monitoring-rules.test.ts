import { Unresolved } from '../../../../lib/model';
import { backupFailuresAlarmed, replicationLagAlarmed } from '../../../../lib/rules';
import {
  RECOVERY,
  alarm,
  backupRule,
  eventRule,
  inventory,
  plan,
  rawResource,
  service,
  spec,
  table,
} from '../../engine/builders';
import { statusOf } from '../harness';
import type { Alarm, EventRule } from '../../../../lib/model';

describe('RR-MON1 backupFailuresAlarmed', () => {
  const s = spec([]);
  const withPlan = (alarms: Alarm[] = [], eventRules: EventRule[] = []) =>
    inventory({ backupPlans: [plan('Plan', [backupRule()])], alarms, eventRules });
  const failed = {
    source: ['aws.backup'],
    'detail-type': ['Backup Job State Change'],
    detail: { state: ['FAILED', 'ABORTED'] },
  };
  it.each([
    ['passes with an alarm on NumberOfBackupJobsFailed', withPlan([alarm('A')]), 'compliant'],
    [
      'passes with an EventBridge rule on failed backup jobs',
      withPlan([], [eventRule('E', failed)]),
      'compliant',
    ],
    [
      'fails with an alarm without actions',
      withPlan([alarm('A', { hasActions: false })]),
      'non-compliant',
    ],
    [
      'fails with an alarm in another Region',
      withPlan([alarm('A', { region: RECOVERY })]),
      'non-compliant',
    ],
    [
      'fails with an event rule that only matches completed jobs',
      withPlan([], [eventRule('E', { ...failed, detail: { state: ['COMPLETED'] } })]),
      'non-compliant',
    ],
    ['fails with nothing', withPlan(), 'non-compliant'],
    ['skips inventories without backup plans', inventory(), 'not-applicable'],
    [
      'is unknown when an alarm metric is a deploy-time value',
      withPlan([alarm('A', { metricName: new Unresolved('m') })]),
      'unknown',
    ],
  ] as const)('%s', (_case, inv, expected) => {
    expect(statusOf(backupFailuresAlarmed, s, inv)).toBe(expected);
  });
});

describe('RR-MON2 replicationLagAlarmed', () => {
  const s = spec([service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] })]);
  const global = table('Orders', {
    replicas: [{ mechanism: 'dynamodb-global-table', region: RECOVERY }],
  });
  const lag = (dimensions: Alarm['dimensions'], extra: Partial<Alarm> = {}) =>
    alarm('Lag', {
      namespace: 'AWS/DynamoDB',
      metricName: 'ReplicationLatency',
      dimensions,
      ...extra,
    } as never);
  it.each([
    [
      'passes with a ReplicationLatency alarm on the table by reference',
      inventory({ stores: [global], alarms: [lag({ TableName: 'App/Orders' })] }),
      'compliant',
    ],
    [
      'passes with an alarm on the table by physical name',
      inventory({
        stores: [global],
        resources: [
          rawResource('Orders', 'AWS::DynamoDB::Table', {
            deletionPolicy: 'Retain',
            updateReplacePolicy: 'Retain',
            properties: { TableName: 'orders' },
          }),
        ],
        alarms: [lag({ TableName: 'orders' })],
      }),
      'compliant',
    ],
    [
      'fails with an alarm on another table',
      inventory({ stores: [global], alarms: [lag({ TableName: 'App/Other' })] }),
      'non-compliant',
    ],
    ['fails without an alarm', inventory({ stores: [global] }), 'non-compliant'],
    ['skips stores without replicas', inventory({ stores: [table('Orders')] }), 'not-applicable'],
    [
      'skips RDS automated backup replication (no lag metric)',
      inventory({
        stores: [
          table('Orders', {
            replicas: [{ mechanism: 'rds-backup-replication', region: RECOVERY }],
          }),
        ],
      }),
      'not-applicable',
    ],
    [
      'is unknown when the alarm dimension is a deploy-time value',
      inventory({ stores: [global], alarms: [lag({ TableName: new Unresolved('t') })] }),
      'unknown',
    ],
  ] as const)('%s', (_case, inv, expected) => {
    expect(statusOf(replicationLagAlarmed, s, inv)).toBe(expected);
  });
});
