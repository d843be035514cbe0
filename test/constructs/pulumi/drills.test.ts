import * as aws from '@pulumi/aws';

import {
  ContinuityStacks,
  FaultInjection,
  RestoreTesting,
  TYPE_TOKENS,
} from '../../../constructs/pulumi';
import type { ContinuitySpec, ResourceRef } from '../../../lib/model';
import { planContinuity, planService, planTier } from '../../../lib/planner';
import { BUILT_IN_TIERS } from '../../../lib/tiers';
import { REGIONS, bronzeTier } from './fixtures';
import { findRegistration, ofType, runUnderMocks } from './mock-harness';
import type { Registration } from './mock-harness';

const PLAN = 'aws:backup/restoreTestingPlan:RestoreTestingPlan';
const SELECTION = 'aws:backup/restoreTestingSelection:RestoreTestingSelection';
const TEMPLATE = 'aws:fis/experimentTemplate:ExperimentTemplate';
const ALARM = 'aws:cloudwatch/metricAlarm:MetricAlarm';
const VAULT_ARN = 'arn:aws:backup:us-east-1:123456789012:backup-vault:gold';

function specOf(tier: string, resources: ResourceRef[], tiers = BUILT_IN_TIERS): ContinuitySpec {
  return {
    regions: REGIONS,
    tiers: { ...tiers },
    services: [{ name: 'checkout', tier, owner: 'team', dependsOn: [], contacts: [], resources }],
    suppressions: [],
  };
}

type Action = {
  name: string;
  actionId: string;
  parameters: { key: string; value: string }[];
  target: { key: string; value: string };
};
type Target = {
  name: string;
  resourceType: string;
  resourceTags: unknown;
  filters?: unknown;
  parameters?: unknown;
};

function actionsOf(reg: Registration): Action[] {
  return reg.inputs.actions as Action[];
}
function targetsOf(reg: Registration): Target[] {
  return reg.inputs.targets as Target[];
}

describe('RestoreTesting', () => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    // GIVEN the gold tier plan (drills every 90 days, application RTO 4 h)  WHEN rendered
    const run = await runUnderMocks(
      () =>
        new RestoreTesting('gold-rt', {
          plan: planTier(BUILT_IN_TIERS.gold, REGIONS),
          region: REGIONS.primary,
          vaultArns: [VAULT_ARN],
          storeKinds: ['s3', 'aurora', 's3'],
          restoreMetadataOverrides: { aurora: { dbsubnetgroupname: 'private' } },
          restoreTimeAlarm: { topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts' },
        }),
    );
    regs = run.registrations;
  });

  test('schedules a restore test of the newest recovery point in the tier vault at least every 90 days', () => {
    // THEN
    const plan = findRegistration(regs, PLAN, 'gold-rt-plan');
    expect(plan.inputs).toEqual(
      expect.objectContaining({
        region: 'us-east-1',
        name: 'test_gold_rt',
        scheduleExpression: 'cron(0 5 1 * ? *)',
        startWindowHours: 24,
        recoveryPointSelection: expect.objectContaining({
          algorithm: 'LATEST_WITHIN_WINDOW',
          includeVaults: [VAULT_ARN],
          selectionWindowDays: 7,
        }),
      }),
    );
  });

  test('selects each store kind once by the tier tag, with a new restore role', () => {
    // THEN
    expect(
      ofType(regs, SELECTION)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['gold-rt-aurora', 'gold-rt-s3']);
    const aurora = findRegistration(regs, SELECTION, 'gold-rt-aurora');
    expect(aurora.inputs).toEqual(
      expect.objectContaining({
        region: 'us-east-1',
        name: 'gold_Aurora',
        restoreTestingPlanName: 'test_gold_rt',
        protectedResourceType: 'Aurora',
        protectedResourceArns: ['*'],
        protectedResourceConditions: {
          stringEquals: [{ key: 'aws:ResourceTag/continuity:tier', value: 'gold' }],
        },
        validationWindowHours: 1,
        restoreMetadataOverrides: { dbsubnetgroupname: 'private' },
        iamRoleArn: expect.stringContaining('gold-rt-role'),
      }),
    );
    expect(
      findRegistration(regs, SELECTION, 'gold-rt-s3').inputs.restoreMetadataOverrides,
    ).toBeUndefined();
    expect(
      ofType(regs, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment').map(
        (r) => r.inputs.policyArn,
      ),
    ).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores',
      'arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore',
    ]);
  });

  test('alarms on the topic when restore jobs run through the 4 h application RTO', () => {
    // THEN
    expect(findRegistration(regs, ALARM, 'gold-rt-restore-time').inputs).toEqual(
      expect.objectContaining({
        namespace: 'AWS/Backup',
        metricName: 'NumberOfRestoreJobsRunning',
        statistic: 'Minimum',
        period: 300,
        evaluationPeriods: 48,
        threshold: 1,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        alarmActions: ['arn:aws:sns:us-east-1:123456789012:alerts'],
      }),
    );
  });

  test('derives the schedule from restoreTestEveryDays when the plan has no restoreTesting', async () => {
    // GIVEN a hand-built bronze plan (180 days, no restore-time target)
    const run = await runUnderMocks(
      () =>
        new RestoreTesting('b', {
          plan: bronzeTier(),
          region: 'us-east-1',
          vaultArns: [VAULT_ARN],
          storeKinds: ['ebs'],
          roleArn: 'arn:role',
        }),
    );
    // THEN a half-yearly cron can leave 184 days, so 180 days runs quarterly
    expect(findRegistration(run.registrations, PLAN, 'b-plan').inputs.scheduleExpression).toBe(
      'cron(0 5 1 1/3 ? *)',
    );
    expect(ofType(run.registrations, ALARM)).toHaveLength(0);
    expect(ofType(run.registrations, 'aws:iam/role:Role')).toHaveLength(0);
  });
});

