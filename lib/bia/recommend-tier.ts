import { formatDuration } from '../duration/format-duration';
import { DISRUPTIONS } from '../model/disruption';
import type { Disruption, Strategy } from '../model/disruption';
import type { RecoveryTier } from '../model/spec';
import type { ServiceImpact } from './business-impact';
import type { CostModel } from './cost-model';
import { downtimeCost } from './downtime-cost';
import { strategyOf, tierRunningCost } from './tier-running-cost';
import type { RunningCost } from './tier-running-cost';

/** Expected loss from one kind of disruption at one tier. */
export interface DisruptionLoss {
  readonly disruption: Disruption;
  /** Expected occurrences per year. */
  readonly frequencyPerYear: number;
  /** False when the tier declares no objective for it (the cost model's fallback is used). */
  readonly promised: boolean;
  readonly rtoSeconds: number;
  readonly rpoSeconds: number;
  /** Downtime cost of one occurrence (the curve integrated over the RTO). */
  readonly downtimeCost: number;
  /** Data-loss cost of one occurrence (cost per hour × RPO). */
  readonly dataLossCost: number;
  /** frequency × (downtime cost + data-loss cost). */
  readonly expectedAnnualLoss: number;
}

/** One tier evaluated against one service's business impact. */
export interface TierEvaluation {
  readonly tier: string;
  readonly strategy: Strategy;
  /** Why the tier cannot be used (regulatory maxima it breaks); empty when it can. */
  readonly excludedBecause: readonly string[];
  readonly losses: readonly DisruptionLoss[];
  /** Σ over disruptions of the expected annual loss. */
  readonly expectedAnnualLoss: number;
  readonly runningCost: RunningCost;
  /** Expected annual loss + annual running cost. */
  readonly totalAnnualCost: number;
}

/** How a declared tier compares with the recommendation. */
export type ProvisioningFlag = 'ok' | 'over-provisioned' | 'under-provisioned' | 'unknown-tier';

/** The verdict on the tier a service is declared at. */
export interface DeclaredTierVerdict {
  readonly tier: string;
  readonly flag: ProvisioningFlag;
  /** The numbers behind the flag. */
  readonly reasons: readonly string[];
}

/** The tier advice for one service. */
export interface TierRecommendation {
  readonly service: string;
  /** Lowest total annual cost among the tiers that meet every regulatory maximum. */
  readonly best?: TierEvaluation;
  /** Second lowest among those tiers. */
  readonly runnerUp?: TierEvaluation;
  /** Why the best tier wins, with the numbers. */
  readonly why: readonly string[];
  /** Every tier, allowed ones by total cost first, then the excluded ones. */
  readonly evaluations: readonly TierEvaluation[];
  readonly declared?: DeclaredTierVerdict;
}

/** Options for {@link recommendTier}. */
export interface RecommendTierOptions {
  /**
   * Tier the service is declared at.
   *
   * @default - the BIA's `tier` for the service; no flag when neither is set
   */
  readonly declaredTier?: string;
  /**
   * A declared tier is flagged only when the best tier's total is lower by more than this
   * fraction of the declared tier's total (the cost model is an estimate).
   *
   * @default 0.05
   */
  readonly tolerance?: number;
}

