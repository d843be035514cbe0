import type { ReplicationMechanism, StoreKind } from '../model';

/** What AWS offers for one store kind. */
export interface StoreSupport {
  /** AWS Backup continuous backup (point-in-time restore) is available. */
  readonly continuousBackup: boolean;
  /** AWS Backup can move its recovery points to cold storage. */
  readonly coldStorage: boolean;
  /** The service has its own point-in-time recovery (DynamoDB PITR, RDS automated backups). */
  readonly nativePitr: boolean;
  /** The store spans Availability Zones without any setting (Regional services). */
  readonly multiAzByDefault: boolean;
  /** The store can be made Multi-AZ by a setting. */
  readonly multiAzOption: boolean;
  /** Cross-Region replication mechanisms, cheapest (loosest RPO) first. */
  readonly replication: readonly ReplicationMechanism[];
}

/**
 * Which mechanisms exist per store kind.
 *
 * Continuous backup: AWS Backup supports it for RDS, Aurora and S3 (and SAP HANA).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html
 * Cold storage: supported for DynamoDB (advanced features), EFS, EBS and others; not for RDS,
 * Aurora or S3 snapshots. https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-feature-availability.html
 */
export const STORE_SUPPORT = {
  dynamodb: {
    continuousBackup: false,
    coldStorage: true,
    nativePitr: true,
    multiAzByDefault: true,
    multiAzOption: false,
    replication: ['dynamodb-global-table', 'dynamodb-global-table-strong'],
  },
  s3: {
    continuousBackup: true,
    coldStorage: false,
    nativePitr: false,
    multiAzByDefault: true,
    multiAzOption: false,
    replication: ['s3-crr', 's3-crr-rtc'],
  },
  rds: {
    continuousBackup: true,
    coldStorage: false,
    nativePitr: true,
    multiAzByDefault: false,
    multiAzOption: true,
    replication: ['rds-backup-replication', 'rds-read-replica'],
  },
  aurora: {
    continuousBackup: true,
    coldStorage: false,
    nativePitr: true,
    multiAzByDefault: false,
    multiAzOption: true,
    replication: ['aurora-global-database'],
  },
  efs: {
    continuousBackup: false,
    coldStorage: true,
    nativePitr: false,
    multiAzByDefault: true,
    multiAzOption: false,
    replication: ['efs-replication'],
  },
  ebs: {
    continuousBackup: false,
    coldStorage: true,
    nativePitr: false,
    multiAzByDefault: false,
    multiAzOption: false,
    replication: [],
  },
} as const satisfies Record<StoreKind, StoreSupport>;
