import type { Disruption, StoreKind } from '../model';
import type { Fact } from './doc-source';
import { SOURCES } from './sources';

const MIN = 60;
const HOUR = 3600;

/**
 * One protection mechanism and the best worst-case objectives it can give.
 *
 * `rpo` / `rto` are the best a correctly configured mechanism reaches; the objective calculator
 * derives the real numbers from the configuration (schedule, windows, size). `rto: 'restore'`
 * means "restore a new resource": see {@link RESTORE_ESTIMATES}.
 */
export interface Capability {
  /** Stable id, e.g. `s3-crr-rtc`. */
  readonly id: string;
  /** Human name, as AWS calls it. */
  readonly title: string;
  /** Store kinds the mechanism exists for. */
  readonly storeKinds: readonly StoreKind[];
  /** Disruptions it recovers from. */
  readonly disruptions: readonly Disruption[];
  /** Best worst-case RPO. */
  readonly rpo: Fact;
  /** Best worst-case RTO, or `restore` for a size-dependent restore. */
  readonly rto: Fact | 'restore';
}

const ALL_STORES: readonly StoreKind[] = ['dynamodb', 's3', 'rds', 'aurora', 'efs', 'ebs'];

/**
 * The capability table: every mechanism continuity-kit reasons about, with its AWS source.
 *
 * Worst case, not typical: where AWS only gives a typical figure the basis says so, and where AWS
 * gives none we estimate conservatively and mark it `estimate`.
 */
