import type { InventoryIndex } from './index-inventory';
import type { BuiltProtection } from './service-protection';
import type {
  Achievement,
  BackupPlan,
  BackupRule,
  BackupSelection,
  ContinuitySpec,
  Disruption,
  Inventory,
  RecoveryTier,
  ResourceId,
  ResourceRef,
  ServiceSpec,
  Suppression,
} from '../model';

/** One backup rule that applies to a store, and the selection that makes it apply. */
export interface Coverage {
  readonly plan: BackupPlan;
  readonly rule: BackupRule;
  readonly selection: BackupSelection;
}

/** A selection that may or may not select a store, because a value is unknown until deploy. */
export interface UncertainCoverage {
  readonly plan?: BackupPlan;
  readonly selection: BackupSelection;
  /** Why it is uncertain, for messages. */
  readonly reason: string;
}

/** What the engine knows about one store's AWS Backup coverage. */
export interface StoreCoverage {
  /** Rules that certainly apply. */
  readonly rules: readonly Coverage[];
  /** Selections that might select the store; never counted as protection (fail closed). */
  readonly uncertain: readonly UncertainCoverage[];
}

/** A declared resource reference and what it matched. */
export interface MatchedRef {
  readonly ref: ResourceRef;
  /** Inventory ids matched (empty when the template holds nothing matching). */
  readonly ids: readonly ResourceId[];
}

/** Everything the engine worked out about one declared service. */
export interface ServiceContext extends BuiltProtection {
  readonly spec: ServiceSpec;
  /** The service's tier, `undefined` when the spec names a tier it does not define. */
  readonly tier?: RecoveryTier;
  /** Declared objectives of the tier. */
  readonly declared: Readonly<
    Partial<Record<Disruption, { rtoSeconds: number; rpoSeconds: number }>>
  >;
  /** Declared references and what each matched. */
  readonly matched: readonly MatchedRef[];
  /** Achieved objectives from the service's own resources, every disruption. */
  readonly ownAchieved: Readonly<Record<Disruption, Achievement>>;
  /**
   * Achieved objectives after dependencies, every disruption: bounded by the services it depends
   * on for the shared-fate disruptions (`az`, `region`, `account`), its own for `application`.
   */
  readonly achieved: Readonly<Record<Disruption, Achievement>>;
  /** Services (direct or transitive dependencies) whose own values bound this one, per disruption. */
  readonly limitedBy: Readonly<Partial<Record<Disruption, readonly string[]>>>;
}

/**
 * The indexed, pre-computed view every rule reads.
 *
 * Built once per assessment; rules never scan the whole inventory per subject.
 */
export interface AssessmentContext {
  readonly spec: ContinuitySpec;
  readonly inventory: Inventory;
  readonly index: InventoryIndex;
  /** Date the assessment runs, for review, drill and expiry checks. */
  readonly today: Date;
  /**
   * Account the inventory deploys to, when known (decides what counts as cross-account): the
   * `accountId` option, else the one account the inventory's entries name.
   */
  readonly accountId?: string;
  readonly services: readonly ServiceContext[];
  /** Services by lower-cased name. */
  readonly serviceByName: ReadonlyMap<string, ServiceContext>;
  /** Service names each member resource belongs to. */
  readonly servicesOfResource: ReadonlyMap<ResourceId, readonly string[]>;
  /** AWS Backup coverage per store id. */
  readonly coverage: ReadonlyMap<ResourceId, StoreCoverage>;
  /** Suppressions and acknowledgements in force. */
  readonly suppressions: readonly Suppression[];
}
