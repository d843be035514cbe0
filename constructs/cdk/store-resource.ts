import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as efs from 'aws-cdk-lib/aws-efs';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { StoreKind } from '../../lib/model';

/**
 * A data store to protect: one of the supported L2 constructs, created by you or by
 * {@link ContinuityStacks}.
 *
 * Use the static factories; the kind decides which settings a {@link ProtectedStore} applies.
 */
export class StoreResource {
  /** A DynamoDB table (`TableV2`, which renders `AWS::DynamoDB::GlobalTable` and takes replicas). */
  public static fromTable(table: dynamodb.TableV2): StoreResource {
    return new StoreResource('dynamodb', table, { table });
  }

  /** An S3 bucket. */
  public static fromBucket(bucket: s3.Bucket): StoreResource {
    return new StoreResource('s3', bucket, { bucket });
  }

  /** An RDS DB instance. */
  public static fromDatabaseInstance(instance: rds.DatabaseInstance): StoreResource {
    return new StoreResource('rds', instance, { instance });
  }

  /** An Aurora DB cluster. */
  public static fromDatabaseCluster(cluster: rds.DatabaseCluster): StoreResource {
    return new StoreResource('aurora', cluster, { cluster });
  }

  /** An EFS file system. */
  public static fromFileSystem(fileSystem: efs.FileSystem): StoreResource {
    return new StoreResource('efs', fileSystem, { fileSystem });
  }

  /** An EBS volume (protected by AWS Backup snapshots only). */
  public static fromVolume(volume: ec2.Volume): StoreResource {
    return new StoreResource('ebs', volume, { volume });
  }

  /** The table, when the kind is `dynamodb`. */
  public readonly table?: dynamodb.TableV2;
  /** The bucket, when the kind is `s3`. */
  public readonly bucket?: s3.Bucket;
  /** The DB instance, when the kind is `rds`. */
  public readonly instance?: rds.DatabaseInstance;
  /** The DB cluster, when the kind is `aurora`. */
  public readonly cluster?: rds.DatabaseCluster;
  /** The file system, when the kind is `efs`. */
  public readonly fileSystem?: efs.FileSystem;
  /** The volume, when the kind is `ebs`. */
  public readonly volume?: ec2.Volume;

  private constructor(
    /** What kind of store this is. */
    public readonly kind: StoreKind,
    /** The L2 construct. */
    public readonly construct: IConstruct,
    parts: {
      table?: dynamodb.TableV2;
      bucket?: s3.Bucket;
      instance?: rds.DatabaseInstance;
      cluster?: rds.DatabaseCluster;
      fileSystem?: efs.FileSystem;
      volume?: ec2.Volume;
    },
  ) {
    this.table = parts.table;
    this.bucket = parts.bucket;
    this.instance = parts.instance;
    this.cluster = parts.cluster;
    this.fileSystem = parts.fileSystem;
    this.volume = parts.volume;
  }
}
