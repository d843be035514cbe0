import { App, Duration, Fn, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { TAG_SERVICE } from '../../../lib/model';
import { specOf } from './harness';
import type { ContinuitySpec } from '../../../lib/model';
import type { ContinuitySpecDocument, TierDocument } from '../../../lib/spec';

/*
 * Small plain aws-cdk-lib apps (no continuity-kit construct): resources carry only the
 * continuity:service tag or are named by logical ID in the spec.
 */

/** Environment of every test stack. */
export const ENV = { account: '111111111111', region: 'us-east-1' } as const;

/** A tier every rule applies to: application, az and region objectives, immutable, 35 days. */
export const STANDARD: TierDocument = {
  application: { rto: '24h', rpo: '12h' },
  az: { rto: '4h', rpo: '1h' },
  region: { rto: '24h', rpo: '12h' },
  immutable: true,
  retentionDays: 35,
  reviewEvery: '180d',
  drillEvery: '90d',
};

/** A looser tier, for dependency findings. */
export const LOOSE: TierDocument = {
  application: { rto: '72h', rpo: '24h' },
  retentionDays: 7,
  reviewEvery: '365d',
  drillEvery: '365d',
};

const RECENT = { reviewedOn: '2026-10-01', lastDrill: '2026-10-15' } as const;

/** A global table in us-east-1 and us-west-2 with PITR, retained. */
export function globalTable(
  scope: Stack,
  id: string,
  options: { readonly pitr?: boolean; readonly retain?: boolean } = {},
): dynamodb.TableV2 {
  return new dynamodb.TableV2(scope, id, {
    tableName: id.toLowerCase(),
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: options.pitr ?? true },
    replicas: [{ region: 'us-west-2' }],
    removalPolicy: options.retain === false ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });
}

/** An alarm with an SNS action on a metric. */
export function alarm(
  scope: Stack,
  id: string,
  topic: sns.ITopic,
  metric: { namespace: string; metricName: string; dimensionsMap?: Record<string, string> },
): cloudwatch.Alarm {
  const a = new cloudwatch.Alarm(scope, id, {
    metric: new cloudwatch.Metric({ ...metric, period: Duration.minutes(5) }),
    threshold: 1,
    evaluationPeriods: 1,
  });
  a.addAlarmAction(new actions.SnsAction(topic));
  return a;
}

/** An hourly backup rule kept 35 days, copied to a vault in us-west-2. */
export function hourlyRule(
  scope: Stack,
  extra: Partial<backup.BackupPlanRuleProps> = {},
): backup.BackupPlanRule {
  return new backup.BackupPlanRule({
    ruleName: 'Hourly',
    scheduleExpression: events.Schedule.cron({ minute: '0' }),
    startWindow: Duration.hours(1),
    completionWindow: Duration.hours(2),
    deleteAfter: Duration.days(35),
    copyActions: [
      {
        destinationBackupVault: backup.BackupVault.fromBackupVaultArn(
          scope,
          'RecoveryVault',
          'arn:aws:backup:us-west-2:111111111111:backup-vault:recovery',
        ),
        deleteAfter: Duration.days(35),
      },
    ],
    ...extra,
  });
}

/**
 * An app where every rule is compliant: two services at the standard tier, global tables with
 * PITR and lag alarms, a versioned bucket backed up hourly and copied to the recovery Region, a
 * locked vault with a customer-managed key, a failed-job alarm, recent reviews and drills.
 */
