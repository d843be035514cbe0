import { Aws, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as fis from 'aws-cdk-lib/aws-fis';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { BENCH_ACCOUNT, BENCH_PRIMARY, BENCH_RECOVERY, BENCH_TIERS } from './generate-assembly';

/*
 * The resources `ContinuityStacks` renders for services made of one DynamoDB table and one S3
 * bucket on the gold, silver and bronze tiers, written by hand with aws-cdk-lib L2 constructs:
 * the baseline of the synth benchmark. Kept as close to the constructs' output as L2s allow
 * (both are counted and reported); the planner's decisions appear here as a fixed table.
 */

interface PlanRule {
  readonly name: string;
  readonly cron: string;
  readonly completionMinutes: number;
  readonly arns: readonly string[];
  readonly copy: boolean;
}

interface TierSettings {
  /** Restore-testing schedule and the restore-time target (minutes) its alarm watches. */
  readonly restoreTestCron: string;
  readonly restoreMinutes: number;
  readonly replicate: boolean;
  readonly pitrDays?: number;
  readonly lagSeconds: number;
  readonly retentionDays: number;
  readonly lock: boolean;
  /** One backup plan per entry, each with one rule. */
  readonly plans: readonly PlanRule[];
}

const STORES = [
  'arn:aws:dynamodb:*:*:table/*',
  'arn:aws:s3:::*',
  'arn:aws:rds:*:*:db:*',
  'arn:aws:rds:*:*:cluster:*',
];
const EFS = ['arn:aws:elasticfilesystem:*:*:file-system/*'];
const EBS = ['arn:aws:ec2:*:*:volume/*'];
const HOURLY = 'cron(0 * * * ? *)';

/** What the planner decides for the built-in tiers, as a fixed table. */
const TIERS: Readonly<Record<string, TierSettings>> = {
  gold: {
    restoreTestCron: 'cron(0 5 1 * ? *)',
    restoreMinutes: 240,
    replicate: true,
    pitrDays: 35,
    lagSeconds: 450,
    retentionDays: 35,
    lock: true,
    plans: [
      {
        name: 'every-12h',
        cron: 'cron(0 0/12 * * ? *)',
        completionMinutes: 240,
        arns: STORES,
        copy: false,
      },
      { name: 'every-1h', cron: HOURLY, completionMinutes: 120, arns: EFS, copy: false },
      { name: 'every-1h-copy', cron: HOURLY, completionMinutes: 120, arns: EBS, copy: true },
    ],
  },
  silver: {
    restoreTestCron: 'cron(0 5 1 1/3 ? *)',
    restoreMinutes: 480,
    replicate: true,
    pitrDays: 14,
    lagSeconds: 1800,
    retentionDays: 14,
    lock: false,
    plans: [
      {
        name: 'every-24h',
        cron: 'cron(0 5 * * ? *)',
        completionMinutes: 240,
        arns: STORES,
        copy: false,
      },
      { name: 'every-1h', cron: HOURLY, completionMinutes: 120, arns: EFS, copy: false },
      { name: 'every-1h-copy', cron: HOURLY, completionMinutes: 120, arns: EBS, copy: true },
    ],
  },
  bronze: {
    restoreTestCron: 'cron(0 5 1 1/6 ? *)',
    restoreMinutes: 1440,
    replicate: false,
    lagSeconds: 86_400,
    retentionDays: 7,
    lock: false,
    plans: [
      {
        name: 'every-12h-copy',
        cron: 'cron(0 0/12 * * ? *)',
        completionMinutes: 240,
        arns: ['*'],
        copy: true,
      },
    ],
  },
};

const JOB_EVENTS = [
  {
    id: 'BackupJobFailed',
    detailType: 'Backup Job State Change',
    states: ['FAILED', 'EXPIRED', 'ABORTED'],
  },
  { id: 'CopyJobFailed', detailType: 'Copy Job State Change', states: ['FAILED'] },
  { id: 'RestoreJobFailed', detailType: 'Restore Job State Change', states: ['FAILED'] },
];

function topic(stack: Stack): sns.Topic {
  const key = new kms.Key(stack, 'TopicKey', {
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [
        new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
        new iam.ServicePrincipal('events.amazonaws.com'),
      ],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
    }),
  );
  const created = new sns.Topic(stack, 'Topic', { masterKey: key, enforceSSL: true });
  for (const job of JOB_EVENTS) {
    new events.Rule(stack, job.id, {
      eventPattern: {
        source: ['aws.backup'],
        detailType: [job.detailType],
        detail: { state: job.states },
      },
      targets: [new targets.SnsTopic(created)],
    });
  }
  return created;
}

