import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import type { StoreContext } from './store-context';

/**
 * S3 Replication Time Control replicates 99.99 % of objects within 15 minutes; `Minutes` must be
 * 15 and RTC needs replication metrics.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html
 */
export const S3_RTC_MINUTES = 15;

/** Id of the replication rule the components create (a dimension of the S3 replication metrics). */
export const S3_REPLICATION_RULE_ID = 'continuity-recovery';

/** What {@link renderS3} created. */
export interface S3Resources {
  readonly bucket: aws.s3.Bucket;
  readonly replica?: aws.s3.Bucket;
  readonly replication?: aws.s3.BucketReplicationConfig;
}

/** A private bucket with SSE and (when asked) versioning, in the context's Region. */
function privateBucket(
  ctx: StoreContext,
  prefix: string,
  recovery: boolean,
  versioning: boolean,
): { bucket: aws.s3.Bucket; versioning?: aws.s3.BucketVersioning } {
  const opts = recovery ? ctx.recoveryOpts : ctx.primaryOpts;
  const region = recovery ? ctx.regions.recovery : ctx.regions.primary;
  const bucket = new aws.s3.Bucket(
    prefix,
    { ...ctx.overrides.s3, region, tags: ctx.tags },
    recovery ? { ...opts, ...ctx.stateful } : ctx.mainOpts,
  );
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${prefix}-encryption`,
    {
      region,
      bucket: bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }],
    },
    opts,
  );
  new aws.s3.BucketPublicAccessBlock(
    `${prefix}-public-access`,
    {
      region,
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    opts,
  );
  if (!versioning) return { bucket };
  const version = new aws.s3.BucketVersioning(
    `${prefix}-versioning`,
    { region, bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } },
    opts,
  );
  return { bucket, versioning: version };
}

/**
 * S3: versioning as planned; cross-region replication (with RTC and metrics for `s3-crr-rtc`)
 * to a versioned, encrypted bucket in the recovery Region. Delete markers are not replicated, so
 * a delete in the primary Region leaves the replica's current version in place.
 */
export function renderS3(ctx: StoreContext): S3Resources {
  const { store } = ctx;
  const replicated = store.replication === 's3-crr' || store.replication === 's3-crr-rtc';
  // Replication requires versioning on both buckets.
  const primary = privateBucket(ctx, `${ctx.name}-bucket`, false, store.versioning || replicated);
  if (!replicated) return { bucket: primary.bucket };

  const replica = privateBucket(ctx, `${ctx.name}-replica`, true, true);
  const role = new aws.iam.Role(
    `${ctx.name}-replication-role`,
    {
      description: `S3 replication for ${ctx.service}`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    },
    ctx.primaryOpts,
  );
  new aws.iam.RolePolicy(
    `${ctx.name}-replication-policy`,
    {
      role: role.id,
      policy: pulumi.all([primary.bucket.arn, replica.bucket.arn]).apply(([source, destination]) =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
              Resource: source,
            },
            {
              Effect: 'Allow',
              Action: [
                's3:GetObjectVersionForReplication',
                's3:GetObjectVersionAcl',
                's3:GetObjectVersionTagging',
              ],
              Resource: `${source}/*`,
            },
            {
              Effect: 'Allow',
              Action: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
              Resource: `${destination}/*`,
            },
          ],
        }),
      ),
    },
    ctx.primaryOpts,
  );
  const rtc = store.replication === 's3-crr-rtc';
  const replication = new aws.s3.BucketReplicationConfig(
    `${ctx.name}-replication`,
    {
      region: ctx.regions.primary,
      bucket: primary.bucket.id,
      role: role.arn,
      rules: [
        {
          id: S3_REPLICATION_RULE_ID,
          status: 'Enabled',
          filter: {},
          deleteMarkerReplication: { status: 'Disabled' },
          destination: {
            bucket: replica.bucket.arn,
            metrics: { status: 'Enabled', eventThreshold: { minutes: S3_RTC_MINUTES } },
            ...(rtc
              ? { replicationTime: { status: 'Enabled', time: { minutes: S3_RTC_MINUTES } } }
              : {}),
          },
        },
      ],
    },
    {
      ...ctx.primaryOpts,
      dependsOn: [primary.versioning, replica.versioning].filter(
        (v): v is aws.s3.BucketVersioning => v !== undefined,
      ),
    },
  );
  return { bucket: primary.bucket, replica: replica.bucket, replication };
}

/** What {@link renderDynamoDb} created. */
export interface DynamoDbResources {
  readonly table: aws.dynamodb.Table;
}

/**
 * DynamoDB: on-demand table with PITR as planned, deletion protection, and a replica in the
 * recovery Region for `dynamodb-global-table` (`-strong`: multi-Region strong consistency, with
 * a witness Region).
 */
export function renderDynamoDb(ctx: StoreContext): DynamoDbResources {
  const { store } = ctx;
  const global =
    store.replication === 'dynamodb-global-table' ||
    store.replication === 'dynamodb-global-table-strong';
  const strong = store.replication === 'dynamodb-global-table-strong';
  if (strong && ctx.witnessRegion === undefined) {
    throw new Error(
      `store '${ctx.name}' plans dynamodb-global-table-strong, but witnessRegion is undefined; ` +
        'multi-Region strong consistency needs a third Region: pass witnessRegion',
    );
  }
  const table = new aws.dynamodb.Table(
    `${ctx.name}-table`,
    {
      region: ctx.regions.primary,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: 'pk',
      attributes: [{ name: 'pk', type: 'S' }],
      ...ctx.overrides.dynamodb,
      deletionProtectionEnabled: true,
      pointInTimeRecovery: {
        enabled: store.pointInTimeRecovery,
        ...(store.pointInTimeRecovery && store.pitrRetentionDays !== undefined
          ? { recoveryPeriodInDays: store.pitrRetentionDays }
          : {}),
      },
      // Global tables (version 2019.11.21) replicate through the table's stream.
      ...(global ? { streamEnabled: true, streamViewType: 'NEW_AND_OLD_IMAGES' } : {}),
      replicas: global
        ? [
            {
              regionName: ctx.regions.recovery,
              pointInTimeRecovery: store.pointInTimeRecovery,
              propagateTags: true,
              deletionProtectionEnabled: true,
              ...(strong ? { consistencyMode: 'STRONG' } : {}),
            },
          ]
        : [],
      ...(strong ? { globalTableWitness: { regionName: ctx.witnessRegion } } : {}),
      tags: ctx.tags,
    },
    ctx.mainOpts,
  );
  return { table };
}
