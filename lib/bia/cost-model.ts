import type { StoreKind, Strategy } from '../model/disruption';

/** Where one list price comes from. */
export interface PriceSource {
  /** Cost-model field the price feeds, e.g. `backupStoragePerGiBMonth.dynamodb`. */
  readonly item: string;
  /** The price, in USD. */
  readonly usd: number;
  /** Unit of the price, e.g. `GiB-month`. */
  readonly unit: string;
  /** Page the price was read from. */
  readonly url: string;
  /** Date (YYYY-MM-DD) of the price: the page's publication date, or the day it was read. */
  readonly asOf: string;
}

/**
 * Prices and assumptions that turn a tier's strategy into an annual running cost.
 *
 * Every price is a list price in USD, us-east-1, as of the date in {@link CostModel.sources};
 * override any of them in the BIA file's `costModel` section with your own (discounted) rates.
 */
export interface CostModel {
  /** AWS Backup / snapshot storage per GiB-month of recovery points, per store kind. */
  readonly backupStoragePerGiBMonth: Readonly<Record<StoreKind, number>>;
  /** Extra charge for continuous backup / point-in-time recovery per GiB-month of store size. */
  readonly pitrPerGiBMonth: Readonly<Record<StoreKind, number>>;
  /** Storage of a live replica in the recovery Region per GiB-month, per store kind. */
  readonly replicaStoragePerGiBMonth: Readonly<Record<StoreKind, number>>;
  /** Data transfer between Regions (copies, replication) per GiB. */
  readonly crossRegionTransferPerGiB: number;
  /** One Route 53 health check on an AWS endpoint, per month. */
  readonly healthCheckPerMonth: number;
  /** Route 53 health checks a service needs, per strategy (one per Region once DNS fails over). */
  readonly healthChecksPerStrategy: Readonly<Record<Strategy, number>>;
  /** Recovery-Region compute kept running, as a fraction of the primary compute cost. */
  readonly standbyComputeFraction: Readonly<Record<Strategy, number>>;
  /** Fraction of a store's data that changes per day (drives incremental backups and copies). */
  readonly dailyChangeFraction: number;
  /** Retention (days) for tiers that state none and are not built in. */
  readonly defaultRetentionDays: number;
  /** Recovery time assumed for a disruption the tier does not promise to recover from, in seconds. */
  readonly unpromisedRtoSeconds: number;
  /** Data loss assumed for a disruption the tier does not promise to recover from, in seconds. */
  readonly unpromisedRpoSeconds: number;
  /** Where each default price comes from. */
  readonly sources: readonly PriceSource[];
}

// AWS Backup pricing page: https://aws.amazon.com/backup/pricing/ (per-resource warm storage
// rates). Read through the dated summary of that page, "AWS Backup pricing breakdown — us-east-1,
// June 2026" (https://www.factualminds.com/blog/aws-backup-pricing-vaults-cross-region-restores/,
// published 2026-06-13): EFS warm $0.05, DynamoDB backup $0.10, DynamoDB continuous $0.20,
// cross-Region copy transfer $0.02/GB.
const BACKUP_PAGE = 'https://aws.amazon.com/backup/pricing/';
const BACKUP_SUMMARY =
  'https://www.factualminds.com/blog/aws-backup-pricing-vaults-cross-region-restores/';
// RDS backup storage beyond 100% of the database size: https://aws.amazon.com/rds/pricing/ and
// https://aws.amazon.com/blogs/database/demystifying-amazon-rds-backup-storage-costs/
const RDS_PAGE = 'https://aws.amazon.com/rds/pricing/';
// Inter-Region transfer from us-east-1: https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer
const TRANSFER_PAGE = 'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer';
// DynamoDB storage "from $0.25 per GB-month": https://aws.amazon.com/dynamodb/pricing/
const DYNAMODB_PAGE = 'https://aws.amazon.com/dynamodb/pricing/';
// S3 Standard first 50 TB $0.023 per GB-month: https://aws.amazon.com/s3/pricing/
const S3_PAGE = 'https://aws.amazon.com/s3/pricing/';
// Route 53 health check on an AWS endpoint $0.50/month: https://aws.amazon.com/route53/pricing/
const ROUTE53_PAGE = 'https://aws.amazon.com/route53/pricing/';
const EBS_PAGE = 'https://aws.amazon.com/ebs/pricing/';
const EFS_PAGE = 'https://aws.amazon.com/efs/pricing/';
const AURORA_PAGE = 'https://aws.amazon.com/rds/aurora/pricing/';

/** The day the undated pricing pages above were read. */
const READ_ON = '2026-11-21';
/** Publication date of the dated AWS Backup price summary. */
const SUMMARY_DATE = '2026-06-13';