export const CAPABILITIES = [
  {
    id: 'backup-snapshot',
    title: 'AWS Backup snapshot rule',
    storeKinds: ALL_STORES,
    // account: only when the recovery point sits in a compliance-locked or cross-account vault
    disruptions: ['application', 'az', 'account'],
    rpo: {
      seconds: 2 * HOUR,
      basis: 'documented-typical',
      source: SOURCES.backupRuleInput,
      note:
        'worst case = schedule interval (at most hourly) + start window (>= 60 min when set) + ' +
        'completion window; 2 h is the floor before the job duration is added',
    },
    rto: 'restore',
  },
  {
    id: 'backup-continuous-rds',
    title: 'AWS Backup continuous backup (RDS, Aurora)',
    storeKinds: ['rds', 'aurora'],
    disruptions: ['application', 'az', 'account'],
    rpo: {
      seconds: 5 * MIN,
      basis: 'documented-typical',
      source: SOURCES.rdsPitr,
      note: 'continuous backup uses RDS point-in-time recovery; the latest restorable time is typically within the last 5 minutes',
    },
    rto: 'restore',
  },
  {
    id: 'backup-continuous-s3',
    title: 'AWS Backup continuous backup (S3)',
    storeKinds: ['s3'],
    disruptions: ['application', 'az', 'account'],
    rpo: {
      seconds: 15 * MIN,
      basis: 'estimate',
      source: SOURCES.backupContinuous,
      note: 'restore to 1 s precision within 1-35 days; AWS states no lag for the latest restorable point, we assume 15 min',
    },
    rto: 'restore',
  },
  {
    id: 'backup-copy-cross-region',
    title: 'AWS Backup copy action to another Region or account',
    storeKinds: ALL_STORES,
    disruptions: ['region', 'account'],
    rpo: {
      seconds: 2 * HOUR,
      basis: 'estimate',
      source: SOURCES.backupCrossRegion,
      note: 'source rule RPO + copy job duration (no SLA); copies run after each backup job, even for continuous rules',
    },
    rto: 'restore',
  },
  {
    id: 'dynamodb-pitr',
    title: 'DynamoDB point-in-time recovery',
    storeKinds: ['dynamodb'],
    disruptions: ['application', 'az'],
    rpo: {
      seconds: 5 * MIN,
      basis: 'documented-typical',
      source: SOURCES.dynamodbPitr,
      note: 'LatestRestorableDateTime is typically 5 minutes before the current time; window 1-35 days',
    },
    rto: 'restore',
  },
  {
    id: 'rds-pitr',
    title: 'RDS / Aurora automated backups (point-in-time recovery)',
    storeKinds: ['rds', 'aurora'],
    disruptions: ['application', 'az'],
    rpo: {
      seconds: 5 * MIN,
      basis: 'documented-typical',
      source: SOURCES.rdsPitr,
      note: 'the latest restorable time is typically within the last 5 minutes; retention 1-35 days',
    },
    rto: 'restore',
  },
  {
    id: 's3-versioning',
    title: 'S3 Versioning',
    storeKinds: ['s3'],
    disruptions: ['application'],
    rpo: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.s3Versioning,
      note: 'every overwrite and delete keeps the previous version in place',
    },
    rto: 'restore',
  },
  {
    id: 'regional-store',
    title: 'Regional service spanning Availability Zones (DynamoDB, S3, EFS Regional)',
    storeKinds: ['dynamodb', 's3', 'efs'],
    disruptions: ['az'],
    rpo: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.dynamodbResilience,
      note: 'data is stored redundantly across multiple Availability Zones of the Region',
    },
    rto: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.s3Durability,
      note: 'the service keeps serving from the remaining Availability Zones',
    },
  },
  {
    id: 'rds-multi-az-instance',
    title: 'RDS Multi-AZ DB instance',
    storeKinds: ['rds'],
    disruptions: ['az'],
    rpo: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.rdsMultiAzFailover,
      note: 'synchronous standby in another Availability Zone',
    },
    rto: {
      seconds: 120,
      basis: 'documented-typical',
      source: SOURCES.rdsMultiAzFailover,
      note: 'failover times are typically 60-120 seconds; large transactions can make it longer',
    },
  },
  {
    id: 'rds-multi-az-cluster',
    title: 'RDS Multi-AZ DB cluster',
    storeKinds: ['rds'],
    disruptions: ['az'],
    rpo: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.rdsMultiAzClusterFailover,
      note: 'semi-synchronous readable standbys in two other Availability Zones',
    },
    rto: {
      seconds: 35,
      basis: 'documented-typical',
      source: SOURCES.rdsMultiAzClusterFailover,
      note: 'failover times are typically under 35 seconds',
    },
  },
  {
    id: 'aurora-replica-failover',
    title: 'Aurora cluster with a replica in another Availability Zone',
    storeKinds: ['aurora'],
    disruptions: ['az'],
    rpo: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.auroraHa,
      note: 'the cluster volume keeps six copies across three Availability Zones',
    },
    rto: {
      seconds: 120,
      basis: 'documented-typical',
      source: SOURCES.auroraHa,
      note: 'Aurora promotes a replica; service is typically restored in under 120 seconds',
    },
  },
  {
    id: 'aurora-recreate-writer',
    title: 'Aurora cluster without replicas (writer recreated)',
    storeKinds: ['aurora'],
    disruptions: ['az'],
    rpo: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.auroraHa,
      note: 'the cluster volume survives the loss of an Availability Zone',
    },
    rto: {
      seconds: 30 * MIN,
      basis: 'estimate',
      source: SOURCES.auroraHa,
      note: 'Aurora recreates the writer on a best-effort basis; we assume 30 minutes',
    },
  },
  {
    id: 'dynamodb-global-table',
    title: 'DynamoDB global table (multi-Region eventual consistency)',
    storeKinds: ['dynamodb'],
    disruptions: ['region'],
    rpo: {
      seconds: 1,
      basis: 'documented-typical',
      source: SOURCES.dynamodbGlobalTables,
      note: 'asynchronous replication, typically within one second (ReplicationLatency metric)',
    },
    rto: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.dynamodbGlobalTables,
      note: 'every replica accepts reads and writes; only traffic must move',
    },
  },
  {
    id: 'dynamodb-global-table-strong',
    title: 'DynamoDB global table (multi-Region strong consistency)',
    storeKinds: ['dynamodb'],
    disruptions: ['region'],
    rpo: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.dynamodbStrong,
      note: 'writes are synchronously replicated before they succeed',
    },
    rto: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.dynamodbStrong,
      note: 'every replica accepts reads and writes; only traffic must move',
    },
  },
  {
    id: 's3-crr',
    title: 'S3 Cross-Region Replication (no Replication Time Control)',
    storeKinds: ['s3'],
    disruptions: ['region'],
    rpo: {
      seconds: 24 * HOUR,
      basis: 'estimate',
      source: SOURCES.s3Replication,
      note: 'most objects replicate within 15 minutes but some take hours or more; no guarantee, we assume up to 24 h',
    },
    rto: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.s3Replication,
      note: 'the replica bucket is readable at once; pointing the application at it is compute failover',
    },
  },
  {
    id: 's3-crr-rtc',
    title: 'S3 Cross-Region Replication with Replication Time Control',
    storeKinds: ['s3'],
    disruptions: ['region'],
    rpo: {
      seconds: 15 * MIN,
      basis: 'sla',
      source: SOURCES.s3RtcSla,
      note: '99.99% of objects within 15 minutes, backed by an SLA (99.9% monthly); Minutes must be 15 and Metrics on',
    },
    rto: {
      seconds: 0,
      basis: 'documented-typical',
      source: SOURCES.s3Rtc,
      note: 'the replica bucket is readable at once; pointing the application at it is compute failover',
    },
  },
  {
    id: 'aurora-global-database',
    title: 'Aurora global database',
    storeKinds: ['aurora'],
    disruptions: ['region'],
    rpo: {
      seconds: 1,
      basis: 'documented-typical',
      source: SOURCES.auroraGlobal,
      note: 'storage-based replication, lag typically under one second',
    },
    rto: {
      seconds: 60,
      basis: 'documented-typical',
      source: SOURCES.auroraGlobalFailover,
      note: 'managed failover promotes a secondary cluster, typically in about a minute',
    },
  },
  {
    id: 'rds-read-replica',
    title: 'RDS cross-Region read replica',
    storeKinds: ['rds'],
    disruptions: ['region'],
    rpo: {
      seconds: 5 * MIN,
      basis: 'estimate',
      source: SOURCES.rdsCrossRegionReplica,
      note: 'asynchronous; replica lag has no bound (seconds to minutes); we assume 5 minutes and alarm on ReplicaLag',
    },
    rto: {
      seconds: 15 * MIN,
      basis: 'estimate',
      source: SOURCES.rdsPromoteReplica,
      note: 'promotion takes a few minutes plus an endpoint change; we assume 15 minutes',
    },
  },
  {
    id: 'rds-backup-replication',
    title: 'RDS cross-Region automated backup replication',
    // RDS DB instances only; Aurora uses global databases or AWS Backup copies instead
    storeKinds: ['rds'],
    disruptions: ['region'],
    rpo: {
      seconds: 30 * MIN,
      basis: 'estimate',
      source: SOURCES.rdsDrGuidance,
      note: 'replicated snapshots and transaction logs lag minutes behind (5-30 min); we assume 30 minutes',
    },
    rto: 'restore',
  },
  {
    id: 'efs-replication',
    title: 'Amazon EFS replication',
    storeKinds: ['efs'],
    disruptions: ['region'],
    rpo: {
      seconds: 15 * MIN,
      basis: 'documented-typical',
      source: SOURCES.efsReplication,
      note: 'an RPO of 15 minutes for most file systems; large or busy file systems can lag more',
    },
    rto: {
      seconds: 15 * MIN,
      basis: 'estimate',
      source: SOURCES.efsReplication,
      note: 'fail over by deleting the replication configuration to make the replica writable; we assume 15 minutes',
    },
  },
] as const satisfies readonly Capability[];

/** Id of one row of {@link CAPABILITIES}. */
export type CapabilityId = (typeof CAPABILITIES)[number]['id'];

/** The capability row with this id. */
export function capability(id: CapabilityId): Capability {
  const found = CAPABILITIES.find((c) => c.id === id);
  if (!found)
    throw new Error(
      `capability '${id}' is not in the table; use one of ${CAPABILITIES.map((c) => c.id).join(', ')}`,
    );
  return found;
}