describe('FaultInjection', () => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    // GIVEN a gold service with an Auto Scaling group, Aurora and a DynamoDB table, and its alarms
    const spec = specOf('gold', [
      { kind: 'asg', logicalId: 'Web' },
      { kind: 'aurora', logicalId: 'Db' },
      { kind: 'dynamodb', logicalId: 'Ledger' },
    ]);
    const plan = planService(spec.services[0]!, spec);
    const run = await runUnderMocks(() => {
      const tags = { 'continuity:service': 'checkout' };
      const base = {
        region: 'us-east-1',
        comparisonOperator: 'GreaterThanThreshold',
        evaluationPeriods: 1,
        threshold: 1,
        period: 60,
        statistic: 'Maximum',
        tags,
      };
      const latency = new aws.cloudwatch.MetricAlarm('latency', {
        ...base,
        namespace: 'AWS/DynamoDB',
        metricName: 'ReplicationLatency',
      });
      const backups = new aws.cloudwatch.MetricAlarm('backups', {
        ...base,
        namespace: 'AWS/Backup',
        metricName: 'NumberOfBackupJobsFailed',
      });
      const other = new aws.cloudwatch.MetricAlarm('other', {
        ...base,
        namespace: 'AWS/DynamoDB',
        metricName: 'ReplicationLatency',
        tags: { 'continuity:service': 'other' },
      });
      return new FaultInjection('checkout-drills', {
        plan,
        region: 'us-east-1',
        alarms: [latency, backups, other],
        stopConditionAlarmArns: ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors'],
        availabilityZone: 'us-east-1b',
      });
    });
    regs = run.registrations;
  });

  test('the az template takes out one zone: subnets, instances, Aurora failover', () => {
    // THEN
    const az = findRegistration(regs, TEMPLATE, 'checkout-drills-az');
    expect(az.inputs.region).toBe('us-east-1');
    expect(actionsOf(az).map((a) => a.actionId)).toEqual([
      'aws:network:disrupt-connectivity',
      'aws:ec2:stop-instances',
      'aws:rds:failover-db-cluster',
    ]);
    expect(actionsOf(az)[0]).toEqual(
      expect.objectContaining({
        parameters: [
          { key: 'duration', value: 'PT30M' },
          { key: 'scope', value: 'all' },
        ],
        target: { key: 'Subnets', value: 'disrupt-connectivity-targets' },
      }),
    );
    expect(targetsOf(az)).toEqual([
      expect.objectContaining({
        name: 'disrupt-connectivity-targets',
        resourceType: 'aws:ec2:subnet',
        selectionMode: 'ALL',
        resourceTags: [{ key: 'continuity:service', value: 'checkout' }],
        parameters: { availabilityZoneIdentifier: 'us-east-1b' },
      }),
      expect.objectContaining({
        resourceType: 'aws:ec2:instance',
        filters: [{ path: 'Placement.AvailabilityZone', values: ['us-east-1b'] }],
      }),
      expect.objectContaining({ resourceType: 'aws:rds:cluster' }),
    ]);
    expect(az.inputs.experimentOptions).toEqual({
      accountTargeting: 'single-account',
      emptyTargetResolutionMode: 'skip',
    });
  });

  test('stops on the service impact alarms and the extra ones, not on backups or other services', () => {
    // THEN
    const az = findRegistration(regs, TEMPLATE, 'checkout-drills-az');
    const region = findRegistration(regs, TEMPLATE, 'checkout-drills-region');
    expect(az.inputs.stopConditions).toEqual([
      { source: 'aws:cloudwatch:alarm', value: expect.stringContaining('latency-mock') },
      {
        source: 'aws:cloudwatch:alarm',
        value: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors',
      },
    ]);
    // the region drill pauses replication, so the latency alarm would stop it at once
    expect(region.inputs.stopConditions).toEqual([
      {
        source: 'aws:cloudwatch:alarm',
        value: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors',
      },
    ]);
    expect(actionsOf(region).map((a) => [a.actionId, a.parameters])).toEqual([
      [
        'aws:network:route-table-disrupt-cross-region-connectivity',
        [
          { key: 'duration', value: 'PT60M' },
          { key: 'region', value: 'us-west-2' },
        ],
      ],
      ['aws:dynamodb:global-table-pause-replication', [{ key: 'duration', value: 'PT30M' }]],
    ]);
  });

  test('gives the FIS role the managed policies of the planned actions and inline pause permissions', () => {
    // THEN
    expect(
      findRegistration(regs, 'aws:iam/role:Role', 'checkout-drills-role').inputs.assumeRolePolicy,
    ).toMatch(/fis\.amazonaws\.com/);
    expect(
      ofType(regs, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment').map(
        (r) => r.inputs.policyArn,
      ),
    ).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorEC2Access',
      'arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorNetworkAccess',
      'arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorRDSAccess',
    ]);
    expect(
      findRegistration(regs, 'aws:iam/rolePolicy:RolePolicy', 'checkout-drills-role-inline').inputs
        .policy,
    ).toMatch(/dynamodb:PutResourcePolicy/);
  });
});

