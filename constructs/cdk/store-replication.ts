import { Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** Id of the S3 replication rule continuity-kit writes (also the `RuleId` metric dimension). */
export const S3_REPLICATION_RULE_ID = 'continuity-recovery-region';

/** Turns DynamoDB point-in-time recovery on for every replica of a `TableV2`, primary included. */
export function enableTablePitr(table: dynamodb.TableV2, retentionDays: number | undefined): void {
  const cfn = table.node.defaultChild as dynamodb.CfnGlobalTable;
  const original: unknown = cfn.replicas;
  const stack = Stack.of(table);
  // TableV2 renders its replica list lazily (the primary last); wrap it so replicas added later
  // get the setting too. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoverySpecification.html
  cfn.replicas = Lazy.uncachedAny({
    produce: () =>
      (stack.resolve(original) as Record<string, unknown>[]).map((replica) => ({
        ...replica,
        pointInTimeRecoverySpecification: {
          pointInTimeRecoveryEnabled: true,
          ...(retentionDays === undefined ? {} : { recoveryPeriodInDays: retentionDays }),
        },
      })),
  }) as unknown as dynamodb.CfnGlobalTable['replicas'];
}

/** Adds a replica of `table` in `region` unless it already has one. */
export function addTableReplica(table: dynamodb.TableV2, region: string): void {
  const cfn = table.node.defaultChild as dynamodb.CfnGlobalTable;
  const replicas = Stack.of(table).resolve(cfn.replicas) as { region?: string }[];
  if (!replicas.some((r) => r.region === region)) {
    table.addReplica({ region });
  }
}

/** What {@link replicateBucket} created. */
export interface BucketReplication {
  readonly replicaBucket: s3.Bucket;
  readonly role: iam.Role;
}

/**
 * Replicates `bucket` to a new versioned, encrypted bucket under `targetScope` (a stack in the
 * recovery Region deployed before the bucket's stack), with Replication Time Control when asked.
 */
export function replicateBucket(
  bucket: s3.Bucket,
  targetScope: Construct,
  options: { readonly replicationTimeControl: boolean },
): BucketReplication {
  const cfn = bucket.node.defaultChild as s3.CfnBucket;
  const sourceKey = bucket.encryptionKey;
  const replicaKey = sourceKey
    ? new kms.Key(targetScope, 'ReplicaKey', {
        enableKeyRotation: true,
        removalPolicy: RemovalPolicy.RETAIN,
        description: `Encrypts the recovery-Region replica of ${bucket.node.path}`,
      })
    : undefined;
  const replicaBucket = new s3.Bucket(targetScope, 'ReplicaBucket', {
    versioned: true,
    encryption: replicaKey ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
    encryptionKey: replicaKey,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const role = new iam.Role(bucket, 'ReplicationRole', {
    assumedBy: new iam.ServicePrincipal('s3.amazonaws.com'),
    description: `Replicates ${bucket.node.path} to the recovery Region`,
  });
  bucket.grantReplicationPermission(role, {
    sourceDecryptionKey: sourceKey,
    destinations: [{ bucket: replicaBucket, encryptionKey: replicaKey }],
  });
  // S3 RTC: `Minutes` must be 15 and metrics must be on; 99.99 % of objects within 15 minutes.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html
  const fifteen = { minutes: 15 };
  cfn.versioningConfiguration = { status: 'Enabled' };
  cfn.replicationConfiguration = {
    role: role.roleArn,
    rules: [
      {
        id: S3_REPLICATION_RULE_ID,
        status: 'Enabled',
        priority: 0,
        filter: { prefix: '' },
        // Deletes are not replicated: the replica then also survives an accidental delete.
        deleteMarkerReplication: { status: 'Disabled' },
        sourceSelectionCriteria: sourceKey
          ? { sseKmsEncryptedObjects: { status: 'Enabled' } }
          : undefined,
        destination: {
          bucket: replicaBucket.bucketArn,
          encryptionConfiguration: replicaKey ? { replicaKmsKeyId: replicaKey.keyArn } : undefined,
          metrics: options.replicationTimeControl
            ? { status: 'Enabled', eventThreshold: fifteen }
            : { status: 'Enabled' },
          replicationTime: options.replicationTimeControl
            ? { status: 'Enabled', time: fifteen }
            : undefined,
        },
      },
    ],
  };
  return { replicaBucket, role };
}

/** A DB subnet group and security group in the recovery VPC, for replicas. */
function recoveryNetwork(
  scope: Construct,
  vpc: ec2.IVpc,
): { subnetGroup: rds.CfnDBSubnetGroup; securityGroup: ec2.SecurityGroup } {
  const subnetGroup = new rds.CfnDBSubnetGroup(scope, 'SubnetGroup', {
    dbSubnetGroupDescription: `Recovery-Region subnets for ${scope.node.path}`,
    subnetIds: vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }).subnetIds,
  });
  const securityGroup = new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc,
    description: `Recovery-Region replica of ${scope.node.path}; no ingress until failover`,
    allowAllOutbound: false,
  });
  return { subnetGroup, securityGroup };
}

