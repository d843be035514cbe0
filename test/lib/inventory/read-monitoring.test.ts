import { readInventory } from '../../../lib/inventory';
import { byLogicalId, fixture } from './fixtures';

describe('CloudWatch alarms, EventBridge rules and FIS experiment templates', () => {
  const good = readInventory([fixture('monitoring-compliant.yaml')], { region: 'us-east-1' });
  const bad = readInventory([fixture('monitoring-deficient.json')], { region: 'us-east-1' });

  test('reads an alarm with dimensions resolved to resource ids', () => {
    // GIVEN
    // WHEN
    const alarm = byLogicalId(good.alarms, 'LagAlarm');
    // THEN
    expect(alarm).toMatchObject({
      namespace: 'AWS/DynamoDB',
      metricName: 'ReplicationLatency',
      dimensions: { TableName: 'monitoring-compliant/Orders', ReceivingRegion: 'us-west-2' },
      threshold: 60000,
      comparisonOperator: 'GreaterThanThreshold',
      hasActions: true,
    });
  });

  test('takes the first metric of a metric-math alarm', () => {
    // GIVEN
    // WHEN
    const alarm = byLogicalId(good.alarms, 'MathAlarm');
    // THEN
    expect(alarm).toMatchObject({
      namespace: 'AWS/Backup',
      metricName: 'NumberOfBackupJobsFailed',
      hasActions: true,
    });
  });

  test('reads an alarm with actions disabled as having none', () => {
    // GIVEN
    // WHEN
    const alarm = byLogicalId(bad.alarms, 'Silent');
    // THEN
    expect(alarm.hasActions).toBe(false);
  });

  test('reads event patterns as objects or JSON strings, and whether rules have targets', () => {
    // GIVEN
    // WHEN
    const good1 = byLogicalId(good.eventRules, 'BackupFailed');
    const bad1 = byLogicalId(bad.eventRules, 'Nowhere');
    // THEN
    expect(good1).toMatchObject({ eventPattern: { source: ['aws.backup'] }, hasTargets: true });
    expect(bad1).toMatchObject({ eventPattern: { source: ['aws.backup'] }, hasTargets: false });
  });

  test('reads FIS actions and whether a real stop condition exists', () => {
    // GIVEN
    // WHEN
    const good1 = byLogicalId(good.experimentTemplates, 'AzOutage');
    const bad1 = byLogicalId(bad.experimentTemplates, 'Reckless');
    // THEN
    expect(good1).toMatchObject({
      actions: ['aws:ecs:stop-task', 'aws:fis:wait'],
      hasStopConditions: true,
    });
    expect(good1.tags).toEqual({ 'continuity:service': 'api' });
    expect(bad1).toMatchObject({
      actions: ['aws:rds:failover-db-cluster'],
      hasStopConditions: false,
    });
  });
});
