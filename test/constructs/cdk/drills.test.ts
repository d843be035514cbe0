import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import {
  ContinuityStacks,
  FaultInjection,
  RecoveryVault,
  RestoreTesting,
} from '../../../constructs/cdk';
import type { ContinuitySpec, ResourceRef } from '../../../lib/model';
import { planContinuity, planService, planTier } from '../../../lib/planner';
import { BUILT_IN_TIERS } from '../../../lib/tiers';
import { REGIONS, synthShop } from './fixtures';
import type { Synthesized } from './fixtures';

const ENV = { region: REGIONS.primary, account: '111111111111' };

function specOf(tier: string, resources: ResourceRef[], tiers = BUILT_IN_TIERS): ContinuitySpec {
  return {
    regions: REGIONS,
    tiers: { ...tiers },
    services: [{ name: 'checkout', tier, owner: 'team', dependsOn: [], contacts: [], resources }],
    suppressions: [],
  };
}

function experiments(template: Template): Record<string, { Properties: Record<string, any> }> {
  return template.findResources('AWS::FIS::ExperimentTemplate') as Record<
    string,
    { Properties: Record<string, any> }
  >;
}

function experimentFor(template: Template, disruption: string): Record<string, any> | undefined {
  return Object.values(experiments(template)).find((e) =>
    e.Properties.Tags?.Name?.endsWith(`-${disruption}-drill`),
  )?.Properties;
}

