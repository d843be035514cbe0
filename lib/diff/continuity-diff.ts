import type { Assessment } from '../model/assessment';
import type { Disruption, Objective } from '../model/disruption';
import type { Inventory } from '../model/inventory';
import type { ContinuitySpec } from '../model/spec';

/** One side of a diff: what was read and how it was assessed. */
export interface AssembledState {
  readonly inventory: Inventory;
  readonly assessment: Assessment;
  /**
   * The spec the side was assessed with, to name the service of each stateful resource.
   *
   * @default - services come from the `continuity:service` tag only
   */
  readonly spec?: ContinuitySpec;
}

/** What CloudFormation does to the old data when the resource goes away. */
export type DataFate = 'deleted' | 'snapshot' | 'retained';

/**
 * What the change does to one stateful resource.
 *
 * - `replace`: a replacement property changed; CloudFormation creates a new, empty resource.
 * - `may-replace`: a conditional replacement property changed, or a replacement property's
 *   value is not known until deploy (an intrinsic), so replacement cannot be ruled out.
 * - `delete`: the logical ID is gone from its stack (possibly renamed or moved).
 * - `policy-weakened`: `DeletionPolicy` or `UpdateReplacePolicy` keeps less than before.
 * - `update-fails`: an immutable property changed that CloudFormation refuses to update.
 */
export type ResourceChangeAction =
  'replace' | 'may-replace' | 'delete' | 'policy-weakened' | 'update-fails';

/** One property whose change decides the action. */
export interface PropertyChange {
  readonly property: string;
  /** Raw value before (`undefined` when absent). */
  readonly before: unknown;
  /** Raw value after (`undefined` when absent). */
  readonly after: unknown;
  /** True when either value is an intrinsic, so the deployed values may still be equal. */
  readonly unresolved: boolean;
}

/** A change to one stateful resource. */
export interface ResourceChange {
  readonly action: ResourceChangeAction;
  readonly stack: string;
  readonly logicalId: string;
  /** CloudFormation type. */
  readonly type: string;
  /** CDK construct path, when known. */
  readonly path?: string;
  /** Services the resource belongs to (before the change for deletions). */
  readonly services: readonly string[];
  /** Properties behind a `replace`, `may-replace` or `update-fails`. */
  readonly properties: readonly PropertyChange[];
  /** What happens to the old data (`delete`, `replace`, `may-replace`). */
  readonly fate?: DataFate;
  /** For `delete`: the id the resource likely moved to, as `Stack/LogicalId`. */
  readonly likelyRenamedTo?: string;
  /** For `policy-weakened`: which policy, and its effective value before and after. */
  readonly policy?: {
    readonly attribute: 'DeletionPolicy' | 'UpdateReplacePolicy';
    readonly before: string;
    readonly after: string;
  };
  /** True when live data is lost or left behind by the change: counts towards exit code 1. */
  readonly dataAtRisk: boolean;
  /** What happens, with names and values. */
  readonly message: string;
  /** How to avoid it. */
  readonly fix: string;
}

/** A declared objective whose achievement got worse. */
export interface ObjectiveRegression {
  readonly service: string;
  readonly disruption: Disruption;
  readonly tierBefore: string;
  readonly tierAfter: string;
  /** Declared objective after the change (before it, when the service no longer declares it). */
  readonly objective: Objective;
  /** Achieved seconds; `null` means not recoverable (or not assessed, which fails closed). */
  readonly rtoBefore: number | null;
  readonly rtoAfter: number | null;
  readonly rpoBefore: number | null;
  readonly rpoAfter: number | null;
  readonly metBefore: boolean;
  readonly metAfter: boolean;
  /** What got worse: `rto`, `rpo`, and/or `met` (met before, not after). */
  readonly worse: readonly ('rto' | 'rpo' | 'met')[];
}

/** Everything a change makes worse for continuity. */
export interface ContinuityDiff {
  /** True when data is at risk or an objective regressed: `continuity diff` exits 1. */
  readonly atRisk: boolean;
  readonly regressions: readonly ObjectiveRegression[];
  readonly resources: readonly ResourceChange[];
}
