import type { Disruption, StoreKind } from '../model/disruption';
import type { CostModel } from './cost-model';

/**
 * Expected disruptions per year when a BIA states none (assumptions, not AWS figures).
 *
 * - `application` 2/yr: a bad deploy, corruption or deletion that needs a restore, twice a year.
 * - `az` 0.5/yr: an Availability Zone impairment that affects the service every other year.
 * - `region` 0.05/yr: a Region-wide outage once in twenty years.
 * - `account` 0: a compromised account is not modelled unless the BIA sets a frequency, because
 *   most tiers do not promise to recover from it and would all be charged the same guess.
 */
export const DEFAULT_DISRUPTION_FREQUENCIES: Readonly<Record<Disruption, number>> = {
  application: 2,
  az: 0.5,
  region: 0.05,
  account: 0,
};

/** From `after` into an outage, downtime costs `perHour` per hour (until the next point). */
export interface DowntimeCostPoint {
  /** Seconds into the outage at which this rate starts. */
  readonly afterSeconds: number;
  /** Cost per hour of downtime from then on. */
  readonly perHour: number;
}

/** Size of one store of a service, for the running cost of a tier. */
export interface StoreSize {
  readonly kind: StoreKind;
  readonly sizeGiB: number;
}

/** Business impact of one service, resolved (durations in seconds, defaults applied). */
export interface ServiceImpact {
  /** Service name, matching `services[].name` of the continuity spec. */
  readonly name: string;
  /** Downtime cost rate over time: a step function, sorted by `afterSeconds`, first at 0. */
  readonly downtimeCost: readonly DowntimeCostPoint[];
  /** Cost of one hour of lost writes. */
  readonly dataLossCostPerHour: number;
  /**
   * Regulatory (or contractual) maximum outage, in seconds.
   *
   * @default - none
   */
  readonly maxOutageSeconds?: number;
  /**
   * Regulatory maximum data loss, in seconds.
   *
   * @default - none
   */
  readonly maxDataLossSeconds?: number;
  /** Expected disruptions per year. */
  readonly frequencies: Readonly<Record<Disruption, number>>;
  /** Stores to protect and their sizes. */
  readonly stores: readonly StoreSize[];
  /** What the service's compute costs per month in the primary Region. */
  readonly computeCostPerMonth: number;
  /**
   * Tier the service is declared at (the BIA's `tier`, or the spec's when given).
   *
   * @default - none: no over/under-provisioning flag
   */
  readonly declaredTier?: string;
}

/** A parsed business impact analysis file. */
export interface BusinessImpactAnalysis {
  /** Currency the costs are written in (prices in the cost model are USD). */
  readonly currency: string;
  readonly services: readonly ServiceImpact[];
  /** The default cost model with the file's overrides applied. */
  readonly costModel: CostModel;
}