describe('RestoreTesting', () => {
  let template: Template;
  beforeAll(() => {
    // GIVEN a gold tier plan (drills every 90 days, application RTO 4 h)
    const app = new App({ builtinCloudFormationValidation: true });
    const stack = new Stack(app, 'Primary', { env: ENV });
    const vault = new RecoveryVault(stack, 'Vault', {
      vault: { lockMode: 'none', denyDeleteRecoveryPoints: false },
    });
    // WHEN
    new RestoreTesting(stack, 'RestoreTesting', {
      plan: planTier(BUILT_IN_TIERS.gold, REGIONS),
      vaults: [vault.vault],
      storeKinds: ['dynamodb', 'rds', 'dynamodb'],
      restoreMetadataOverrides: {
        rds: { dbsubnetgroupname: 'private', dbinstanceclass: 'db.t4g.micro' },
      },
    });
    template = Template.fromStack(stack);
  });

  test('schedules a restore test of the newest recovery point in the tier vault at least every 90 days', () => {
    // THEN a quarterly cron can leave 92 days between runs, so a 90-day cadence runs monthly
    template.resourceCountIs('AWS::Backup::RestoreTestingPlan', 1);
    template.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
      RestoreTestingPlanName: 'Primary_gold',
      ScheduleExpression: 'cron(0 5 1 * ? *)',
      StartWindowHours: 24,
      RecoveryPointSelection: {
        Algorithm: 'LATEST_WITHIN_WINDOW',
        IncludeVaults: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Vault'), 'BackupVaultArn'] }],
        RecoveryPointTypes: Match.arrayWith(['SNAPSHOT']),
        SelectionWindowDays: 7,
      },
    });
  });

  test('selects each store kind once by the tier tag, with overrides where given', () => {
    // THEN
    template.resourceCountIs('AWS::Backup::RestoreTestingSelection', 2);
    template.hasResourceProperties('AWS::Backup::RestoreTestingSelection', {
      RestoreTestingPlanName: 'Primary_gold',
      RestoreTestingSelectionName: 'gold_DynamoDB',
      ProtectedResourceType: 'DynamoDB',
      ProtectedResourceArns: ['*'],
      ProtectedResourceConditions: {
        StringEquals: [{ Key: 'aws:ResourceTag/continuity:tier', Value: 'gold' }],
      },
      ValidationWindowHours: 1,
      IamRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RestoreTestingRole'), 'Arn'] },
      RestoreMetadataOverrides: Match.absent(),
    });
    template.hasResourceProperties('AWS::Backup::RestoreTestingSelection', {
      ProtectedResourceType: 'RDS',
      RestoreMetadataOverrides: { dbsubnetgroupname: 'private', dbinstanceclass: 'db.t4g.micro' },
    });
  });

  test('creates each selection after its plan, which it names without a reference', () => {
    // THEN
    const plans = Object.keys(template.findResources('AWS::Backup::RestoreTestingPlan'));
    const selections = Object.values(
      template.findResources('AWS::Backup::RestoreTestingSelection'),
    );
    expect(selections).toHaveLength(2);
    for (const selection of selections) expect(selection.DependsOn).toEqual(plans);
  });

  test('alarms when restore jobs run through the 4 h application RTO', () => {
    // THEN 48 periods of 5 minutes = 4 h
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Backup',
      MetricName: 'NumberOfRestoreJobsRunning',
      Statistic: 'Minimum',
      Period: 300,
      EvaluationPeriods: 48,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  test('throws when no vault is given', () => {
    // GIVEN
    const stack = new Stack(new App(), 'S', { env: ENV });
    // WHEN / THEN
    expect(
      () =>
        new RestoreTesting(stack, 'R', {
          plan: planTier(BUILT_IN_TIERS.gold, REGIONS),
          vaults: [],
          storeKinds: ['s3'],
        }),
    ).toThrow(/got no vaults; pass the tier's vault/);
  });
});

describe('FaultInjection', () => {
  let template: Template;
  let stack: Stack;
  beforeAll(() => {
    // GIVEN a gold service with an Auto Scaling group, Aurora and a DynamoDB table
    const spec = specOf('gold', [
      { kind: 'asg', logicalId: 'Web' },
      { kind: 'aurora', logicalId: 'Db' },
      { kind: 'dynamodb', logicalId: 'Ledger' },
    ]);
    const plan = planService(spec.services[0]!, spec);
    stack = new Stack(new App({ builtinCloudFormationValidation: true }), 'Primary', { env: ENV });
    const latency = new cloudwatch.Alarm(stack, 'Latency', {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/DynamoDB',
        metricName: 'ReplicationLatency',
      }),
      threshold: 1,
      evaluationPeriods: 1,
    });
    // WHEN
    const fi = new FaultInjection(stack, 'Drills', {
      plan,
      alarms: [{ signal: 'dynamodb-replication-latency', alarm: latency }],
      availabilityZone: 'us-east-1b',
    });
    fi.addStopCondition(
      new cloudwatch.Alarm(stack, 'Errors', {
        metric: new cloudwatch.Metric({ namespace: 'App', metricName: 'Errors' }),
        threshold: 1,
        evaluationPeriods: 1,
      }),
    );
    template = Template.fromStack(stack);
  });

  test('the az experiment takes out one zone: subnets, instances, Aurora failover', () => {
    // THEN
    const az = experimentFor(template, 'az')!;
    expect(
      Object.values(az.Actions)
        .map((a: any) => a.ActionId)
        .sort(),
    ).toEqual([
      'aws:ec2:stop-instances',
      'aws:network:disrupt-connectivity',
      'aws:rds:failover-db-cluster',
    ]);
    expect(az.Actions['disrupt-connectivity']).toEqual(
      expect.objectContaining({
        Parameters: { duration: 'PT30M', scope: 'all' },
        Targets: { Subnets: 'disrupt-connectivity-targets' },
      }),
    );
    expect(az.Targets['disrupt-connectivity-targets']).toEqual({
      ResourceType: 'aws:ec2:subnet',
      ResourceTags: { 'continuity:service': 'checkout' },
      SelectionMode: 'ALL',
      Parameters: { availabilityZoneIdentifier: 'us-east-1b' },
    });
    expect(az.Targets['stop-instances-targets']).toEqual(
      expect.objectContaining({
        ResourceType: 'aws:ec2:instance',
        Filters: [{ Path: 'Placement.AvailabilityZone', Values: ['us-east-1b'] }],
      }),
    );
    expect(az.Actions['stop-instances'].Parameters).toEqual({
      startInstancesAfterDuration: 'PT30M',
    });
    expect(az.Targets['failover-db-cluster-targets'].ResourceType).toBe('aws:rds:cluster');
    expect(az.ExperimentOptions).toEqual({
      AccountTargeting: 'single-account',
      EmptyTargetResolutionMode: 'skip',
    });
  });

  test('the region experiment isolates the recovery Region and pauses global table replication', () => {
    // THEN
    const region = experimentFor(template, 'region')!;
    expect(region.Actions['route-table-disrupt-cross-region-connectivity'].Parameters).toEqual({
      duration: 'PT60M',
      region: REGIONS.recovery,
    });
    expect(region.Actions['global-table-pause-replication']).toEqual(
      expect.objectContaining({
        ActionId: 'aws:dynamodb:global-table-pause-replication',
        Targets: { Tables: 'global-table-pause-replication-targets' },
      }),
    );
  });

  test('stops on impact alarms, but not on the lag the drill causes by design', () => {
    // THEN
    const az = experimentFor(template, 'az')!;
    const region = experimentFor(template, 'region')!;
    const alarmArn = (id: string) => ({ 'Fn::GetAtt': [Match.stringLikeRegexp(`^${id}`), 'Arn'] });
    expect(az.StopConditions).toHaveLength(2);
    Template.fromJSON({
      Resources: { X: { Type: 'T', Properties: { S: az.StopConditions } } },
    }).hasResourceProperties('T', {
      S: [
        { Source: 'aws:cloudwatch:alarm', Value: alarmArn('Latency') },
        { Source: 'aws:cloudwatch:alarm', Value: alarmArn('Errors') },
      ],
    });
    // the region drill pauses replication, so its latency alarm is not a stop condition
    expect(region.StopConditions).toHaveLength(1);
    expect(JSON.stringify(region.StopConditions)).toMatch(/Errors/);
  });

  test('gives the FIS role the managed policies of the planned actions and inline pause permissions', () => {
    // THEN
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'fis.amazonaws.com' } })],
      }),
      ManagedPolicyArns: [
        Match.objectLike({
          'Fn::Join': [
            '',
            Match.arrayWith([':iam::aws:policy/service-role/AWSFaultInjectionSimulatorEC2Access']),
          ],
        }),
        Match.objectLike({
          'Fn::Join': [
            '',
            Match.arrayWith([
              ':iam::aws:policy/service-role/AWSFaultInjectionSimulatorNetworkAccess',
            ]),
          ],
        }),
        Match.objectLike({
          'Fn::Join': [
            '',
            Match.arrayWith([':iam::aws:policy/service-role/AWSFaultInjectionSimulatorRDSAccess']),
          ],
        }),
      ],
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: Match.arrayWith(['dynamodb:PutResourcePolicy']),
            Resource: '*',
          }),
        ],
      },
    });
  });

  test('warns when a hand-made plan has an experiment with no stop condition', () => {
    // GIVEN a plan edited to drill a service with no impact alarm (the planner plans no such drill)
    const spec = specOf('gold', [{ kind: 'ebs', logicalId: 'Disk' }]);
    const planned = planService(spec.services[0]!, spec);
    expect(planned.faultInjection).toEqual([]);
    const plan = {
      ...planned,
      faultInjection: [
        {
          disruption: 'az' as const,
          action: 'aws:network:disrupt-connectivity',
          durationMinutes: 30,
          stopOnSignals: [],
        },
      ],
    };
    const s = new Stack(new App(), 'Bare', { env: ENV });
    // WHEN
    new FaultInjection(s, 'Drills', { plan });
    // THEN
    Annotations.fromStack(s).hasWarning(
      '/Bare/Drills',
      Match.stringLikeRegexp('has no stop condition'),
    );
    expect(JSON.stringify(Template.fromStack(s).toJSON())).toMatch(/"Source":"none"/);
  });
});