test('FaultInjection stops on a Metrics Insights alarm by the metric its query selects', async () => {
  // GIVEN a gold service with a replicated EFS file system and its EFS lag alarm (a query)
  const spec = specOf('gold', [{ kind: 'efs', logicalId: 'Docs' }]);
  const plan = planService(spec.services[0]!, spec);
  // WHEN
  const run = await runUnderMocks(() => {
    const lag = new aws.cloudwatch.MetricAlarm('efs-lag', {
      region: 'us-east-1',
      comparisonOperator: 'GreaterThanThreshold',
      evaluationPeriods: 1,
      threshold: 1800,
      metricQueries: [
        {
          id: 'q1',
          expression:
            'SELECT MAX(TimeSinceLastSync) FROM SCHEMA("AWS/EFS", DestinationFileSystemId, FileSystemId) ' +
            "WHERE FileSystemId = 'fs-1'",
          period: 60,
          returnData: true,
        },
      ],
      tags: { 'continuity:service': 'checkout' },
    });
    return new FaultInjection('checkout-drills', { plan, region: 'us-east-1', alarms: [lag] });
  });
  // THEN
  const az = findRegistration(run.registrations, TEMPLATE, 'checkout-drills-az');
  expect(az.inputs.stopConditions).toEqual([
    { source: 'aws:cloudwatch:alarm', value: expect.stringContaining('efs-lag-mock') },
  ]);
});

describe.each([
  // replication lag stops the az drill; the region drill pauses that replication, and with no
  // compute nothing else could stop it
  ['gold', ['az']],
  // bronze stores alone have no impact alarm (no replication, no compute) to stop a drill
  ['bronze', []],
] as const)('ContinuityStacks drills at %s', (tier, disruptions) => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    // GIVEN a service with a DynamoDB table and an S3 bucket at the tier
    const spec = specOf(tier, [
      { kind: 'dynamodb', logicalId: 'Ledger' },
      { kind: 's3', logicalId: 'Files' },
    ]);
    // WHEN
    const run = await runUnderMocks(
      () => new ContinuityStacks('kit', { spec, plan: planContinuity(spec) }),
    );
    regs = run.registrations;
  });

  test('creates the tier restore testing plan with a selection per store kind, in the primary Region', () => {
    // THEN
    const plan = findRegistration(regs, PLAN, `kit-${tier}-restore-testing-plan`);
    expect(plan.inputs.region).toBe(REGIONS.primary);
    expect(plan.options.provider).toMatch(/kit-primary$/);
    expect(
      ofType(regs, SELECTION)
        .map((r) => r.inputs.protectedResourceType)
        .sort(),
    ).toEqual(['DynamoDB', 'S3']);
    expect(
      findRegistration(regs, TYPE_TOKENS.restoreTesting, `kit-${tier}-restore-testing`).options
        .parent,
    ).toMatch(/ContinuityStacks::kit$/);
  });

  test(`creates FIS templates for [${disruptions.join(', ')}] only, targeting the service tag`, () => {
    // THEN
    const templates = ofType(regs, TEMPLATE);
    expect(templates.map((t) => t.name).sort()).toEqual(
      disruptions.map((d) => `kit-checkout-drills-${d}`).sort(),
    );
    for (const t of templates) {
      expect(t.inputs.region).toBe(REGIONS.primary);
      for (const target of targetsOf(t))
        expect(target.resourceTags).toEqual([{ key: 'continuity:service', value: 'checkout' }]);
    }
  });
});