export function compliantApp(): { app: App; spec: ContinuitySpec } {
  const app = new App();
  const stack = new Stack(app, 'Shop', { env: ENV });
  const topic = new sns.Topic(stack, 'Alerts');
  const orders = globalTable(stack, 'Orders');
  const payments = globalTable(stack, 'Payments');
  const invoices = new s3.Bucket(stack, 'Invoices', {
    versioned: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Tags.of(invoices).add(TAG_SERVICE, 'payments');
  const vault = new backup.BackupVault(stack, 'Vault', {
    encryptionKey: new kms.Key(stack, 'VaultKey'),
    lockConfiguration: { minRetention: Duration.days(7), maxRetention: Duration.days(100) },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const plan = new backup.BackupPlan(stack, 'Plan', {
    backupVault: vault,
    backupPlanRules: [hourlyRule(stack)],
  });
  plan.addSelection('Selection', {
    resources: [
      backup.BackupResource.fromArn(orders.tableArn),
      backup.BackupResource.fromArn(payments.tableArn),
      backup.BackupResource.fromArn(invoices.bucketArn),
    ],
  });
  alarm(stack, 'BackupFailed', topic, {
    namespace: 'AWS/Backup',
    metricName: 'NumberOfBackupJobsFailed',
  });
  for (const table of ['orders', 'payments']) {
    alarm(stack, `${table}Lag`, topic, {
      namespace: 'AWS/DynamoDB',
      metricName: 'ReplicationLatency',
      dimensionsMap: { TableName: table, ReceivingRegion: 'us-west-2' },
    });
  }
  const spec: ContinuitySpecDocument = {
    regions: { primary: 'us-east-1', recovery: 'us-west-2' },
    tiers: { standard: STANDARD },
    services: [
      {
        name: 'orders',
        tier: 'standard',
        owner: 'team-orders',
        dependsOn: ['payments'],
        ...RECENT,
        resources: [{ kind: 'dynamodb', logicalId: 'Orders', sizeGiB: 10 }],
      },
      {
        name: 'payments',
        tier: 'standard',
        owner: 'team-payments',
        ...RECENT,
        resources: [
          { kind: 'dynamodb', logicalId: 'Payments', sizeGiB: 10 },
          { kind: 's3', sizeGiB: 10 },
        ],
      },
    ],
    suppressions: [
      {
        rule: 'RR-VLT1',
        resource: 'Archive',
        reason: 'archive vault moves next quarter',
        expires: '2027-06-30',
      },
    ],
  };
  return { app, spec: specOf(spec) };
}

/** A DynamoDB table tagged for a service. */
function table(
  scope: Stack,
  id: string,
  service: string,
  options: { readonly pitr?: boolean; readonly retain?: boolean } = {},
): dynamodb.Table {
  const t = new dynamodb.Table(scope, id, {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: options.pitr ?? true },
    removalPolicy: options.retain === false ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });
  Tags.of(t).add(TAG_SERVICE, service);
  return t;
}

/**
 * An app where every rule fires at least once, each on a resource named after the problem:
 * `Fragile` (no PITR, no copy, deleted with its stack), `Replicated` (replication only, no lag
 * alarm), `Quick` (restore slower than its RTO), `Orphan` (no service), `WeakPlan` (daily, short
 * retention, cold storage too short, same-Region copy, vault without key or lock, no failed-job
 * alarm), `LockedPlan` (retention outside the vault lock, selection by a deploy-time tag).
 * Service-wide findings land on the service's first resource.
 */
export function deficientApp(): { app: App; spec: ContinuitySpec } {
  const app = new App();
  const stack = new Stack(app, 'Bad', { env: ENV });
  table(stack, 'Fragile', 'fragile', { pitr: false, retain: false });
  table(stack, 'Web', 'web');
  table(stack, 'Legacy', 'legacy');
  table(stack, 'Quick', 'quick');
  const replicated = globalTable(stack, 'Replicated', { pitr: false });
  Tags.of(replicated).add(TAG_SERVICE, 'replicated');
  const archive = new s3.Bucket(stack, 'Archive', { removalPolicy: RemovalPolicy.RETAIN });
  Tags.of(archive).add(TAG_SERVICE, 'archive');
  Tags.of(archive).add('backup', 'yes');
  new s3.Bucket(stack, 'Orphan', { removalPolicy: RemovalPolicy.RETAIN });

  const weakVault = new backup.BackupVault(stack, 'WeakVault', {
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const localCopy = new backup.BackupVault(stack, 'LocalCopy', {
    encryptionKey: new kms.Key(stack, 'LocalCopyKey'),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const weakPlan = new backup.BackupPlan(stack, 'WeakPlan', {
    backupVault: weakVault,
    backupPlanRules: [
      new backup.BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: events.Schedule.cron({ minute: '0', hour: '5' }),
        deleteAfter: Duration.days(7),
        copyActions: [{ destinationBackupVault: localCopy, deleteAfter: Duration.days(7) }],
      }),
      new backup.BackupPlanRule({
        ruleName: 'Cold',
        scheduleExpression: events.Schedule.cron({ minute: '0', hour: '6' }),
        moveToColdStorageAfter: Duration.days(10),
        deleteAfter: Duration.days(40),
      }),
    ],
  });
  weakPlan.addSelection('Selection', {
    resources: [backup.BackupResource.fromArn(archive.bucketArn)],
  });

  const lockedVault = new backup.BackupVault(stack, 'LockedVault', {
    encryptionKey: new kms.Key(stack, 'LockedVaultKey'),
    lockConfiguration: { minRetention: Duration.days(40) },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const lockedPlan = new backup.BackupPlan(stack, 'LockedPlan', {
    backupVault: lockedVault,
    backupPlanRules: [hourlyRule(stack, { ruleName: 'Locked' })],
  });
  new backup.CfnBackupSelection(stack, 'TagSelection', {
    backupPlanId: lockedPlan.backupPlanId,
    backupSelection: {
      selectionName: 'by-tag',
      iamRoleArn: 'arn:aws:iam::111111111111:role/backup',
      // AND: only stores of 'archive' are candidates, and the second tag is a deploy-time value
      conditions: {
        StringEquals: [
          { ConditionKey: `aws:ResourceTag/${TAG_SERVICE}`, ConditionValue: 'archive' },
          { ConditionKey: 'aws:ResourceTag/backup', ConditionValue: Fn.importValue('BackupTag') },
        ],
      },
    },
  });

  const spec: ContinuitySpecDocument = {
    regions: { primary: 'us-east-1', recovery: 'us-west-2' },
    tiers: {
      standard: STANDARD,
      loose: LOOSE,
      quick: { ...STANDARD, application: { rto: '40min', rpo: '1h' } },
    },
    services: [
      { name: 'fragile', tier: 'standard', owner: 'team-a', resources: [{ kind: 'dynamodb' }] },
      { name: 'web', tier: 'loose', owner: 'team-a', ...RECENT, resources: [{ kind: 'dynamodb' }] },
      {
        name: 'legacy',
        tier: 'loose',
        owner: 'team-a',
        ...RECENT,
        resources: [{ kind: 'dynamodb' }],
      },
      {
        name: 'quick',
        tier: 'quick',
        owner: 'team-a',
        ...RECENT,
        resources: [{ kind: 'dynamodb', sizeGiB: 500 }],
      },
      {
        name: 'replicated',
        tier: 'standard',
        owner: 'team-a',
        ...RECENT,
        resources: [{ kind: 'dynamodb', logicalId: 'Replicated' }],
      },
      {
        name: 'archive',
        tier: 'standard',
        owner: 'team-a',
        ...RECENT,
        resources: [{ kind: 's3' }],
      },
      {
        name: 'ghost',
        tier: 'loose',
        owner: 'team-a',
        ...RECENT,
        resources: [{ kind: 'rds', logicalId: 'Missing' }],
      },
    ],
    suppressions: [
      {
        rule: 'RR-BKP3',
        resource: 'fragile',
        reason: 'until the migration',
        expires: '2026-01-31',
      },
    ],
  };
  // Spec validation rejects a dependency on a looser tier; a spec embedded by other tools may
  // still have one, and RR-OBJ3 reports it.
  const resolved = specOf(spec);
  return {
    app,
    spec: {
      ...resolved,
      services: resolved.services.map((s) =>
        s.name === 'web' ? { ...s, tier: 'standard', dependsOn: ['legacy'] } : s,
      ),
    },
  };
}
