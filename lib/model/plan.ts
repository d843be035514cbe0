import type { Disruption, ResourceKind, Strategy } from './disruption';
import type { Finding } from './finding';
import type { Achievement, ReplicationMechanism, VaultLockMode } from './protection';
import type { RegionPair, ResourceRef } from './spec';

/** One AWS Backup rule, backend-neutral. Renderers translate it field by field. */
export interface BackupRuleSpec {
  /** Rule name, unique within the plan (e.g. `hourly`, `continuous`). */
  readonly name: string;
  /** Cron schedule expression (AWS Backup syntax), e.g. `cron(0 * * * ? *)`. */
  readonly scheduleExpression: string;
  /** Hours between two scheduled starts (derived from the schedule; at least 1). */
  readonly intervalHours: number;
  /** Minutes a job may wait to start (AWS Backup minimum when set: 60). */
  readonly startWindowMinutes: number;
  /** Minutes a job may run before it is cancelled. */
  readonly completionWindowMinutes: number;
  /** Days each recovery point is kept. */
  readonly deleteAfterDays: number;
  /**
   * Days before recovery points move to cold storage.
   *
   * @default - never (cold storage is only planned where it is valid)
   */
  readonly moveToColdStorageAfterDays?: number;
  /** Continuous backup (point-in-time restore) for the resource types that support it. */
  readonly enableContinuousBackup: boolean;
  /**
   * Copy each recovery point to the recovery-region vault, keeping it this many days.
   *
   * @default - no copy
   */
  readonly copyToRecoveryRegion?: { readonly deleteAfterDays: number };
  /** Store kinds this rule should select (continuous rules only select kinds that support it). */
  readonly storeKinds: readonly ResourceKind[];
}

/** Settings of a backup vault. */
export interface VaultSpec {
  /** Vault lock mode; `compliance` is irreversible after the cooling-off period. */
  readonly lockMode: VaultLockMode;
  /** Lock's minimum retention in days (rules keeping less fail their jobs). */
  readonly minRetentionDays?: number;
  /** Lock's maximum retention in days. */
  readonly maxRetentionDays?: number;
  /** Cooling-off days for compliance mode (AWS minimum 3). */
  readonly changeableForDays?: number;
  /** Deny `backup:DeleteRecoveryPoint` in the vault access policy. */
  readonly denyDeleteRecoveryPoints: boolean;
}

/** AWS Backup restore testing of one tier's recovery points. */
export interface RestoreTestingSpec {
  /** Cron schedule (AWS Backup syntax) that runs at least every `restoreTestEveryDays`. */
  readonly scheduleExpression: string;
  /** Longest gap in days between two scheduled runs (never more than `restoreTestEveryDays`). */
  readonly intervalDays: number;
  /** Hours a scheduled restore test may wait to start (1–168). */
  readonly startWindowHours: number;
  /** Only recovery points created within this many days are tested (1–365). */
  readonly selectionWindowDays: number;
  /** Recovery point types tested: `SNAPSHOT`, plus `CONTINUOUS` when the tier keeps continuous backups. */
  readonly recoveryPointTypes: readonly ('SNAPSHOT' | 'CONTINUOUS')[];
  /** Hours a restored resource is kept for validation before AWS Backup deletes it (0–168). */
  readonly validationWindowHours: number;
  /**
   * Longest a restore may run, in minutes: the tier's `application` RTO (restores recover from
   * it), else its smallest declared RTO.
   *
   * @default - no restore-time target (the tier declares no objective)
   */
  readonly maxRestoreMinutes?: number;
}

/** The backup plan and vaults shared by every service at one tier. */
export interface TierPlan {
  readonly tier: string;
  readonly rules: readonly BackupRuleSpec[];
  readonly vault: VaultSpec;
  /** Days between restore tests (AWS Backup restore testing). */
  readonly restoreTestEveryDays: number;
  /**
   * How restore tests run.
   *
   * @default - derived from `restoreTestEveryDays` by `restoreTestingOf` (no restore-time target)
   */
  readonly restoreTesting?: RestoreTestingSpec;
}

