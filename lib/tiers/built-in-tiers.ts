import type { RecoveryTier } from '../model/spec';

const MIN = 60;
const HOUR = 3_600;
const DAY = 86_400;

/*
 * Why these numbers.
 *
 * Region and application objectives are the catalogue of issue 2, which follows the four
 * disaster-recovery strategies of the AWS whitepaper "Disaster Recovery of Workloads on AWS"
 * (https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html)
 * and Well-Architected REL13-BP02 "Use defined recovery strategies to meet the recovery objectives"
 * (https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_disaster_recovery.html):
 * backup and restore (RPO hours, RTO 24 h or less), pilot light (RPO minutes, RTO tens of
 * minutes), warm standby (RPO seconds, RTO minutes), multi-site active/active (RPO near zero,
 * RTO potentially zero).
 *
 * `az` objectives: DynamoDB, S3 and Regional EFS keep data in several AZs, so losing one costs no
 * data and no failover; RDS/Aurora Multi-AZ fail over with no data loss in about one to two
 * minutes (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html,
 * "failover times are typically 60–120 seconds"). So platinum and gold, which are built Multi-AZ,
 * promise RPO 0; silver tolerates a single-AZ database restored from point-in-time recovery, and
 * bronze restores from backups. No tier promises a looser AZ objective than its region one, since
 * losing a Region also loses its AZs.
 *
 * `account` objectives (compromised account, ransomware): only recovery points in a locked vault
 * or in another account count (AWS Backup Vault Lock,
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html). Snapshot rules run at
 * most hourly and a start window is at least an hour
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html), so a few
 * hours of RPO is the honest floor; platinum promises 4 h / 8 h, gold one day. Silver and bronze
 * declare none: they are not protected against a compromised account unless a spec says so.
 *
 * Review and drill cadences follow REL13-BP03 "Test disaster recovery implementation to validate
 * the implementation" (https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_dr_tested.html):
 * the stricter the promise, the more often it is exercised.
 */

/** Multi-site active/active: the full workload runs in both Regions. */
function platinum(): RecoveryTier {
  return {
    name: 'platinum',
    description: 'multi-site active/active: minutes of downtime and near-zero data loss',
    strategy: 'active-active',
    objectives: {
      application: { rtoSeconds: 1 * HOUR, rpoSeconds: 5 * MIN },
      az: { rtoSeconds: 5 * MIN, rpoSeconds: 0 },
      region: { rtoSeconds: 15 * MIN, rpoSeconds: 1 * MIN },
      account: { rtoSeconds: 8 * HOUR, rpoSeconds: 4 * HOUR },
    },
    immutable: true,
    retentionDays: 35,
    reviewEveryDays: 90,
    drillEveryDays: 30,
  };
}

/** Warm standby: a scaled-down, working copy runs in the recovery Region. */
function gold(): RecoveryTier {
  return {
    name: 'gold',
    description: 'warm standby: about an hour of downtime and minutes of data loss',
    strategy: 'warm-standby',
    objectives: {
      application: { rtoSeconds: 4 * HOUR, rpoSeconds: 15 * MIN },
      az: { rtoSeconds: 15 * MIN, rpoSeconds: 0 },
      region: { rtoSeconds: 1 * HOUR, rpoSeconds: 15 * MIN },
      account: { rtoSeconds: 1 * DAY, rpoSeconds: 1 * DAY },
    },
    immutable: true,
    retentionDays: 35,
    reviewEveryDays: 180,
    drillEveryDays: 90,
  };
}

/** Pilot light: data is replicated, the application tier is off until needed. */
function silver(): RecoveryTier {
  return {
    name: 'silver',
    description: 'pilot light: hours of downtime and up to an hour of data loss',
    strategy: 'pilot-light',
    objectives: {
      application: { rtoSeconds: 8 * HOUR, rpoSeconds: 1 * HOUR },
      az: { rtoSeconds: 2 * HOUR, rpoSeconds: 1 * HOUR },
      region: { rtoSeconds: 4 * HOUR, rpoSeconds: 1 * HOUR },
    },
    immutable: false,
    retentionDays: 14,
    reviewEveryDays: 180,
    drillEveryDays: 180,
  };
}

/** Backup and restore: only backups exist in the recovery Region; infrastructure is redeployed. */
function bronze(): RecoveryTier {
  return {
    name: 'bronze',
    description: 'backup and restore: up to a day of downtime and a day of data loss',
    strategy: 'backup-restore',
    objectives: {
      application: { rtoSeconds: 1 * DAY, rpoSeconds: 1 * DAY },
      az: { rtoSeconds: 1 * DAY, rpoSeconds: 1 * DAY },
      region: { rtoSeconds: 1 * DAY, rpoSeconds: 1 * DAY },
    },
    immutable: false,
    retentionDays: 7,
    reviewEveryDays: 365,
    drillEveryDays: 365,
  };
}

/**
 * The built-in tier catalogue as static factories; each call returns a fresh object.
 *
 * | tier | strategy | application RTO/RPO | az RTO/RPO | region RTO/RPO | account RTO/RPO |
 * |---|---|---|---|---|---|
 * | platinum | active-active | 1h / 5min | 5min / 0 | 15min / 1min | 8h / 4h |
 * | gold | warm-standby | 4h / 15min | 15min / 0 | 1h / 15min | 1d / 1d |
 * | silver | pilot-light | 8h / 1h | 2h / 1h | 4h / 1h | — |
 * | bronze | backup-restore | 1d / 1d | 1d / 1d | 1d / 1d | — |
 */
export const Tiers = { platinum, gold, silver, bronze } as const;

/** Names of the built-in tiers, strictest first. */
export const BUILT_IN_TIER_NAMES = ['platinum', 'gold', 'silver', 'bronze'] as const;

/** One of {@link BUILT_IN_TIER_NAMES}. */
export type BuiltInTierName = (typeof BUILT_IN_TIER_NAMES)[number];

/** The built-in tiers by name (frozen; use {@link Tiers} for a copy you may change). */
export const BUILT_IN_TIERS: Readonly<Record<BuiltInTierName, RecoveryTier>> = Object.freeze({
  platinum: deepFreeze(platinum()),
  gold: deepFreeze(gold()),
  silver: deepFreeze(silver()),
  bronze: deepFreeze(bronze()),
});

/** True when `name` is a built-in tier. */
export function isBuiltInTier(name: string): name is BuiltInTierName {
  return (BUILT_IN_TIER_NAMES as readonly string[]).includes(name);
}

/** Days the built-in tier named `name` keeps recovery points; `undefined` for any other name. */
export function builtInRetentionDays(name: string): number | undefined {
  return isBuiltInTier(name) ? BUILT_IN_TIERS[name].retentionDays : undefined;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') {
      deepFreeze(child as object);
    }
  }
  return Object.freeze(value);
}