function vault(stack: Stack, tier: string): { vault: backup.BackupVault; key: kms.Key } {
  const settings = TIERS[tier]!;
  const key = new kms.Key(stack, `Vault${tier}Key`, {
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      principals: [new iam.AccountRootPrincipal()],
      actions: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:DescribeKey',
        'kms:CreateGrant',
      ],
      resources: ['*'],
      conditions: { StringEquals: { 'kms:ViaService': `backup.${Aws.REGION}.amazonaws.com` } },
    }),
  );
  const created = new backup.BackupVault(stack, `Vault${tier}`, {
    encryptionKey: key,
    removalPolicy: RemovalPolicy.RETAIN,
    blockRecoveryPointDeletion: settings.lock,
    lockConfiguration: settings.lock
      ? { minRetention: Duration.days(settings.retentionDays) }
      : undefined,
  });
  return { vault: created, key };
}

/** Monthly-ish restore tests of the tier's latest recovery points (no L2 exists: L1s). */
function restoreTesting(
  stack: Stack,
  tier: string,
  vaultArn: string,
  role: iam.Role,
  action: actions.SnsAction,
): void {
  const settings = TIERS[tier]!;
  const planName = `${stack.stackName}_${tier}`;
  const plan = new backup.CfnRestoreTestingPlan(stack, `RestoreTesting${tier}`, {
    restoreTestingPlanName: planName,
    scheduleExpression: settings.restoreTestCron,
    startWindowHours: 24,
    recoveryPointSelection: {
      algorithm: 'LATEST_WITHIN_WINDOW',
      includeVaults: [vaultArn],
      recoveryPointTypes: ['SNAPSHOT'],
      selectionWindowDays: 7,
    },
  });
  for (const type of ['DynamoDB', 'S3']) {
    new backup.CfnRestoreTestingSelection(stack, `RestoreTesting${tier}Selection${type}`, {
      restoreTestingPlanName: planName,
      restoreTestingSelectionName: `${tier}_${type}`,
      iamRoleArn: role.roleArn,
      protectedResourceType: type,
      protectedResourceArns: ['*'],
      protectedResourceConditions: {
        stringEquals: [{ key: 'aws:ResourceTag/continuity:tier', value: tier }],
      },
      validationWindowHours: 1,
    }).addResourceDependency(plan);
  }
  new cloudwatch.Alarm(stack, `RestoreTesting${tier}RestoreTimeAlarm`, {
    metric: new cloudwatch.Metric({
      namespace: 'AWS/Backup',
      metricName: 'NumberOfRestoreJobsRunning',
      statistic: 'Minimum',
      period: Duration.minutes(5),
    }),
    threshold: 1,
    evaluationPeriods: settings.restoreMinutes / 5,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(action);
}

/**
 * The AWS FIS drill of one replicating service, as `ContinuityStacks` plans it: an AZ drill
 * stopped by the service's replication alarms (no Region drill, no drill for bronze).
 */
function drills(
  scope: Stack,
  id: string,
  name: string,
  tier: string,
  stopAlarms: readonly cloudwatch.Alarm[],
): void {
  const role = new iam.Role(scope, `${id}FaultInjectionRole`, {
    assumedBy: new iam.ServicePrincipal('fis.amazonaws.com'),
    description: 'Runs continuity-kit AWS FIS drills',
    managedPolicies: [
      iam.ManagedPolicy.fromAwsManagedPolicyName(
        'service-role/AWSFaultInjectionSimulatorNetworkAccess',
      ),
    ],
  });
  new fis.CfnExperimentTemplate(scope, `${id}FaultInjectionExperimentAz`, {
    description: `continuity-kit: az disruption drill of ${name} (tier ${tier}) in ${BENCH_PRIMARY}a`,
    roleArn: role.roleArn,
    stopConditions: stopAlarms.map((a) => ({ source: 'aws:cloudwatch:alarm', value: a.alarmArn })),
    tags: { 'continuity:service': name, 'continuity:tier': tier, Name: `${name}-az-drill` },
    experimentOptions: { accountTargeting: 'single-account', emptyTargetResolutionMode: 'skip' },
    actions: {
      'disrupt-connectivity': {
        actionId: 'aws:network:disrupt-connectivity',
        description: `continuity-kit az drill of ${name}: aws:network:disrupt-connectivity`,
        parameters: { duration: 'PT30M', scope: 'all' },
        targets: { Subnets: 'disrupt-connectivity-targets' },
      },
    },
    targets: {
      'disrupt-connectivity-targets': {
        resourceType: 'aws:ec2:subnet',
        resourceTags: { 'continuity:service': name },
        parameters: { availabilityZoneIdentifier: `${BENCH_PRIMARY}a` },
        selectionMode: 'ALL',
      },
    },
  });
}

function tierBackup(
  stack: Stack,
  tier: string,
  primary: { vault: backup.BackupVault; key: kms.Key },
  recoveryVault: backup.BackupVault,
  alarmAction: actions.SnsAction,
): void {
  const primaryVault = primary.vault;
  const settings = TIERS[tier]!;
  const role = new iam.Role(stack, `Backup${tier}Role`, {
    assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
    managedPolicies: [
      'service-role/AWSBackupServiceRolePolicyForBackup',
      'service-role/AWSBackupServiceRolePolicyForRestores',
      'AWSBackupServiceRolePolicyForS3Backup',
      'AWSBackupServiceRolePolicyForS3Restore',
    ].map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
  });
  restoreTesting(stack, tier, primary.vault.backupVaultArn, role, alarmAction);
  primary.key.grant(role, 'kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey');
  settings.plans.forEach((rule, index) => {
    const plan = new backup.BackupPlan(stack, `Backup${tier}Plan${index + 1}`, {
      backupVault: primaryVault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: rule.name,
          scheduleExpression: events.Schedule.expression(rule.cron),
          startWindow: Duration.minutes(60),
          completionWindow: Duration.minutes(rule.completionMinutes),
          deleteAfter: Duration.days(settings.retentionDays),
          copyActions: rule.copy
            ? [
                {
                  destinationBackupVault: recoveryVault,
                  deleteAfter: Duration.days(settings.retentionDays),
                },
              ]
            : undefined,
        }),
      ],
    });
    plan.addSelection('Selection', {
      role,
      resources: [
        ...rule.arns.map((arn) => backup.BackupResource.fromArn(arn)),
        backup.BackupResource.fromTag('continuity:tier', tier),
      ],
    });
  });
}