/** A customer-managed key for encrypted replicas in the recovery Region. */
export function recoveryKey(scope: Construct, what: string): kms.Key {
  return new kms.Key(scope, 'Key', {
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
    description: `Encrypts the recovery-Region copy of ${what}`,
  });
}

/** Creates a cross-Region read replica of `instance` under `replicaScope`. */
export function createReadReplica(
  instance: rds.DatabaseInstance,
  replicaScope: Construct,
  vpc: ec2.IVpc,
): rds.CfnDBInstance {
  const source = instance.node.defaultChild as rds.CfnDBInstance;
  const { subnetGroup, securityGroup } = recoveryNetwork(replicaScope, vpc);
  const encrypted = source.storageEncrypted === true;
  const key = encrypted ? recoveryKey(replicaScope, instance.node.path) : undefined;
  // A cross-Region replica names its source by ARN; encrypted ones need a key in their Region.
  // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.XRgn.html
  const replica = new rds.CfnDBInstance(replicaScope, 'Resource', {
    sourceDbInstanceIdentifier: instance.instanceArn,
    sourceRegion: Stack.of(instance).region,
    dbInstanceClass: source.dbInstanceClass,
    dbSubnetGroupName: subnetGroup.ref,
    vpcSecurityGroups: [securityGroup.securityGroupId],
    kmsKeyId: key?.keyArn,
    storageEncrypted: encrypted ? true : undefined,
    multiAz: source.multiAz,
    publiclyAccessible: false,
    copyTagsToSnapshot: true,
    deletionProtection: true,
  });
  replica.applyRemovalPolicy(RemovalPolicy.RETAIN);
  return replica;
}

/** What {@link createGlobalDatabase} created. */
export interface GlobalDatabase {
  readonly globalCluster: rds.CfnGlobalCluster;
  readonly secondaryCluster: rds.CfnDBCluster;
  readonly secondaryInstance: rds.CfnDBInstance;
}

/**
 * Makes `cluster` the primary of an Aurora global database, with a secondary cluster (one reader
 * instance) under `replicaScope` in the recovery Region.
 */
export function createGlobalDatabase(
  cluster: rds.DatabaseCluster,
  globalScope: Construct,
  replicaScope: Construct,
  vpc: ec2.IVpc,
): GlobalDatabase {
  const source = cluster.node.defaultChild as rds.CfnDBCluster;
  const globalCluster = new rds.CfnGlobalCluster(globalScope, 'GlobalCluster', {
    sourceDbClusterIdentifier: cluster.clusterArn,
    deletionProtection: true,
  });
  globalCluster.applyRemovalPolicy(RemovalPolicy.RETAIN);
  const { subnetGroup, securityGroup } = recoveryNetwork(replicaScope, vpc);
  const encrypted = source.storageEncrypted === true;
  const key = encrypted ? recoveryKey(replicaScope, cluster.node.path) : undefined;
  // https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-getting-started.html
  const secondaryCluster = new rds.CfnDBCluster(replicaScope, 'Resource', {
    engine: source.engine,
    engineVersion: source.engineVersion,
    globalClusterIdentifier: globalCluster.ref,
    dbSubnetGroupName: subnetGroup.ref,
    vpcSecurityGroupIds: [securityGroup.securityGroupId],
    storageEncrypted: encrypted ? true : undefined,
    kmsKeyId: key?.keyArn,
    copyTagsToSnapshot: true,
    deletionProtection: true,
    backupRetentionPeriod: source.backupRetentionPeriod,
    enableIamDatabaseAuthentication: source.enableIamDatabaseAuthentication,
    port: source.port,
  });
  secondaryCluster.applyRemovalPolicy(RemovalPolicy.RETAIN);
  const primaryInstance = cluster.node
    .findAll()
    .find((c): c is rds.CfnDBInstance => c instanceof rds.CfnDBInstance);
  const secondaryInstance = new rds.CfnDBInstance(replicaScope, 'Reader', {
    dbClusterIdentifier: secondaryCluster.ref,
    engine: source.engine,
    dbInstanceClass: primaryInstance?.dbInstanceClass ?? 'db.r6g.large',
    publiclyAccessible: false,
  });
  secondaryInstance.applyRemovalPolicy(RemovalPolicy.RETAIN);
  return { globalCluster, secondaryCluster, secondaryInstance };
}

/** Turns on RDS cross-Region automated backup replication, to a key in the recovery Region. */
export function replicateInstanceBackups(
  instance: rds.DatabaseInstance,
  region: string,
  key: kms.IKey | undefined,
  retentionDays: number | undefined,
): void {
  const cfn = instance.node.defaultChild as rds.CfnDBInstance;
  // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html
  cfn.automaticBackupReplicationRegion = region;
  cfn.automaticBackupReplicationKmsKeyId = key?.keyArn;
  cfn.automaticBackupReplicationRetentionPeriod = retentionDays;
}

/** Replicates `fileSystem` to a new Regional file system in `region`. */
export function replicateFileSystem(fileSystem: efs.FileSystem, region: string): void {
  const cfn = fileSystem.node.defaultChild as efs.CfnFileSystem;
  // One destination per file system; EFS creates the read-only replica itself.
  // https://docs.aws.amazon.com/efs/latest/ug/efs-replication.html
  cfn.replicationConfiguration = { destinations: [{ region }] };
}
