import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import type { StoreContext } from './store-context';

/**
 * Backup retention used when the plan turns PITR on without a window (the RDS console default).
 * Retention is 1–35 days for RDS (0 disables automated backups) and 1–35 for Aurora.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupRetention.html
 */
export const DEFAULT_BACKUP_RETENTION_DAYS = 7;

/** Default RDS allocated storage when the spec gives no size, in GiB. */
export const DEFAULT_RDS_STORAGE_GIB = 20;

/** Default RDS instance class. */
export const DEFAULT_RDS_INSTANCE_CLASS = 'db.t4g.medium';

/** Default Aurora instance class. */
export const DEFAULT_AURORA_INSTANCE_CLASS = 'db.r6g.large';

/** A lowercase identifier AWS accepts (letters, digits, hyphens; starts with a letter). */
function identifier(value: string): string {
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-');
  return `ck-${cleaned}`.replace(/-$/, '').slice(0, 63);
}

/** KMS key in the recovery Region for encrypted cross-region copies (RDS needs one there). */
function recoveryKey(ctx: StoreContext): aws.kms.Key {
  return new aws.kms.Key(
    `${ctx.name}-recovery-key`,
    {
      region: ctx.regions.recovery,
      description: `continuity-kit recovery copy key (${ctx.name})`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      tags: ctx.tags,
    },
    { ...ctx.recoveryOpts, ...ctx.stateful },
  );
}

/** Planned automated-backup retention; `undefined` leaves the AWS default (1 day) alone. */
function retentionDays(ctx: StoreContext): number | undefined {
  if (!ctx.store.pointInTimeRecovery) return undefined;
  return ctx.store.pitrRetentionDays ?? DEFAULT_BACKUP_RETENTION_DAYS;
}

/** What {@link renderRds} created. */
export interface RdsResources {
  readonly instance: aws.rds.Instance;
  readonly replica?: aws.rds.Instance;
  readonly backupReplication?: aws.rds.InstanceAutomatedBackupsReplication;
  readonly recoveryKey?: aws.kms.Key;
}

/**
 * RDS instance: Multi-AZ and automated backups (PITR) as planned, plus a cross-region read
 * replica (`rds-read-replica`) or automated backup replication (`rds-backup-replication`).
 */
export function renderRds(ctx: StoreContext): RdsResources {
  const { store } = ctx;
  const replication = store.replication;
  const crossRegion =
    replication === 'rds-read-replica' || replication === 'rds-backup-replication';
  if (crossRegion && !store.pointInTimeRecovery) {
    throw new Error(
      `store '${ctx.name}' plans ${replication}, but pointInTimeRecovery is false; ` +
        'cross-region RDS copies need automated backups: turn point-in-time recovery on',
    );
  }
  const instanceClass = ctx.overrides.rds?.instanceClass ?? DEFAULT_RDS_INSTANCE_CLASS;
  const instance = new aws.rds.Instance(
    `${ctx.name}-db`,
    {
      region: ctx.regions.primary,
      engine: 'postgres',
      allocatedStorage: store.resource.sizeGiB ?? DEFAULT_RDS_STORAGE_GIB,
      username: 'continuity',
      manageMasterUserPassword: true,
      ...ctx.overrides.rds,
      instanceClass,
      multiAz: store.multiAz,
      // Set only when planned, like the CDK constructs, so both backends render the same store.
      backupRetentionPeriod: retentionDays(ctx),
      storageEncrypted: true,
      deletionProtection: true,
      copyTagsToSnapshot: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: identifier(`${pulumi.getStack()}-${ctx.name}-final`),
      tags: ctx.tags,
    },
    ctx.mainOpts,
  );
  if (!crossRegion) return { instance };

  const key = recoveryKey(ctx);
  if (replication === 'rds-read-replica') {
    const replica = new aws.rds.Instance(
      `${ctx.name}-replica`,
      {
        region: ctx.regions.recovery,
        replicateSourceDb: instance.arn,
        instanceClass,
        storageEncrypted: true,
        kmsKeyId: key.arn,
        deletionProtection: true,
        skipFinalSnapshot: true,
        tags: ctx.tags,
      },
      { ...ctx.recoveryOpts, ...ctx.stateful },
    );
    return { instance, replica, recoveryKey: key };
  }
  const backupReplication = new aws.rds.InstanceAutomatedBackupsReplication(
    `${ctx.name}-backup-replication`,
    {
      region: ctx.regions.recovery,
      sourceDbInstanceArn: instance.arn,
      retentionPeriod: retentionDays(ctx),
      kmsKeyId: key.arn,
    },
    ctx.recoveryOpts,
  );
  return { instance, backupReplication, recoveryKey: key };
}

