import { STORE_SUPPORT } from '../facts';
import type { ReplicationMechanism, StoreKind } from '../model';

/** Store-level choices the planner makes for one store (the backup rule is chosen per tier). */
export interface StoreOptions {
  readonly pointInTimeRecovery: boolean;
  readonly multiAz: boolean;
  readonly versioning: boolean;
  readonly replication?: ReplicationMechanism;
}

/**
 * Relative yearly cost of each replication mechanism, from the standby it implies: a copy of the
 * data (S3, EFS, backups) is cheaper than live database capacity in a second Region.
 */
export const REPLICATION_COST: Record<ReplicationMechanism, number> = {
  'rds-backup-replication': 6,
  's3-crr': 8,
  's3-crr-rtc': 10,
  'efs-replication': 12,
  'dynamodb-global-table': 15,
  'rds-read-replica': 20,
  'aurora-global-database': 25,
  'dynamodb-global-table-strong': 30,
};

/** Relative cost of store options (heuristic; only the order matters). */
export function optionsCost(o: StoreOptions): number {
  return (
    (o.pointInTimeRecovery ? 2 : 0) +
    (o.multiAz ? 10 : 0) +
    (o.versioning ? 0.5 : 0) +
    (o.replication ? REPLICATION_COST[o.replication] : 0)
  );
}

/** Every option set the planner considers for a store kind. */
export function allStoreOptions(kind: StoreKind): readonly StoreOptions[] {
  const s = STORE_SUPPORT[kind];
  const out: StoreOptions[] = [];
  for (const pointInTimeRecovery of s.nativePitr ? [false, true] : [false]) {
    for (const multiAz of s.multiAzOption ? [false, true] : [s.multiAzByDefault]) {
      // AWS Backup can only back up S3 buckets with versioning on, and replication needs it too
      // https://docs.aws.amazon.com/aws-backup/latest/devguide/s3-backups.html
      for (const versioning of [kind === 's3']) {
        for (const replication of [undefined, ...s.replication]) {
          out.push({
            pointInTimeRecovery,
            multiAz,
            versioning,
            ...(replication ? { replication } : {}),
          });
        }
      }
    }
  }
  return out;
}
