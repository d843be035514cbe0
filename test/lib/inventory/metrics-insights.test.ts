import { inventoryFromTemplates } from '../../../lib/inventory';
import { parseMetricsInsights } from '../../../lib/inventory/metrics-insights';
import { isUnresolved } from '../../../lib/model';

const EFS_QUERY =
  'SELECT MAX(TimeSinceLastSync) FROM SCHEMA("AWS/EFS", DestinationFileSystemId, FileSystemId) ' +
  "WHERE FileSystemId = '";

/** A template with one file system and one alarm on the Metrics Insights `expression`. */
function alarmOn(expression: unknown) {
  const inventory = inventoryFromTemplates([
    {
      stack: 'App',
      region: 'us-east-1',
      template: {
        Resources: {
          Files: { Type: 'AWS::EFS::FileSystem', Properties: {} },
          Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
          Lag: {
            Type: 'AWS::CloudWatch::Alarm',
            Properties: {
              Metrics: [{ Id: 'expr_1', Expression: expression, Period: 60, ReturnData: true }],
              Threshold: 7200,
              ComparisonOperator: 'GreaterThanThreshold',
              EvaluationPeriods: 3,
              AlarmActions: [{ Ref: 'Topic' }],
            },
          },
        },
      },
    },
  ]);
  return inventory.alarms[0]!;
}

describe('parseMetricsInsights', () => {
  it.each([
    [
      'a SCHEMA query with a WHERE equality',
      `SELECT MAX(TimeSinceLastSync) FROM SCHEMA("AWS/EFS", DestinationFileSystemId, FileSystemId) WHERE FileSystemId = 'fs-1'`,
      {
        namespace: 'AWS/EFS',
        metricName: 'TimeSinceLastSync',
        where: [{ dimension: 'FileSystemId', value: 'fs-1' }],
      },
    ],
    [
      'a plain namespace with two equalities and GROUP BY',
      `select avg("CPUUtilization") from "AWS/EC2" where InstanceId = 'i-1' and Env = 'prod' group by InstanceId`,
      {
        namespace: 'AWS/EC2',
        metricName: 'CPUUtilization',
        where: [
          { dimension: 'InstanceId', value: 'i-1' },
          { dimension: 'Env', value: 'prod' },
        ],
      },
    ],
    [
      'a WHERE with OR as no dimension filter',
      `SELECT MAX(TimeSinceLastSync) FROM "AWS/EFS" WHERE FileSystemId = 'a' OR FileSystemId = 'b'`,
      { namespace: 'AWS/EFS', metricName: 'TimeSinceLastSync', where: [] },
    ],
  ])('reads %s', (_case, text, expected) => {
    // GIVEN / WHEN / THEN
    expect(parseMetricsInsights(text)).toEqual(expected);
  });

  test('is undefined for metric math that is not a query', () => {
    // GIVEN / WHEN / THEN
    expect(parseMetricsInsights('m1 + m2')).toBeUndefined();
  });
});

describe('alarms on a Metrics Insights query', () => {
  test('watch the selected metric, with a Ref in WHERE as the resource id', () => {
    // GIVEN / WHEN
    const alarm = alarmOn({ 'Fn::Join': ['', [EFS_QUERY, { Ref: 'Files' }, "'"]] });
    // THEN
    expect(alarm).toMatchObject({
      namespace: 'AWS/EFS',
      metricName: 'TimeSinceLastSync',
      dimensions: { FileSystemId: 'App/Files' },
      hasActions: true,
    });
  });

  test('keep a literal WHERE value as it is', () => {
    // GIVEN / WHEN
    const alarm = alarmOn(`${EFS_QUERY}fs-0123'`);
    // THEN
    expect(alarm.dimensions).toEqual({ FileSystemId: 'fs-0123' });
  });

  test('mark a WHERE value only partly known until deploy as unresolved', () => {
    // GIVEN / WHEN
    const alarm = alarmOn({ 'Fn::Join': ['', [EFS_QUERY, 'fs-', { Ref: 'Files' }, "'"]] });
    // THEN
    expect(isUnresolved(alarm.dimensions.FileSystemId)).toBe(true);
  });
});