interface Group {
  readonly primary: Stack;
  readonly recovery: Stack;
  readonly accessLogs: s3.Bucket;
}

function stack(app: App, id: string, region: string): Stack {
  return new Stack(app, id, {
    env: { account: BENCH_ACCOUNT, region },
    crossRegionReferences: true,
  });
}

function service(
  index: number,
  group: Group,
  foundation: () => Stack,
  alarmAction: actions.SnsAction,
): void {
  const name = `svc${index}`;
  const tier = BENCH_TIERS[index % BENCH_TIERS.length]!;
  const settings = TIERS[tier]!;
  const id = `Svc${index}`;
  const table = new dynamodb.TableV2(group.primary, `${id}Table`, {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    pointInTimeRecoverySpecification: settings.pitrDays
      ? { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: settings.pitrDays }
      : undefined,
    replicas: settings.replicate ? [{ region: BENCH_RECOVERY }] : undefined,
  });
  const replica = settings.replicate
    ? new s3.Bucket(foundation(), `${id}ReplicaBucket`, {
        versioned: true,
        encryption: s3.BucketEncryption.S3_MANAGED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        removalPolicy: RemovalPolicy.RETAIN,
      })
    : undefined;
  const bucket = new s3.Bucket(group.primary, `${id}Bucket`, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    versioned: true,
    serverAccessLogsBucket: group.accessLogs,
    serverAccessLogsPrefix: `${id}Bucket/`,
    removalPolicy: RemovalPolicy.RETAIN,
    replicationRules: replica
      ? [
          {
            id: 'continuity-recovery-region',
            destination: replica,
            priority: 0,
            filter: { prefix: '' },
            deleteMarkerReplication: false,
            replicationTimeControl: s3.ReplicationTimeValue.FIFTEEN_MINUTES,
            metrics: s3.ReplicationTimeValue.FIFTEEN_MINUTES,
          },
        ]
      : undefined,
  });
  for (const construct of [table, bucket]) {
    Tags.of(construct).add('continuity:service', name);
    Tags.of(construct).add('continuity:tier', tier);
  }
  if (!replica) {
    return;
  }
  const period = Duration.minutes(1);
  const metrics = [
    {
      signal: 'DynamodbReplicationLatency',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/DynamoDB',
        metricName: 'ReplicationLatency',
        dimensionsMap: { TableName: table.tableName, ReceivingRegion: BENCH_RECOVERY },
        statistic: 'Maximum',
        period,
        region: BENCH_PRIMARY,
      }),
      threshold: settings.lagSeconds * 1000,
    },
    {
      signal: 'S3ReplicationLatency',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/S3',
        metricName: 'ReplicationLatency',
        dimensionsMap: {
          SourceBucket: bucket.bucketName,
          DestinationBucket: replica.bucketName,
          RuleId: 'continuity-recovery-region',
        },
        statistic: 'Maximum',
        period,
        region: BENCH_PRIMARY,
      }),
      threshold: settings.lagSeconds,
    },
  ];
  const failed = new cloudwatch.Metric({
    namespace: 'AWS/S3',
    metricName: 'OperationsFailedReplication',
    dimensionsMap: {
      SourceBucket: bucket.bucketName,
      DestinationBucket: replica.bucketName,
      RuleId: 'continuity-recovery-region',
    },
    statistic: 'Sum',
    period,
  });
  const alarms = [
    ...metrics.map((m) => ({
      ...m,
      operator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    })),
    {
      signal: 'S3ReplicationFailed',
      metric: failed,
      threshold: 1,
      operator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    },
  ];
  const created: cloudwatch.Alarm[] = [];
  for (const a of alarms) {
    const alarm = new cloudwatch.Alarm(group.primary, `${id}Alarm${a.signal}`, {
      metric: a.metric,
      threshold: a.threshold,
      comparisonOperator: a.operator,
      evaluationPeriods: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(alarmAction);
    alarm.addOkAction(alarmAction);
    created.push(alarm);
  }
  drills(group.primary, id, name, tier, created);
  const rpoSeconds = settings.lagSeconds * 2;
  new cloudwatch.Dashboard(group.recovery, `Dashboard${id}`).addWidgets(
    new cloudwatch.TextWidget({ markdown: `# ${name}`, width: 24, height: 2 }),
    ...metrics.map(
      (m) =>
        new cloudwatch.GraphWidget({
          title: `${name}: ${m.signal}`,
          region: BENCH_PRIMARY,
          left: [m.metric],
          leftAnnotations: [{ value: rpoSeconds, label: `declared RPO ${rpoSeconds} s` }],
          width: 12,
        }),
    ),
  );
}

/**
 * Adds `services` services (a table and a bucket each, tiers gold, silver, bronze in turn) to
 * `app`, `servicesPerStack` per primary and recovery stack, plus the foundation: recovery-Region
 * vaults and topic, and per group its replica buckets; per tier a vault, backup plans and selections; alarms.
 */
export function buildPlainApp(app: App, services: number, servicesPerStack = 10): void {
  const foundation = stack(app, 'RecoveryFoundation', BENCH_RECOVERY);
  topic(foundation);
  const groups: Group[] = [];
  const foundations: Stack[] = [];
  let alarmAction: actions.SnsAction | undefined;
  for (let index = 0; index < services; index++) {
    const g = Math.floor(index / servicesPerStack);
    if (!groups[g]) {
      const suffix = g === 0 ? '' : String(g + 1);
      const primary = stack(app, `Primary${suffix}`, BENCH_PRIMARY);
      const recovery = stack(app, `Recovery${suffix}`, BENCH_RECOVERY);
      if (g === 0) {
        alarmAction = new actions.SnsAction(topic(primary));
        const used = new Set(
          Array.from({ length: services }, (_, i) => BENCH_TIERS[i % BENCH_TIERS.length]!),
        );
        for (const tier of BENCH_TIERS.filter((t) => used.has(t))) {
          tierBackup(
            primary,
            tier,
            vault(primary, tier),
            vault(foundation, tier).vault,
            alarmAction,
          );
        }
      }
      const accessLogs = new s3.Bucket(primary, 'AccessLogs', {
        encryption: s3.BucketEncryption.S3_MANAGED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      });
      groups[g] = { primary, recovery, accessLogs };
    }
    // replica buckets follow the service groups, as in ContinuityStacks: the first group's into
    // RecoveryFoundation, later groups' into RecoveryFoundation2 and so on, created on first use
    const groupFoundation = (): Stack =>
      g === 0
        ? foundation
        : (foundations[g] ??= stack(app, `RecoveryFoundation${g + 1}`, BENCH_RECOVERY));
    service(index, groups[g]!, groupFoundation, alarmAction!);
  }
}
