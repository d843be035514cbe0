import type { ResourceKind, Strategy } from '../model/disruption';
import type { RegionPair, Suppression } from '../model/spec';

/** An objective as written: durations such as `15min`, `4h` or `PT15M`. */
export interface ObjectiveDocument {
  readonly rto: string | number;
  readonly rpo: string | number;
}

/**
 * A tier as written under `tiers:`.
 *
 * A name of a built-in tier overrides it field by field; `null` removes an inherited value.
 */
export interface TierDocument {
  readonly application?: ObjectiveDocument | null;
  readonly az?: ObjectiveDocument | null;
  readonly region?: ObjectiveDocument | null;
  readonly account?: ObjectiveDocument | null;
  /** @default - inherited from the built-in tier of that name, else chosen by the planner */
  readonly strategy?: Strategy | null;
  /** @default - true when an `account` objective is declared */
  readonly immutable?: boolean | null;
  /** @default - inherited from the built-in tier of that name, else derived by the planner */
  readonly retentionDays?: number | null;
  /** @default - inherited from the built-in tier of that name, else `365d` */
  readonly reviewEvery?: string;
  /** @default - inherited from the built-in tier of that name, else `365d` */
  readonly drillEvery?: string;
  readonly description?: string | null;
}

/** A resource as written under `services[].resources`. */
export interface ResourceDocument {
  readonly kind: ResourceKind;
  readonly logicalId?: string;
  readonly stack?: string;
  readonly sizeGiB?: number;
}

/** A service as written under `services:`. */
export interface ServiceDocument {
  readonly name: string;
  readonly tier: string;
  readonly owner: string;
  /** @default [] */
  readonly dependsOn?: readonly string[];
  /** @default [] */
  readonly contacts?: readonly string[];
  readonly reviewedOn?: string;
  readonly lastDrill?: string;
  /** @default [] */
  readonly resources?: readonly ResourceDocument[];
}

/** A `continuity.yaml` document, or the same shape as a TypeScript object. */
export interface ContinuitySpecDocument {
  readonly regions: RegionPair;
  /** @default - the built-in tiers only */
  readonly tiers?: Readonly<Record<string, TierDocument>>;
  readonly services: readonly ServiceDocument[];
  /** @default [] */
  readonly suppressions?: readonly Suppression[];
}
