import type { Strategy } from '../model/disruption';
import type { RecoveryTier } from '../model/spec';
import { builtInRetentionDays } from '../tiers/built-in-tiers';
import type { ServiceImpact } from './business-impact';
import type { CostModel } from './cost-model';

/** One line of a tier's running cost. */
export interface CostLine {
  /** What is paid for, e.g. `backup storage (dynamodb 100 GiB)`. */
  readonly item: string;
  /** Cost per year. */
  readonly annual: number;
  /** The arithmetic, e.g. `170 GiB × 0.1/GiB-month × 12`. */
  readonly explanation: string;
}

/** What running one tier costs a service per year, itemized. */
export interface RunningCost {
  readonly annual: number;
  readonly lines: readonly CostLine[];
}

/** Days a tier keeps recovery points: its own setting, the built-in default, or the model's. */
export function retentionDaysOf(tier: RecoveryTier, costModel: CostModel): number {
  return tier.retentionDays ?? builtInRetentionDays(tier.name) ?? costModel.defaultRetentionDays;
}

/**
 * The strategy a tier is built with: its own `strategy`, else the cheapest whose typical region
 * objectives (AWS whitepaper "Disaster Recovery of Workloads on AWS",
 * https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html)
 * meet the tier's `region` objective: active/active under 5 min RTO, warm standby under 30 min,
 * pilot light under 4 h or with RPO under 1 h, otherwise backup and restore.
 */
export function strategyOf(tier: RecoveryTier): Strategy {
  if (tier.strategy) {
    return tier.strategy;
  }
  const region = tier.objectives.region;
  if (!region) {
    return 'backup-restore';
  }
  if (region.rtoSeconds < 5 * 60) {
    return 'active-active';
  }
  if (region.rtoSeconds < 30 * 60) {
    return 'warm-standby';
  }
  if (region.rtoSeconds < 4 * 3_600 || region.rpoSeconds < 3_600) {
    return 'pilot-light';
  }
  return 'backup-restore';
}

function money(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/**
 * Annual running cost of protecting `service` at `tier` with `strategy`, from the cost model.
 *
 * Per store: backup storage (full copy plus daily changes over the retention), point-in-time
 * recovery when the tier's `application` RPO is under an hour, a cross-Region copy of the
 * recovery points when the tier declares a `region` objective, and a live replica when the
 * strategy is not backup and restore. Per service: standby compute and Route 53 health checks.
 */
export function tierRunningCost(
  tier: RecoveryTier,
  strategy: Strategy,
  service: ServiceImpact,
  costModel: CostModel,
): RunningCost {
  const lines: CostLine[] = [];
  const retentionDays = retentionDaysOf(tier, costModel);
  const change = costModel.dailyChangeFraction;
  const pitr = (tier.objectives.application?.rpoSeconds ?? Number.POSITIVE_INFINITY) < 3_600;
  const copies = tier.objectives.region !== undefined;
  for (const store of service.stores) {
    const label = `${store.kind} ${money(store.sizeGiB)} GiB`;
    const backupGiB = store.sizeGiB * (1 + change * retentionDays);
    const backupPrice = costModel.backupStoragePerGiBMonth[store.kind];
    const backupAnnual = backupGiB * backupPrice * 12;
    const backupMath =
      `${money(store.sizeGiB)} GiB × (1 + ${money(change)} × ${retentionDays} d) = ${money(backupGiB)} GiB ` +
      `× ${money(backupPrice)}/GiB-month × 12`;
    lines.push({
      item: `backup storage (${label})`,
      annual: backupAnnual,
      explanation: backupMath,
    });
    if (pitr && costModel.pitrPerGiBMonth[store.kind] > 0) {
      const pitrPrice = costModel.pitrPerGiBMonth[store.kind];
      lines.push({
        item: `point-in-time recovery (${label})`,
        annual: store.sizeGiB * pitrPrice * 12,
        explanation: `${money(store.sizeGiB)} GiB × ${money(pitrPrice)}/GiB-month × 12`,
      });
    }
    const changedGiBPerMonth = store.sizeGiB * change * 30;
    const transferAnnual = changedGiBPerMonth * costModel.crossRegionTransferPerGiB * 12;
    const transferMath =
      `${money(store.sizeGiB)} GiB × ${money(change)} × 30 d = ${money(changedGiBPerMonth)} GiB/month ` +
      `× ${money(costModel.crossRegionTransferPerGiB)}/GiB × 12`;
    if (copies) {
      lines.push({
        item: `cross-Region copy storage (${label})`,
        annual: backupAnnual,
        explanation: backupMath,
      });
      lines.push({
        item: `cross-Region copy transfer (${label})`,
        annual: transferAnnual,
        explanation: transferMath,
      });
    }
    if (strategy !== 'backup-restore') {
      const replicaPrice = costModel.replicaStoragePerGiBMonth[store.kind];
      lines.push({
        item: `replica storage (${label})`,
        annual: store.sizeGiB * replicaPrice * 12,
        explanation: `${money(store.sizeGiB)} GiB × ${money(replicaPrice)}/GiB-month × 12`,
      });
      lines.push({
        item: `replication transfer (${label})`,
        annual: transferAnnual,
        explanation: transferMath,
      });
    }
  }
  const fraction = costModel.standbyComputeFraction[strategy];
  if (fraction > 0 && service.computeCostPerMonth > 0) {
    lines.push({
      item: 'standby compute',
      annual: fraction * service.computeCostPerMonth * 12,
      explanation: `${money(fraction)} × ${money(service.computeCostPerMonth)}/month × 12`,
    });
  }
  const checks = costModel.healthChecksPerStrategy[strategy];
  if (checks > 0) {
    lines.push({
      item: 'Route 53 health checks',
      annual: checks * costModel.healthCheckPerMonth * 12,
      explanation: `${checks} × ${money(costModel.healthCheckPerMonth)}/month × 12`,
    });
  }
  return { annual: lines.reduce((sum, line) => sum + line.annual, 0), lines };
}