/** Protection planned for one store. */
export interface StorePlan {
  readonly resource: ResourceRef;
  /** Native point-in-time recovery on the store (DynamoDB PITR, RDS backup retention). */
  readonly pointInTimeRecovery: boolean;
  /** Days of native PITR retention (1–35), when on. */
  readonly pitrRetentionDays?: number;
  /** RDS/Aurora Multi-AZ. */
  readonly multiAz: boolean;
  /** S3 versioning. */
  readonly versioning: boolean;
  /** Cross-region replication to the recovery Region, if any. */
  readonly replication?: ReplicationMechanism;
  /** Selected by the tier's backup plan. */
  readonly backedUp: boolean;
}

/** Standby plan for one compute resource. */
export interface ComputePlan {
  readonly resource: ResourceRef;
  /** Running capacity in the primary Region. */
  readonly primaryCapacity: number;
  /** Availability Zones to spread over in the primary Region. */
  readonly availabilityZones: number;
  /**
   * Capacity in the recovery Region: `undefined` redeploys from code, 0 is pilot light.
   */
  readonly recoveryCapacity?: number;
}

/** Route 53 health checks and records in front of a service. */
export interface FailoverPlan {
  readonly routing: 'failover' | 'latency';
  readonly healthCheckIntervalSeconds: 10 | 30;
  readonly failureThreshold: number;
  readonly ttlSeconds: number;
}

/** What a CloudWatch alarm watches. */
export const ALARM_SIGNALS = [
  'backup-job-failed',
  'copy-job-failed',
  'restore-job-failed',
  's3-replication-latency',
  's3-replication-failed',
  'dynamodb-replication-latency',
  'aurora-global-replication-lag',
  'rds-replica-lag',
  'efs-time-since-last-sync',
  'health-check-status',
  'asg-in-service-instances',
  'lambda-errors',
] as const;
/** One of {@link ALARM_SIGNALS}. */
export type AlarmSignal = (typeof ALARM_SIGNALS)[number];

/** One alarm or event rule the renderers create. */
export interface AlarmSpec {
  readonly signal: AlarmSignal;
  /**
   * Threshold in seconds for lag signals (derived from the RPO); count for failure signals;
   * for `asg-in-service-instances`, the fewest instances in service before the alarm fires.
   */
  readonly threshold: number;
  /** The store or compute it watches, if specific. */
  readonly resource?: ResourceRef;
}

/** AWS FIS experiment to run as a drill. */
export interface FaultInjectionSpec {
  readonly disruption: Disruption;
  /** FIS action id, e.g. `aws:network:disrupt-connectivity`. */
  readonly action: string;
  readonly durationMinutes: number;
  /**
   * Alarm signals of the service that stop the experiment (those the drill does not trip by
   * design, e.g. not the replication lag of a drill that pauses replication).
   *
   * @default - no stop condition from the plan
   */
  readonly stopOnSignals?: readonly AlarmSignal[];
}

/** The plan for one service. */
export interface ServicePlan {
  readonly service: string;
  readonly tier: string;
  readonly strategy: Strategy;
  readonly regions: RegionPair;
  readonly stores: readonly StorePlan[];
  readonly compute: readonly ComputePlan[];
  readonly failover?: FailoverPlan;
  readonly alarms: readonly AlarmSpec[];
  readonly faultInjection: readonly FaultInjectionSpec[];
  /** Predicted worst-case achievement per declared disruption. */
  readonly predicted: Readonly<Partial<Record<Disruption, Achievement>>>;
  /** Why a declared objective cannot be met, if so. */
  readonly findings: readonly Finding[];
}

/** The whole plan for a spec. */
export interface ContinuityPlan {
  readonly regions: RegionPair;
  readonly tiers: readonly TierPlan[];
  readonly services: readonly ServicePlan[];
}