/** What {@link renderAurora} created. */
export interface AuroraResources {
  readonly cluster: aws.rds.Cluster;
  readonly instances: readonly aws.rds.ClusterInstance[];
  readonly globalCluster?: aws.rds.GlobalCluster;
  readonly secondary?: aws.rds.Cluster;
  readonly secondaryInstances: readonly aws.rds.ClusterInstance[];
  readonly recoveryKey?: aws.kms.Key;
}

/**
 * Aurora: a cluster with two instances in different AZs when Multi-AZ is planned (one
 * otherwise); for `aurora-global-database` a global cluster built from it and a secondary
 * cluster with one instance in the recovery Region. The global cluster adopts the primary
 * through `sourceDbClusterIdentifier`, so moving a service to a tier with a global database
 * never updates the primary cluster.
 */
export function renderAurora(ctx: StoreContext): AuroraResources {
  const { store } = ctx;
  const instanceClass = ctx.overrides.auroraInstanceClass ?? DEFAULT_AURORA_INSTANCE_CLASS;
  const cluster = new aws.rds.Cluster(
    `${ctx.name}-cluster`,
    {
      region: ctx.regions.primary,
      engine: 'aurora-postgresql',
      masterUsername: 'continuity',
      manageMasterUserPassword: true,
      ...ctx.overrides.aurora,
      backupRetentionPeriod: retentionDays(ctx),
      storageEncrypted: true,
      deletionProtection: true,
      copyTagsToSnapshot: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: identifier(`${pulumi.getStack()}-${ctx.name}-final`),
      tags: ctx.tags,
    },
    ctx.mainOpts,
  );
  const instances = Array.from(
    { length: store.multiAz ? 2 : 1 },
    (_, i) =>
      new aws.rds.ClusterInstance(
        `${ctx.name}-instance-${i + 1}`,
        {
          region: ctx.regions.primary,
          clusterIdentifier: cluster.id,
          engine: 'aurora-postgresql',
          instanceClass,
          tags: ctx.tags,
        },
        ctx.primaryOpts,
      ),
  );
  if (store.replication !== 'aurora-global-database') {
    return { cluster, instances, secondaryInstances: [] };
  }

  const globalCluster = new aws.rds.GlobalCluster(
    `${ctx.name}-global`,
    {
      region: ctx.regions.primary,
      // Required by the provider (no autonaming); derived from the stack and component name.
      globalClusterIdentifier: identifier(`${pulumi.getStack()}-${ctx.name}`),
      sourceDbClusterIdentifier: cluster.arn,
      deletionProtection: true,
      forceDestroy: false,
    },
    { ...ctx.primaryOpts, ...ctx.stateful, dependsOn: instances },
  );
  const key = recoveryKey(ctx);
  const secondary = new aws.rds.Cluster(
    `${ctx.name}-secondary`,
    {
      region: ctx.regions.recovery,
      engine: 'aurora-postgresql',
      engineVersion: globalCluster.engineVersion,
      globalClusterIdentifier: globalCluster.id,
      storageEncrypted: true,
      kmsKeyId: key.arn,
      deletionProtection: true,
      // A secondary cluster holds a copy of the primary's data; its final snapshot adds nothing.
      skipFinalSnapshot: true,
      tags: ctx.tags,
    },
    { ...ctx.recoveryOpts, ...ctx.stateful },
  );
  const secondaryInstances = [
    new aws.rds.ClusterInstance(
      `${ctx.name}-secondary-instance-1`,
      {
        region: ctx.regions.recovery,
        clusterIdentifier: secondary.id,
        engine: 'aurora-postgresql',
        instanceClass,
        tags: ctx.tags,
      },
      ctx.recoveryOpts,
    ),
  ];
  return { cluster, instances, globalCluster, secondary, secondaryInstances, recoveryKey: key };
}
