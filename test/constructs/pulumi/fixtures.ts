import { STORE_KINDS } from '../../../lib/model';
import type {
  BackupRuleSpec,
  ComputePlan,
  ResourceKind,
  ServicePlan,
  StorePlan,
  TierPlan,
} from '../../../lib/model';

/** Regions every fixture uses. */
export const REGIONS = { primary: 'us-east-1', recovery: 'us-west-2' } as const;

/** A snapshot rule for every store kind. */
export function snapshotRule(overrides: Partial<BackupRuleSpec> = {}): BackupRuleSpec {
  return {
    name: 'hourly',
    scheduleExpression: 'cron(0 * * * ? *)',
    intervalHours: 1,
    startWindowMinutes: 60,
    completionWindowMinutes: 120,
    deleteAfterDays: 35,
    enableContinuousBackup: false,
    storeKinds: STORE_KINDS,
    ...overrides,
  };
}

/** A hand-built gold tier: hourly snapshots copied to the recovery Region, continuous backup
 * for the kinds that support it, a governance lock. */
export function goldTier(): TierPlan {
  return {
    tier: 'gold',
    rules: [
      snapshotRule({ copyToRecoveryRegion: { deleteAfterDays: 35 } }),
      snapshotRule({
        name: 'continuous',
        scheduleExpression: 'cron(0 5 * * ? *)',
        intervalHours: 24,
        enableContinuousBackup: true,
        storeKinds: ['rds', 'aurora', 's3'],
      }),
    ],
    vault: {
      lockMode: 'governance',
      minRetentionDays: 7,
      maxRetentionDays: 365,
      denyDeleteRecoveryPoints: true,
    },
    restoreTestEveryDays: 30,
  };
}

/** A hand-built bronze tier: daily snapshots moved to cold storage, no copy, no lock. */
export function bronzeTier(): TierPlan {
  return {
    tier: 'bronze',
    rules: [
      snapshotRule({
        name: 'daily',
        scheduleExpression: 'cron(0 3 * * ? *)',
        intervalHours: 24,
        startWindowMinutes: 480,
        completionWindowMinutes: 1440,
        deleteAfterDays: 120,
        moveToColdStorageAfterDays: 14,
      }),
    ],
    vault: { lockMode: 'none', denyDeleteRecoveryPoints: false },
    restoreTestEveryDays: 180,
  };
}

/** A store plan with nothing on unless asked. */
export function storePlan(
  kind: ResourceKind,
  logicalId: string,
  overrides: Partial<StorePlan> = {},
): StorePlan {
  return {
    resource: { kind, logicalId },
    pointInTimeRecovery: false,
    multiAz: false,
    versioning: false,
    backedUp: true,
    ...overrides,
  };
}

/** A compute plan. */
export function computePlan(
  kind: ResourceKind,
  logicalId: string,
  primaryCapacity: number,
  recoveryCapacity?: number,
): ComputePlan {
  return {
    resource: { kind, logicalId },
    primaryCapacity,
    availabilityZones: 2,
    ...(recoveryCapacity !== undefined ? { recoveryCapacity } : {}),
  };
}

/** A service plan with no stores, compute or alarms unless asked. */
export function servicePlan(overrides: Partial<ServicePlan> & { service: string }): ServicePlan {
  return {
    tier: 'gold',
    strategy: 'warm-standby',
    regions: REGIONS,
    stores: [],
    compute: [],
    alarms: [],
    faultInjection: [],
    predicted: {},
    findings: [],
    ...overrides,
  };
}
