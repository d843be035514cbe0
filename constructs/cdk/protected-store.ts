import { Annotations, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { CfnResource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { efsTimeSinceLastSyncQuery, metricRegion } from '../../lib/facts';
import { TAG_SERVICE, TAG_TIER } from '../../lib/model';
import type { AlarmSignal, StorePlan } from '../../lib/model';
import { signalMetric, signalQuery } from './metric-targets';
import type { StoreResource } from './store-resource';
import {
  S3_REPLICATION_RULE_ID,
  addTableReplica,
  createGlobalDatabase,
  createReadReplica,
  enableTablePitr,
  recoveryKey,
  replicateBucket,
  replicateFileSystem,
  replicateInstanceBackups,
} from './store-replication';

/** Properties of a {@link ProtectedStore}. */
export interface ProtectedStoreProps {
  /** The store to protect. */
  readonly store: StoreResource;
  /** The protection planned for it (`ServicePlan.stores[n]`). */
  readonly plan: StorePlan;
  /** Service the store belongs to (written to the `continuity:service` tag). */
  readonly service: string;
  /** Tier the store is protected at (written to the `continuity:tier` tag). */
  readonly tier: string;
  /** Region that receives replicas. */
  readonly recoveryRegion: string;
  /**
   * Scope in a recovery-Region stack deployed before the store's stack, for replication
   * destinations (S3 replica buckets, keys for replicated RDS backups), or a function that
   * returns it on first use (so the stack is only created when a destination is needed).
   *
   * @default - none; a plan that needs a destination there fails synthesis
   */
  readonly recoveryTargetScope?: Construct | (() => Construct);
  /**
   * Scope in a recovery-Region stack deployed after the store's stack, for replicas made from the
   * store (Aurora secondary clusters, RDS read replicas).
   *
   * @default - none; a plan that needs a replica there fails synthesis
   */
  readonly recoveryReplicaScope?: Construct;
  /**
   * VPC in the recovery Region that RDS read replicas and Aurora secondary clusters use.
   *
   * @default - none; a plan with such a replica fails synthesis
   */
  readonly recoveryVpc?: ec2.IVpc;
}

/** A metric and the Region it is published in (alarms must live in that Region). */
export interface StoreMetric {
  readonly metric: cloudwatch.IMetric;
  readonly region: string;
  /** Multiply a lag threshold in seconds by this to get the metric's unit (1 for counts). */
  readonly unitsPerSecond: number;
}

/**
 * Applies a {@link StorePlan} to a DynamoDB table, S3 bucket, RDS instance, Aurora cluster, EFS
 * file system or EBS volume, whether you created it or {@link ContinuityStacks} did.
 *
 * It tags the store (`continuity:service`, `continuity:tier`) so the tier's backup plan selects
 * it, switches on what the plan asks (point-in-time recovery, versioning, Multi-AZ) and creates
 * the cross-Region replication. It never switches a setting off, and it sets the removal policy
 * to `RETAIN` (`SNAPSHOT` for RDS and Aurora): deleting the stack keeps the data.
 */
export class ProtectedStore extends Construct {
  /** The store. */
  public readonly store: StoreResource;
  /** Bucket receiving the S3 replicas, when the plan replicates a bucket. */
  public readonly replicaBucket?: s3.Bucket;
  /** RDS cross-Region read replica, when planned. */
  public readonly readReplica?: rds.CfnDBInstance;
  /** Aurora global cluster, when planned. */
  public readonly globalCluster?: rds.CfnGlobalCluster;
  /** Aurora secondary cluster in the recovery Region, when planned. */
  public readonly secondaryCluster?: rds.CfnDBCluster;
  /** Recovery-Region key for replicated RDS automated backups, when planned. */
  public readonly backupReplicationKey?: kms.IKey;

  private readonly props: ProtectedStoreProps;

  public constructor(scope: Construct, id: string, props: ProtectedStoreProps) {
    super(scope, id);
    this.props = props;
    this.store = props.store;
    const { store, plan } = props;
    if (plan.resource.kind !== store.kind) {
      throw new Error(
        `store plan for ${plan.resource.kind} '${plan.resource.logicalId ?? '?'}' was given a ` +
          `${store.kind} store at ${store.construct.node.path}; pass the matching store`,
      );
    }
    Tags.of(store.construct).add(TAG_SERVICE, props.service);
    Tags.of(store.construct).add(TAG_TIER, props.tier);
    const replicas = this.protect();
    this.replicaBucket = replicas.replicaBucket;
    this.readReplica = replicas.readReplica;
    this.globalCluster = replicas.globalCluster;
    this.secondaryCluster = replicas.secondaryCluster;
    this.backupReplicationKey = replicas.backupReplicationKey;
  }

  /**
   * The metric behind an alarm signal for this store, or `undefined` when the store does not
   * publish it (e.g. a lag signal without the matching replication).
   */
  public metricFor(signal: AlarmSignal): StoreMetric | undefined {
    const { store, recoveryRegion } = this.props;
    const region = metricRegion(signal, {
      primary: Stack.of(this).region,
      recovery: recoveryRegion,
    });
    switch (signal) {
      case 'dynamodb-replication-latency':
        return store.table &&
          this.hasReplication('dynamodb-global-table', 'dynamodb-global-table-strong')
          ? signalMetric(
              signal,
              { table: store.table.tableName, receivingRegion: recoveryRegion },
              region,
            )
          : undefined;
      case 's3-replication-latency':
      case 's3-replication-failed':
        // Published once replication metrics are on (store-replication turns them on).
        return store.bucket && this.replicaBucket
          ? signalMetric(
              signal,
              {
                sourceBucket: store.bucket.bucketName,
                destinationBucket: this.replicaBucket.bucketName,
                ruleId: S3_REPLICATION_RULE_ID,
              },
              region,
            )
          : undefined;
      case 'aurora-global-replication-lag':
        return this.secondaryCluster
          ? signalMetric(signal, { cluster: this.secondaryCluster.ref }, region)
          : undefined;
      case 'rds-replica-lag':
        return this.readReplica
          ? signalMetric(signal, { instance: this.readReplica.ref }, region)
          : undefined;
      case 'efs-time-since-last-sync':
        return store.fileSystem && this.hasReplication('efs-replication')
          ? signalQuery(signal, efsTimeSinceLastSyncQuery(store.fileSystem.fileSystemId), region)
          : undefined;
      default:
        return undefined;
    }
  }

  /** Lets AWS Backup's role read the store's encryption key, so backups contain data. */
  public grantBackup(role: iam.IGrantable): void {
    const key = this.store.bucket?.encryptionKey ?? this.store.table?.encryptionKey;
    key?.grantDecrypt(role);
  }

  private hasReplication(...mechanisms: string[]): boolean {
    return (
      this.props.plan.replication !== undefined && mechanisms.includes(this.props.plan.replication)
    );
  }

  private protect(): {
    replicaBucket?: s3.Bucket;
    readReplica?: rds.CfnDBInstance;
    globalCluster?: rds.CfnGlobalCluster;
    secondaryCluster?: rds.CfnDBCluster;
    backupReplicationKey?: kms.IKey;
  } {
    const { store, plan, recoveryRegion } = this.props;
    const replication = plan.replication;
    if (store.table) {
      // The replica first: finding out whether the table already has one resolves its replica
      // list, which costs twice as much once the point-in-time recovery wrapper is around it.
      // The wrapper renders replicas added before or after it alike.
      if (replication === 'dynamodb-global-table') addTableReplica(store.table, recoveryRegion);
      if (plan.pointInTimeRecovery) enableTablePitr(store.table, plan.pitrRetentionDays);
      if (replication === 'dynamodb-global-table-strong') {
        this.fail(
          'multi-Region strong consistency needs three Regions (or a witness) and is not rendered by ' +
            "continuity-kit yet; plan 'dynamodb-global-table' or configure the table yourself",
        );
      }
      retain(store.table.node.defaultChild, RemovalPolicy.RETAIN);
      return {};
    }
    if (store.bucket) {
      const cfn = store.bucket.node.defaultChild as s3.CfnBucket;
      if (plan.versioning) cfn.versioningConfiguration = { status: 'Enabled' };
      retain(cfn, RemovalPolicy.RETAIN);
      if (replication === 's3-crr' || replication === 's3-crr-rtc') {
        const scope = this.recoveryScope('recoveryTargetScope', 'S3 replica bucket');
        if (!scope) return {};
        const created = replicateBucket(store.bucket, scope, {
          replicationTimeControl: replication === 's3-crr-rtc',
        });
        return { replicaBucket: created.replicaBucket };
      }
      return {};
    }
    if (store.instance) {
      const cfn = store.instance.node.defaultChild as rds.CfnDBInstance;
      if (plan.multiAz) cfn.multiAz = true;
      if (plan.pointInTimeRecovery) cfn.backupRetentionPeriod = plan.pitrRetentionDays ?? 7;
      retain(cfn, RemovalPolicy.SNAPSHOT);
      if (replication === 'rds-read-replica') {
        const scope = this.recoveryScope('recoveryReplicaScope', 'RDS read replica');
        const vpc = this.recoveryVpcOrFail();
        if (!scope || !vpc) return {};
        return { readReplica: createReadReplica(store.instance, scope, vpc) };
      }
      if (replication === 'rds-backup-replication') {
        const encrypted = cfn.storageEncrypted === true;
        let key: kms.IKey | undefined;
        if (encrypted) {
          const scope = this.recoveryScope('recoveryTargetScope', 'key for replicated backups');
          if (!scope) return {};
          key = recoveryKey(scope, store.instance.node.path);
        }
        replicateInstanceBackups(store.instance, recoveryRegion, key, plan.pitrRetentionDays);
        return { backupReplicationKey: key };
      }
      return {};
    }
    if (store.cluster) {
      const cfn = store.cluster.node.defaultChild as rds.CfnDBCluster;
      if (plan.pointInTimeRecovery) cfn.backupRetentionPeriod = plan.pitrRetentionDays ?? 7;
      if (plan.multiAz && store.cluster.instanceIdentifiers.length < 2) {
        this.fail(
          `the plan needs Multi-AZ, but cluster ${store.cluster.node.path} has ` +
            `${store.cluster.instanceIdentifiers.length} instance(s); add a reader instance`,
        );
      }
      retain(cfn, RemovalPolicy.SNAPSHOT);
      if (replication === 'aurora-global-database') {
        const scope = this.recoveryScope('recoveryReplicaScope', 'Aurora secondary cluster');
        const vpc = this.recoveryVpcOrFail();
        if (!scope || !vpc) return {};
        const created = createGlobalDatabase(store.cluster, this, scope, vpc);
        return { globalCluster: created.globalCluster, secondaryCluster: created.secondaryCluster };
      }
      return {};
    }
    if (store.fileSystem) {
      retain(store.fileSystem.node.defaultChild, RemovalPolicy.RETAIN);
      if (replication === 'efs-replication') replicateFileSystem(store.fileSystem, recoveryRegion);
      return {};
    }
    if (store.volume) {
      retain(store.volume.node.defaultChild, RemovalPolicy.RETAIN);
    }
    return {};
  }

  private recoveryScope(
    prop: 'recoveryTargetScope' | 'recoveryReplicaScope',
    what: string,
  ): Construct | undefined {
    const given = this.props[prop];
    const scope = typeof given === 'function' ? given() : given;
    if (!scope) {
      this.fail(
        `the plan replicates with '${this.props.plan.replication}', which needs a ${what}; pass ${prop}`,
      );
      return undefined;
    }
    const region = Stack.of(scope).region;
    if (region !== this.props.recoveryRegion) {
      this.fail(
        `${prop} is in Region '${region}', expected the recovery Region '${this.props.recoveryRegion}'`,
      );
      return undefined;
    }
    // Unique per store and stable while the store's path is: ids must not depend on the tier.
    return new Construct(scope, `${this.node.id}${this.node.addr.slice(0, 8)}`);
  }

  private recoveryVpcOrFail(): ec2.IVpc | undefined {
    if (!this.props.recoveryVpc) {
      this.fail(
        `the plan replicates with '${this.props.plan.replication}' into the recovery Region, which ` +
          'needs a VPC there; pass recoveryVpc',
      );
    }
    return this.props.recoveryVpc;
  }

  private fail(message: string): void {
    Annotations.of(this).addError(message);
  }
}

function retain(resource: unknown, policy: RemovalPolicy): void {
  if (resource instanceof CfnResource) {
    resource.applyRemovalPolicy(policy);
  }
}