describe.each([
  ['gold', ['az', 'region']],
  ['silver', ['az', 'region']],
  // bronze stores alone have no impact alarm (no replication, no compute) to stop a drill
  ['bronze', []],
] as const)('ContinuityStacks drills at %s', (tier, disruptions) => {
  let shop: Synthesized;
  beforeAll(() => {
    shop = synthShop(tier);
  });

  test('creates one restore testing plan with a selection per store kind in the primary stack', () => {
    // THEN
    const plan = planContinuity(shop.shop.spec).tiers.find((t) => t.tier === tier)!;
    shop.primary.resourceCountIs('AWS::Backup::RestoreTestingPlan', 1);
    shop.primary.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
      ScheduleExpression: plan.restoreTesting!.scheduleExpression,
    });
    shop.primary.resourceCountIs('AWS::Backup::RestoreTestingSelection', 6);
    shop.recovery.resourceCountIs('AWS::Backup::RestoreTestingPlan', 0);
  });

  test(`creates FIS experiments for [${disruptions.join(', ')}] only`, () => {
    // THEN
    const names = Object.values(experiments(shop.primary))
      .map((e) => e.Properties.Tags.Name)
      .sort();
    expect(names).toEqual(disruptions.map((d) => `shop-${d}-drill`).sort());
    for (const e of Object.values(experiments(shop.primary))) {
      for (const t of Object.values(e.Properties.Targets) as any[]) {
        expect(t.ResourceTags).toEqual({ 'continuity:service': 'shop' });
      }
    }
  });
});

