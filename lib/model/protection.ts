import type { Disruption, StoreKind, ComputeKind, Strategy } from './disruption';

/**
 * What protects one data store, normalized.
 *
 * The planner builds it from a plan (predicted objectives) and the engine builds it from the
 * resources actually in a template (achieved objectives); both then call the same objective
 * calculator, which is why a prediction and an assessment of the same design agree.
 * Only known values appear here: the engine reports unresolved settings as findings and leaves
 * the mechanism out.
 */
export interface StoreProtection {
  readonly kind: StoreKind;
  /** Region the store lives in. */
  readonly region: string;
  /** Size for restore-time estimates; `undefined` uses a size-independent estimate. */
  readonly sizeGiB?: number;
  /**
   * Survives the loss of one AZ without restore: RDS/Aurora Multi-AZ; always true for DynamoDB,
   * S3 and EFS Regional file systems.
   */
  readonly multiAz: boolean;
  /** Native point-in-time recovery (DynamoDB PITR, RDS/Aurora automated backups), if on. */
  readonly pointInTimeRecovery?: { readonly retentionDays: number };
  /** S3 versioning (protects against overwrite and delete in place). */
  readonly versioning?: boolean;
  /** AWS Backup rules that select this store. */
  readonly backups: readonly BackupProtection[];
  /** Live copies in other Regions. */
  readonly replicas: readonly ReplicaProtection[];
}

/** Lock state of a backup vault. */
export type VaultLockMode = 'none' | 'governance' | 'compliance';

/** Where a recovery point is stored. */
export interface RecoveryPointLocation {
  readonly region: string;
  /** True when the vault is in another AWS account. */
  readonly crossAccount: boolean;
  /** Vault lock on the vault. */
  readonly lock: VaultLockMode;
  /** Days each recovery point is kept; `undefined` keeps it forever. */
  readonly retentionDays?: number;
}

/** One AWS Backup rule as it applies to one store. */
export interface BackupProtection {
  /** Rule name, for explanations. */
  readonly ruleName: string;
  /** True for continuous backup (point-in-time restore to 1 s within the window). */
  readonly continuous: boolean;
  /** Worst-case seconds between two scheduled starts; unused for continuous rules. */
  readonly intervalSeconds: number;
  /** Start window in seconds (AWS default applies when the template leaves it out). */
  readonly startWindowSeconds: number;
  /** Completion window in seconds (AWS default applies when the template leaves it out). */
  readonly completionWindowSeconds: number;
  /** The vault the rule writes to. */
  readonly vault: RecoveryPointLocation;
  /** Copies made by the rule's copy actions. */
  readonly copies: readonly RecoveryPointLocation[];
}

/** Cross-region (or cross-AZ) live replication mechanisms. */
export const REPLICATION_MECHANISMS = [
  'dynamodb-global-table',
  'dynamodb-global-table-strong',
  's3-crr',
  's3-crr-rtc',
  'aurora-global-database',
  'rds-read-replica',
  'rds-backup-replication',
  'efs-replication',
] as const;

/** One of {@link REPLICATION_MECHANISMS}. */
export type ReplicationMechanism = (typeof REPLICATION_MECHANISMS)[number];

/** A live copy of a store in another Region. */
export interface ReplicaProtection {
  readonly mechanism: ReplicationMechanism;
  /** Region of the copy. */
  readonly region: string;
  /** True when the copy also has point-in-time recovery on (e.g. a global table replica). */
  readonly pointInTimeRecovery?: boolean;
}

/** What keeps one compute resource available, normalized. */
export interface ComputeProtection {
  readonly kind: ComputeKind;
  readonly region: string;
  /** Running capacity (tasks, instances, or 1 for Lambda) in the primary Region. */
  readonly primaryCapacity: number;
  /** Subnets/AZs the primary spans; 1 means a single AZ. */
  readonly availabilityZones: number;
  /**
   * Capacity in the recovery Region: `undefined` when nothing is defined there (redeploy from
   * code), 0 for pilot light (defined, scaled to zero), otherwise running capacity.
   */
  readonly recoveryCapacity?: number;
}

/** DNS failover in front of a service. */
export interface FailoverProtection {
  /** Health check request interval (10 or 30 s). */
  readonly healthCheckIntervalSeconds: number;
  /** Consecutive failures before unhealthy. */
  readonly failureThreshold: number;
  /** TTL of the failover records. */
  readonly ttlSeconds: number;
  /** `failover` (active/passive) or `latency` / `weighted` (active/active). */
  readonly routing: 'failover' | 'latency' | 'weighted';
}

/** Everything that protects one service. */
export interface ServiceProtection {
  readonly stores: readonly StoreProtection[];
  readonly compute: readonly ComputeProtection[];
  readonly failover?: FailoverProtection;
  /** Recovery Region of the spec, to judge which copies count for `region`. */
  readonly recoveryRegion: string;
}

/** Whether a number is guaranteed, documented as typical, or our estimate. */
export type Basis = 'sla' | 'documented-typical' | 'estimate';

/** What one disruption's recovery achieves, and why. */
export interface Achievement {
  /** Worst-case achievable RTO in seconds, or `null` when not recoverable. */
  readonly rtoSeconds: number | null;
  /** Worst-case achievable RPO in seconds, or `null` when not recoverable. */
  readonly rpoSeconds: number | null;
  /** The weakest basis among the numbers used. */
  readonly basis: Basis;
  /**
   * The arithmetic spelled out, e.g. `RPO 2h = 1h schedule + 1h start window`. The engine's
   * achievements write it when it is read (a getter, see `LazyAchievement`): read it once per use.
   */
  readonly explanation: readonly string[];
}

/** Achievements per disruption. */
export type Achievements = Readonly<Record<Disruption, Achievement>>;

/** Re-export for convenience. */
export type { Strategy };
