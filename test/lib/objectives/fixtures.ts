import type {
  BackupProtection,
  RecoveryPointLocation,
  ServiceProtection,
  StoreProtection,
} from '../../../lib/model';

export const PRIMARY = 'us-east-1';
export const RECOVERY = 'us-west-2';
export const H = 3600;
export const MIN = 60;

/** A vault location; unlocked in the primary Region unless changed. */
export function location(change: Partial<RecoveryPointLocation> = {}): RecoveryPointLocation {
  return { region: PRIMARY, crossAccount: false, lock: 'none', retentionDays: 35, ...change };
}

/** An hourly snapshot rule with a 1 h start window and 2 h completion window. */
export function rule(change: Partial<BackupProtection> = {}): BackupProtection {
  return {
    ruleName: 'hourly',
    continuous: false,
    intervalSeconds: H,
    startWindowSeconds: H,
    completionWindowSeconds: 2 * H,
    vault: location(),
    copies: [],
    ...change,
  };
}

/** An unprotected store of a kind, 100 GiB. */
export function store(
  kind: StoreProtection['kind'],
  change: Partial<StoreProtection> = {},
): StoreProtection {
  return {
    kind,
    region: PRIMARY,
    sizeGiB: 100,
    multiAz: kind === 'dynamodb' || kind === 's3' || kind === 'efs',
    backups: [],
    replicas: [],
    ...change,
  };
}

/** A service around stores. */
export function service(
  stores: StoreProtection[],
  change: Partial<ServiceProtection> = {},
): ServiceProtection {
  return { stores, compute: [], recoveryRegion: RECOVERY, ...change };
}
