/**
 * The kinds of disruption a service declares objectives for.
 *
 * - `application`: a bad deploy, data corruption or accidental deletion; replication copies these
 *   too, so only backups and point-in-time recovery help.
 * - `az`: loss of one Availability Zone.
 * - `region`: loss of the primary Region.
 * - `account`: a compromised account or ransomware; only immutable (locked) or cross-account
 *   copies count.
 */
export const DISRUPTIONS = ['application', 'az', 'region', 'account'] as const;

/** One of {@link DISRUPTIONS}. */
export type Disruption = (typeof DISRUPTIONS)[number];

/** A recovery objective or achievement, in seconds. */
export interface Objective {
  /** Longest tolerated (or achievable) outage, in seconds. */
  readonly rtoSeconds: number;
  /** Longest tolerated (or achievable) window of lost writes, in seconds. */
  readonly rpoSeconds: number;
}

/** The DR strategies of the AWS Well-Architected reliability pillar (REL13-BP02), cheapest first. */
export const STRATEGIES = [
  'backup-restore',
  'pilot-light',
  'warm-standby',
  'active-active',
] as const;

/** One of {@link STRATEGIES}. */
export type Strategy = (typeof STRATEGIES)[number];

/** Data-store kinds continuity-kit protects. */
export const STORE_KINDS = ['dynamodb', 's3', 'rds', 'aurora', 'efs', 'ebs'] as const;
/** One of {@link STORE_KINDS}. */
export type StoreKind = (typeof STORE_KINDS)[number];

/** Compute kinds continuity-kit can keep on standby. */
export const COMPUTE_KINDS = ['ecs', 'asg', 'lambda'] as const;
/** One of {@link COMPUTE_KINDS}. */
export type ComputeKind = (typeof COMPUTE_KINDS)[number];

/** Any resource kind a service may declare. */
export type ResourceKind = StoreKind | ComputeKind;

/** Tag keys continuity-kit writes and reads. */
export const TAG_SERVICE = 'continuity:service';
/** Tag key naming the tier a resource is protected at. */
export const TAG_TIER = 'continuity:tier';
/** Template metadata key under which CDK/Pulumi output embeds the spec it was built from. */
export const METADATA_SPEC_KEY = 'ContinuityKit::Spec';
/**
 * Template metadata key of a stack whose spec is embedded in another stack of the same app:
 * `{ stack, sha256 }` names that stack and the SHA-256 of the spec document's JSON
 * ({@link specDigest}). `ContinuityStacks` embeds the spec once and points to it from its other
 * stacks, so an app's templates grow with its services, not with services x stacks.
 */
export const METADATA_SPEC_REF_KEY = 'ContinuityKit::SpecRef';