describe('ContinuityStacks drills of a bronze service with compute', () => {
  let template: Template;
  let primary: Stack;
  beforeAll(() => {
    // GIVEN a bronze (backup and restore) service with an Auto Scaling group and a Lambda function
    const spec = specOf('bronze', [
      { kind: 'ebs', logicalId: 'Disk' },
      { kind: 'asg', logicalId: 'Workers' },
      { kind: 'lambda', logicalId: 'Resizer' },
    ]);
    const stacks = new ContinuityStacks(new App(), 'B', { spec, account: '111111111111' });
    // WHEN
    stacks.addServices();
    primary = stacks.primaryStack;
    template = Template.fromStack(primary);
  });

  test('alarms when fewer instances are in service than survive the loss of one zone', () => {
    // THEN 2 instances over 2 zones: one must stay in service
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/AutoScaling',
      MetricName: 'GroupInServiceInstances',
      Dimensions: [
        { Name: 'AutoScalingGroupName', Value: { Ref: Match.stringLikeRegexp('^Workers') } },
      ],
      Statistic: 'Minimum',
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      MetricsCollection: [{ Granularity: '1Minute', Metrics: ['GroupInServiceInstances'] }],
    });
  });

  test('alarms on any Lambda function error', () => {
    // THEN
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^Resizer') } }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  test('the az experiment stops on both compute health alarms, not on backup jobs', () => {
    // THEN
    const az = experimentFor(template, 'az')!;
    const alarms = template.findResources('AWS::CloudWatch::Alarm');
    const stoppedBy = (az.StopConditions as any[])
      .map((c) => alarms[c.Value['Fn::GetAtt'][0]]!.Properties.MetricName)
      .sort();
    expect(stoppedBy).toEqual(['Errors', 'GroupInServiceInstances']);
    expect(experimentFor(template, 'region')).toBeUndefined();
    Annotations.fromStack(primary).hasNoWarning('*', Match.stringLikeRegexp('no stop condition'));
  });
});

test('a tier without a region objective gets no cross-Region experiment', () => {
  // GIVEN a custom warm-standby tier covering only AZ loss
  const tiers = {
    ...BUILT_IN_TIERS,
    zonal: {
      name: 'zonal',
      strategy: 'warm-standby' as const,
      objectives: { az: { rtoSeconds: 900, rpoSeconds: 0 } },
      reviewEveryDays: 90,
      drillEveryDays: 30,
    },
  };
  const app = new App();
  // (the function's errors are the impact alarm the drill stops on)
  const resources: ResourceRef[] = [
    { kind: 'rds', logicalId: 'Db' },
    { kind: 'lambda', logicalId: 'Api' },
  ];
  const stacks = new ContinuityStacks(app, 'Z', {
    spec: specOf('zonal', resources, tiers),
    account: '111111111111',
  });
  // WHEN
  stacks.addServices();
  const template = Template.fromStack(stacks.primaryStack);
  // THEN
  expect(experimentFor(template, 'region')).toBeUndefined();
  const az = experimentFor(template, 'az')!;
  expect(Object.values(az.Actions).map((a: any) => a.ActionId)).toEqual([
    'aws:network:disrupt-connectivity',
    'aws:rds:reboot-db-instances',
  ]);
  expect(az.Actions['reboot-db-instances'].Parameters).toEqual({ forceFailover: 'true' });
  // a monthly cron can leave 31 days between runs, so a 30-day cadence runs weekly
  template.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
    ScheduleExpression: 'cron(0 5 ? * SUN *)',
  });
});