/** Whole currency units with thousands separators, e.g. `12,345`. */
export function formatMoney(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Evaluates one tier for one service: expected loss, running cost, regulatory exclusions. */
export function evaluateTier(
  service: ServiceImpact,
  tier: RecoveryTier,
  costModel: CostModel,
): TierEvaluation {
  const strategy = strategyOf(tier);
  const excludedBecause: string[] = [];
  const losses: DisruptionLoss[] = [];
  for (const disruption of DISRUPTIONS) {
    const frequencyPerYear = service.frequencies[disruption];
    const objective = tier.objectives[disruption];
    if (frequencyPerYear <= 0) {
      continue;
    }
    const rtoSeconds = objective?.rtoSeconds ?? costModel.unpromisedRtoSeconds;
    const rpoSeconds = objective?.rpoSeconds ?? costModel.unpromisedRpoSeconds;
    const outage = downtimeCost(service.downtimeCost, rtoSeconds);
    const dataLoss = (rpoSeconds / 3_600) * service.dataLossCostPerHour;
    losses.push({
      disruption,
      frequencyPerYear,
      promised: objective !== undefined,
      rtoSeconds,
      rpoSeconds,
      downtimeCost: outage,
      dataLossCost: dataLoss,
      expectedAnnualLoss: frequencyPerYear * (outage + dataLoss),
    });
    if (service.maxOutageSeconds !== undefined) {
      if (!objective) {
        excludedBecause.push(
          `promises no recovery from ${disruption}, but the maximum outage is ${formatDuration(service.maxOutageSeconds)}`,
        );
      } else if (objective.rtoSeconds > service.maxOutageSeconds) {
        excludedBecause.push(
          `${disruption} RTO ${formatDuration(objective.rtoSeconds)} exceeds the maximum outage ${formatDuration(service.maxOutageSeconds)}`,
        );
      }
    }
    if (
      service.maxDataLossSeconds !== undefined &&
      objective &&
      objective.rpoSeconds > service.maxDataLossSeconds
    ) {
      excludedBecause.push(
        `${disruption} RPO ${formatDuration(objective.rpoSeconds)} exceeds the maximum data loss ${formatDuration(service.maxDataLossSeconds)}`,
      );
    } else if (service.maxDataLossSeconds !== undefined && !objective) {
      excludedBecause.push(
        `promises no recovery from ${disruption}, but the maximum data loss is ${formatDuration(service.maxDataLossSeconds)}`,
      );
    }
  }
  const expectedAnnualLoss = losses.reduce((sum, loss) => sum + loss.expectedAnnualLoss, 0);
  const runningCost = tierRunningCost(tier, strategy, service, costModel);
  return {
    tier: tier.name,
    strategy,
    excludedBecause,
    losses,
    expectedAnnualLoss,
    runningCost,
    totalAnnualCost: expectedAnnualLoss + runningCost.annual,
  };
}

function summary(evaluation: TierEvaluation): string {
  return (
    `${evaluation.tier}: expected loss ${formatMoney(evaluation.expectedAnnualLoss)} + running cost ` +
    `${formatMoney(evaluation.runningCost.annual)} = ${formatMoney(evaluation.totalAnnualCost)} per year`
  );
}

/**
 * Recommends the tier that minimises expected annual loss plus annual running cost.
 *
 * For each tier: expected annual loss = Σ over disruptions of frequency × (downtime cost over the
 * tier's RTO + data-loss cost over its RPO), plus the tier's running cost for the service's size.
 * Tiers that break a regulatory maximum outage or data loss are excluded, with the reason.
 * Ties go to the cheaper-to-run tier.
 */
export function recommendTier(
  service: ServiceImpact,
  tiers: Readonly<Record<string, RecoveryTier>>,
  costModel: CostModel,
  options: RecommendTierOptions = {},
): TierRecommendation {
  const evaluations = Object.values(tiers).map((tier) => evaluateTier(service, tier, costModel));
  const allowed = evaluations
    .filter((evaluation) => evaluation.excludedBecause.length === 0)
    .sort(
      (a, b) =>
        a.totalAnnualCost - b.totalAnnualCost || a.runningCost.annual - b.runningCost.annual,
    );
  const excluded = evaluations.filter((evaluation) => evaluation.excludedBecause.length > 0);
  const [best, runnerUp] = allowed;
  const why: string[] = [];
  if (!best) {
    why.push('no tier meets the regulatory maxima; define a tier whose objectives meet them');
  } else {
    why.push(`${summary(best)} (lowest)`);
    if (runnerUp) {
      why.push(`${summary(runnerUp)}`);
      const lossDelta = runnerUp.expectedAnnualLoss - best.expectedAnnualLoss;
      const runDelta = best.runningCost.annual - runnerUp.runningCost.annual;
      why.push(
        lossDelta >= 0
          ? `${best.tier} saves ${formatMoney(lossDelta)} of expected loss for ${formatMoney(runDelta)} more running cost`
          : `${best.tier} saves ${formatMoney(-runDelta)} of running cost for ${formatMoney(-lossDelta)} more expected loss`,
      );
    }
  }
  for (const evaluation of excluded) {
    why.push(`${evaluation.tier} excluded: ${evaluation.excludedBecause.join('; ')}`);
  }
  const declaredTier = options.declaredTier ?? service.declaredTier;
  return {
    service: service.name,
    best,
    runnerUp,
    why,
    evaluations: [...allowed, ...excluded],
    declared:
      declaredTier === undefined
        ? undefined
        : judgeDeclared(declaredTier, evaluations, best, options.tolerance ?? 0.05),
  };
}

function judgeDeclared(
  name: string,
  evaluations: readonly TierEvaluation[],
  best: TierEvaluation | undefined,
  tolerance: number,
): DeclaredTierVerdict {
  const declared = evaluations.find((evaluation) => evaluation.tier === name);
  if (!declared) {
    return {
      tier: name,
      flag: 'unknown-tier',
      reasons: [
        `tier '${name}' is not defined; use one of ${evaluations.map((e) => e.tier).join(', ')}`,
      ],
    };
  }
  if (declared.excludedBecause.length > 0) {
    return { tier: name, flag: 'under-provisioned', reasons: declared.excludedBecause };
  }
  if (
    !best ||
    best.tier === name ||
    best.totalAnnualCost >= declared.totalAnnualCost * (1 - tolerance)
  ) {
    return { tier: name, flag: 'ok', reasons: [summary(declared)] };
  }
  const saving = declared.totalAnnualCost - best.totalAnnualCost;
  if (best.runningCost.annual < declared.runningCost.annual) {
    return {
      tier: name,
      flag: 'over-provisioned',
      reasons: [
        `${best.tier} costs ${formatMoney(declared.runningCost.annual - best.runningCost.annual)} less to run ` +
          `and ${formatMoney(saving)} less in total per year`,
        summary(declared),
        summary(best),
      ],
    };
  }
  return {
    tier: name,
    flag: 'under-provisioned',
    reasons: [
      `${name} leaves ${formatMoney(declared.expectedAnnualLoss - best.expectedAnnualLoss)} more expected loss ` +
        `per year than ${best.tier}, which costs ${formatMoney(saving)} less in total`,
      summary(declared),
      summary(best),
    ],
  };
}