test('ContinuityStacks drills stop on the service replication alarms of its monitoring, in plan order', async () => {
  // GIVEN a gold service with a DynamoDB table and an S3 bucket
  const spec = specOf('gold', [
    { kind: 'dynamodb', logicalId: 'Ledger' },
    { kind: 's3', logicalId: 'Files' },
  ]);
  // WHEN
  const run = await runUnderMocks(
    () => new ContinuityStacks('kit', { spec, plan: planContinuity(spec) }),
  );
  // THEN the az template stops on the lag and failure alarms, not on the backup job alarms
  const az = findRegistration(run.registrations, TEMPLATE, 'kit-checkout-drills-az');
  const alarmArn = (name: string): string => {
    findRegistration(run.registrations, ALARM, name); // throws when the alarm is missing
    return `arn:aws:cloudwatch:us-east-1:123456789012:metricalarm/${name}-mock`;
  };
  expect(az.inputs.stopConditions).toEqual([
    {
      source: 'aws:cloudwatch:alarm',
      value: alarmArn('kit-monitoring-checkout-dynamodb-replication-latency-Ledger'),
    },
    {
      source: 'aws:cloudwatch:alarm',
      value: alarmArn('kit-monitoring-checkout-s3-replication-latency-Files'),
    },
    {
      source: 'aws:cloudwatch:alarm',
      value: alarmArn('kit-monitoring-checkout-s3-replication-failed-Files'),
    },
  ]);
});

describe('ContinuityStacks drills of a bronze service with compute', () => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    // GIVEN a bronze (backup and restore) service with an Auto Scaling group and a Lambda function
    const spec = specOf('bronze', [
      { kind: 'ebs', logicalId: 'Disk' },
      { kind: 'asg', logicalId: 'Workers' },
      { kind: 'lambda', logicalId: 'Resizer' },
    ]);
    const subnets = { subnetIds: ['subnet-a', 'subnet-b'] };
    // WHEN
    const run = await runUnderMocks(
      () =>
        new ContinuityStacks('kit', {
          spec,
          plan: planContinuity(spec),
          network: { primary: subnets, recovery: subnets },
        }),
    );
    regs = run.registrations;
  });

  test('alarms when fewer instances are in service than survive the loss of one zone, collecting that metric', () => {
    // THEN 2 instances over 2 zones: one must stay in service
    expect(
      findRegistration(regs, ALARM, 'kit-monitoring-checkout-asg-in-service-instances-Workers')
        .inputs,
    ).toMatchObject({
      region: REGIONS.primary,
      namespace: 'AWS/AutoScaling',
      metricName: 'GroupInServiceInstances',
      dimensions: { AutoScalingGroupName: expect.stringContaining('Workers-group') },
      statistic: 'Minimum',
      threshold: 1,
      comparisonOperator: 'LessThanThreshold',
      treatMissingData: 'breaching',
    });
    expect(
      findRegistration(regs, 'aws:autoscaling/group:Group', 'kit-checkout-Workers-group').inputs,
    ).toMatchObject({
      enabledMetrics: ['GroupInServiceInstances'],
      metricsGranularity: '1Minute',
    });
  });

  test('alarms on any Lambda function error', () => {
    // THEN
    expect(
      findRegistration(regs, ALARM, 'kit-monitoring-checkout-lambda-errors-Resizer').inputs,
    ).toMatchObject({
      namespace: 'AWS/Lambda',
      metricName: 'Errors',
      dimensions: { FunctionName: expect.stringContaining('Resizer-function') },
      statistic: 'Sum',
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  test('the az template stops on both compute health alarms, not on backup jobs', () => {
    // THEN
    expect(ofType(regs, TEMPLATE).map((t) => t.name)).toEqual(['kit-checkout-drills-az']);
    const stops = findRegistration(regs, TEMPLATE, 'kit-checkout-drills-az').inputs
      .stopConditions as { value: string }[];
    expect(stops.map((c) => c.value).sort()).toEqual([
      expect.stringContaining('asg-in-service-instances-Workers'),
      expect.stringContaining('lambda-errors-Resizer'),
    ]);
  });
});
