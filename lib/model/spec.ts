import type {
  ComputeKind,
  Disruption,
  Objective,
  ResourceKind,
  StoreKind,
  Strategy,
} from './disruption';

/**
 * How much downtime and data loss a class of services can tolerate, per disruption.
 *
 * Built-in tiers are `platinum`, `gold`, `silver` and `bronze`; a spec may override or extend them.
 */
export interface RecoveryTier {
  /** Stable identifier used in tags, rule ids and reports, e.g. `gold`. */
  readonly name: string;
  /** Declared objectives per disruption; a disruption with no entry is not promised. */
  readonly objectives: Readonly<Partial<Record<Disruption, Objective>>>;
  /**
   * Strategy the tier is built with by default.
   *
   * @default - the cheapest strategy whose predicted objectives meet every declared one
   */
  readonly strategy?: Strategy;
  /**
   * Lock backup vaults so recovery points cannot be deleted before they expire.
   *
   * @default - true when an `account` objective is declared
   */
  readonly immutable?: boolean;
  /**
   * Vault lock mode when the tier is immutable. `compliance` cannot be undone by anyone, AWS
   * included, once its cooling-off period ends; choose it deliberately.
   *
   * @default 'governance'
   */
  readonly vaultLockMode?: 'governance' | 'compliance';
  /**
   * Days kept for each recovery point.
   *
   * @default - derived from the tier (35 for platinum/gold, 14 silver, 7 bronze)
   */
  readonly retentionDays?: number;
  /** Days between reviews of a service continuity plan at this tier. */
  readonly reviewEveryDays: number;
  /** Days allowed between drills (restore tests, fault injection) at this tier. */
  readonly drillEveryDays: number;
  /** Human description, shown in reports. */
  readonly description?: string;
}

/** One resource that makes up a service. */
export interface ResourceRef {
  /** What kind of store or compute this is. */
  readonly kind: ResourceKind;
  /**
   * CloudFormation logical ID (or Pulumi resource name) in a template.
   *
   * @default - found by the `continuity:service` tag instead
   */
  readonly logicalId?: string;
  /**
   * Stack (CDK stack / CloudFormation stack name) that holds the resource.
   *
   * @default - any stack
   */
  readonly stack?: string;
  /**
   * Size in GiB, used for restore-time estimates.
   *
   * @default - a size-independent estimate, flagged as such
   */
  readonly sizeGiB?: number;
}

/** A declared service. */
export interface ServiceSpec {
  /** Unique (case-insensitive) service name. */
  readonly name: string;
  /** Name of a tier in {@link ContinuitySpec.tiers}. */
  readonly tier: string;
  /** Team accountable for the service. */
  readonly owner: string;
  /** Names of services this one needs to work. */
  readonly dependsOn: readonly string[];
  /** The stores and compute that make up the service. */
  readonly resources: readonly ResourceRef[];
  /** Contacts for the continuity plan (e-mail, pager, channel). */
  readonly contacts: readonly string[];
  /** Date (YYYY-MM-DD) the continuity plan was last reviewed. */
  readonly reviewedOn?: string;
  /** Date (YYYY-MM-DD) of the last drill (restore test or fault-injection experiment). */
  readonly lastDrill?: string;
}

/** A reasoned exception to a rule, for the CLI and the policy packs. */
export interface Suppression {
  /** Rule id, e.g. `RR-BKP3`. */
  readonly rule: string;
  /** Logical ID, `Stack/LogicalId`, or service name the exception applies to; `*` for all. */
  readonly resource: string;
  /** Why the finding is accepted. Required. */
  readonly reason: string;
  /** Date (YYYY-MM-DD) after which the suppression expires and becomes a finding itself. */
  readonly expires?: string;
}

/** Regions a spec deploys to. */
export interface RegionPair {
  /** Region that serves traffic. */
  readonly primary: string;
  /** Region that receives copies and standby capacity. */
  readonly recovery: string;
}

/** A validated, fully resolved continuity spec (built-in tiers merged with the user's). */
export interface ContinuitySpec {
  readonly regions: RegionPair;
  /** Every tier by name, built-in ones included. */
  readonly tiers: Readonly<Record<string, RecoveryTier>>;
  readonly services: readonly ServiceSpec[];
  readonly suppressions: readonly Suppression[];
}

/** Narrowing helpers for resource kinds. */
export type { ComputeKind, StoreKind };
