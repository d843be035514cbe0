import type { StoreKind } from '../model';
import type { DocSource, Fact } from './doc-source';
import { SOURCES } from './sources';

const MIN = 60;
const HOUR = 3600;

/** How long restoring one store kind takes: a fixed part plus a size-dependent part. */
export interface RestoreEstimate {
  /** Fixed time to create the new resource, in seconds. */
  readonly baseSeconds: number;
  /** Data restored per hour once the resource exists, in GiB. */
  readonly gibPerHour: number;
  /** Always `estimate`: AWS gives no restore SLA. */
  readonly basis: 'estimate';
  readonly source: DocSource;
  readonly note: string;
}

/** Size assumed when a resource declares none (the result is flagged as size-independent). */
export const DEFAULT_SIZE_GIB = 100;

/**
 * Restore-throughput estimates per store kind.
 *
 * AWS publishes no restore-time guarantee for any of these; the numbers are conservative
 * estimates so that a plan that passes on them has margin. Override by declaring `sizeGiB`.
 */
export const RESTORE_ESTIMATES = {
  dynamodb: {
    baseSeconds: 30 * MIN,
    gibPerHour: 200,
    basis: 'estimate',
    source: SOURCES.dynamodbPitr,
    note: 'a restore creates a new table; duration grows with table size and partition count',
  },
  s3: {
    baseSeconds: 30 * MIN,
    gibPerHour: 50,
    basis: 'estimate',
    source: SOURCES.backupRestore,
    note: 'objects are restored one by one; object count matters as much as size',
  },
  rds: {
    baseSeconds: 30 * MIN,
    gibPerHour: 200,
    basis: 'estimate',
    source: SOURCES.rdsPitr,
    note: 'a restore creates a new DB instance and replays transaction logs to the chosen time',
  },
  aurora: {
    baseSeconds: 30 * MIN,
    gibPerHour: 300,
    basis: 'estimate',
    source: SOURCES.rdsPitr,
    note: 'a restore creates a new cluster and then its instances',
  },
  efs: {
    baseSeconds: 30 * MIN,
    gibPerHour: 100,
    basis: 'estimate',
    source: SOURCES.backupRestore,
    note: 'AWS Backup restores into a new directory or file system; file count matters',
  },
  ebs: {
    baseSeconds: 15 * MIN,
    gibPerHour: 1000,
    basis: 'estimate',
    source: SOURCES.ebsRestore,
    note: 'a volume from a snapshot is usable within minutes and lazy-loads its blocks',
  },
} as const satisfies Record<StoreKind, RestoreEstimate>;

/** Estimated seconds to restore a store of this kind and size (size unknown: {@link DEFAULT_SIZE_GIB}). */
export function restoreSeconds(kind: StoreKind, sizeGiB?: number): number {
  const e: RestoreEstimate = RESTORE_ESTIMATES[kind];
  const size = sizeGiB ?? DEFAULT_SIZE_GIB;
  return Math.round(e.baseSeconds + (size / e.gibPerHour) * HOUR);
}

/**
 * Time a cross-Region or cross-account copy job takes after its backup job completes.
 *
 * AWS Backup gives no copy SLA; EBS time-based copies target 15 min to 48 h. We estimate a
 * fixed hour plus throughput.
 */
export const COPY_ESTIMATE = {
  baseSeconds: HOUR,
  gibPerHour: 200,
  basis: 'estimate',
  source: SOURCES.backupCrossRegion,
  note: 'copy jobs start after the backup job completes and have no completion guarantee',
} as const satisfies RestoreEstimate;

/** Estimated seconds for one copy job of a store of this size. */
export function copySeconds(sizeGiB?: number): number {
  const size = sizeGiB ?? DEFAULT_SIZE_GIB;
  return Math.round(COPY_ESTIMATE.baseSeconds + (size / COPY_ESTIMATE.gibPerHour) * HOUR);
}

/** Minimum completion target of an EBS time-based snapshot copy. */
export const EBS_TIME_BASED_COPY_MIN: Fact = {
  seconds: 15 * MIN,
  basis: 'documented-typical',
  source: SOURCES.ebsTimeBasedCopy,
  note: 'time-based copies accept a completion duration from 15 minutes to 48 hours',
};