/** Default price sources: list price, us-east-1, as of each `asOf` date. */
export const PRICE_SOURCES: readonly PriceSource[] = [
  {
    item: 'backupStoragePerGiBMonth.dynamodb',
    usd: 0.1,
    unit: 'GiB-month',
    url: BACKUP_SUMMARY,
    asOf: SUMMARY_DATE,
  },
  {
    item: 'backupStoragePerGiBMonth.efs',
    usd: 0.05,
    unit: 'GiB-month',
    url: BACKUP_SUMMARY,
    asOf: SUMMARY_DATE,
  },
  {
    item: 'backupStoragePerGiBMonth.s3',
    usd: 0.05,
    unit: 'GiB-month',
    url: BACKUP_PAGE,
    asOf: READ_ON,
  },
  {
    item: 'backupStoragePerGiBMonth.ebs',
    usd: 0.05,
    unit: 'GiB-month',
    url: EBS_PAGE,
    asOf: READ_ON,
  },
  {
    item: 'backupStoragePerGiBMonth.rds',
    usd: 0.095,
    unit: 'GiB-month',
    url: RDS_PAGE,
    asOf: READ_ON,
  },
  {
    item: 'backupStoragePerGiBMonth.aurora',
    usd: 0.021,
    unit: 'GiB-month',
    url: AURORA_PAGE,
    asOf: READ_ON,
  },
  {
    item: 'pitrPerGiBMonth.dynamodb',
    usd: 0.2,
    unit: 'GiB-month',
    url: BACKUP_SUMMARY,
    asOf: SUMMARY_DATE,
  },
  {
    item: 'replicaStoragePerGiBMonth.dynamodb',
    usd: 0.25,
    unit: 'GiB-month',
    url: DYNAMODB_PAGE,
    asOf: READ_ON,
  },
  {
    item: 'replicaStoragePerGiBMonth.s3',
    usd: 0.023,
    unit: 'GiB-month',
    url: S3_PAGE,
    asOf: READ_ON,
  },
  {
    item: 'replicaStoragePerGiBMonth.rds',
    usd: 0.115,
    unit: 'GiB-month',
    url: RDS_PAGE,
    asOf: READ_ON,
  },
  {
    item: 'replicaStoragePerGiBMonth.aurora',
    usd: 0.1,
    unit: 'GiB-month',
    url: AURORA_PAGE,
    asOf: READ_ON,
  },
  {
    item: 'replicaStoragePerGiBMonth.efs',
    usd: 0.3,
    unit: 'GiB-month',
    url: EFS_PAGE,
    asOf: READ_ON,
  },
  {
    item: 'replicaStoragePerGiBMonth.ebs',
    usd: 0.08,
    unit: 'GiB-month',
    url: EBS_PAGE,
    asOf: READ_ON,
  },
  { item: 'crossRegionTransferPerGiB', usd: 0.02, unit: 'GiB', url: TRANSFER_PAGE, asOf: READ_ON },
  {
    item: 'healthCheckPerMonth',
    usd: 0.5,
    unit: 'health check-month',
    url: ROUTE53_PAGE,
    asOf: READ_ON,
  },
];

function price(item: string): number {
  const found = PRICE_SOURCES.find((source) => source.item === item);
  if (!found) {
    throw new Error(`no price source for ${item}`);
  }
  return found.usd;
}

function perKind(prefix: string, missing: number): Record<StoreKind, number> {
  const kinds: readonly StoreKind[] = ['dynamodb', 's3', 'rds', 'aurora', 'efs', 'ebs'];
  return Object.fromEntries(
    kinds.map((kind) => {
      const found = PRICE_SOURCES.find((source) => source.item === `${prefix}.${kind}`);
      return [kind, found ? found.usd : missing];
    }),
  ) as Record<StoreKind, number>;
}

/**
 * The default cost model: list prices, us-east-1, plus these assumptions.
 *
 * - Recovery points kept: one full copy plus `dailyChangeFraction` (2 %) of the store per day
 *   of retention (AWS Backup and snapshots are incremental).
 * - Point-in-time recovery costs extra only for DynamoDB; RDS/Aurora automated backups are part of
 *   backup storage (free up to the database size, which this model ignores: it over-estimates).
 * - A cross-Region copy stores the same recovery points again and transfers the daily changes.
 * - Pilot light, warm standby and active/active keep a live replica of every store in the
 *   recovery Region and transfer the daily changes; backup and restore keeps none.
 * - Standby compute: none for backup and restore, 10 % of primary compute for pilot light (the
 *   core that must stay on), 50 % for warm standby (scaled down), 100 % for active/active.
 * - Two Route 53 health checks (one per Region) for every strategy that fails over by DNS.
 * - A disruption a tier does not promise takes 72 h to recover and loses 24 h of data.
 */
export const DEFAULT_COST_MODEL: CostModel = {
  backupStoragePerGiBMonth: perKind('backupStoragePerGiBMonth', 0.05),
  pitrPerGiBMonth: perKind('pitrPerGiBMonth', 0),
  replicaStoragePerGiBMonth: perKind('replicaStoragePerGiBMonth', 0.1),
  crossRegionTransferPerGiB: price('crossRegionTransferPerGiB'),
  healthCheckPerMonth: price('healthCheckPerMonth'),
  healthChecksPerStrategy: {
    'backup-restore': 0,
    'pilot-light': 2,
    'warm-standby': 2,
    'active-active': 2,
  },
  standbyComputeFraction: {
    'backup-restore': 0,
    'pilot-light': 0.1,
    'warm-standby': 0.5,
    'active-active': 1,
  },
  dailyChangeFraction: 0.02,
  defaultRetentionDays: 35,
  unpromisedRtoSeconds: 72 * 3_600,
  unpromisedRpoSeconds: 24 * 3_600,
  sources: PRICE_SOURCES,
};
