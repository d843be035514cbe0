import { readFileSync } from 'node:fs';

import { parse as parseYaml } from 'yaml';

import { InputError } from '../model/input-error';
import type { InputIssue } from '../model/input-error';
import type { Disruption } from '../model/disruption';
import { formatPath, showValue } from '../spec/issue-path';
import type { PathSegment } from '../spec/issue-path';
import { biaFileSchema } from './bia-schema';
import type { BiaFile } from './bia-schema';
import { DEFAULT_DISRUPTION_FREQUENCIES } from './business-impact';
import type { BusinessImpactAnalysis, DowntimeCostPoint, ServiceImpact } from './business-impact';
import { DEFAULT_COST_MODEL } from './cost-model';
import type { CostModel } from './cost-model';

/**
 * Reads a business impact analysis from YAML or JSON text (or an already parsed value).
 *
 * @param source - the file's text, or its parsed content
 * @param file - file name, for error paths
 * @throws InputError listing every problem, each with its path, the value received and the fix
 */
export function parseBia(source: unknown, file = 'bia'): BusinessImpactAnalysis {
  let raw = source;
  if (typeof source === 'string') {
    try {
      raw = parseYaml(source);
    } catch (error) {
      throw new InputError([
        {
          path: file,
          message: `cannot read the file as YAML or JSON (${(error as Error).message.split('\n')[0]}); fix the syntax`,
        },
      ]);
    }
  }
  if (raw === null || raw === undefined) {
    throw new InputError([
      { path: file, message: 'the file is empty; add a services section (see examples/bia.yaml)' },
    ]);
  }
  const result = biaFileSchema.safeParse(raw);
  if (!result.success) {
    const issues: InputIssue[] = result.error.issues.flatMap((issue) =>
      issue.message.split('\n').map((message) => ({
        path: `${file}:${formatPath(issue.path as PathSegment[])}`,
        message,
      })),
    );
    throw new InputError(issues);
  }
  return resolve(result.data, file);
}

/**
 * Reads a business impact analysis file (`.yaml`, `.yml` or `.json`).
 *
 * @throws InputError when the file cannot be read or does not validate
 */
export function loadBia(path: string): BusinessImpactAnalysis {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError([
      {
        path,
        message: `cannot read the BIA file (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path given to --bia`,
      },
    ]);
  }
  return parseBia(text, path);
}

function resolve(file: BiaFile, fileName: string): BusinessImpactAnalysis {
  const issues: InputIssue[] = [];
  const services: ServiceImpact[] = Object.entries(file.services).map(([name, service]) => {
    const curve = downtimeCurve(
      service.downtimeCostPerHour,
      `${fileName}:services.${name}.downtimeCostPerHour`,
      issues,
    );
    const frequencies = { ...DEFAULT_DISRUPTION_FREQUENCIES } as Record<Disruption, number>;
    Object.assign(
      frequencies,
      definedOnly(file.frequencies ?? {}),
      definedOnly(service.frequencies ?? {}),
    );
    return {
      name,
      downtimeCost: curve,
      dataLossCostPerHour: service.dataLossCostPerHour,
      maxOutageSeconds: service.maxOutage,
      maxDataLossSeconds: service.maxDataLoss,
      frequencies,
      stores: service.stores ?? [],
      computeCostPerMonth: service.computeCostPerMonth ?? 0,
      declaredTier: service.tier,
    };
  });
  if (issues.length > 0) {
    throw new InputError(issues);
  }
  return {
    currency: file.currency ?? 'USD',
    services,
    costModel: applyCostModelOverride(file.costModel),
  };
}

function downtimeCurve(
  value: number | readonly { readonly after: number; readonly perHour: number }[],
  path: string,
  issues: InputIssue[],
): DowntimeCostPoint[] {
  if (typeof value === 'number') {
    return [{ afterSeconds: 0, perHour: value }];
  }
  const points = value.map((point) => ({ afterSeconds: point.after, perHour: point.perHour }));
  points.forEach((point, index) => {
    if (index > 0 && point.afterSeconds <= points[index - 1].afterSeconds) {
      issues.push({
        path: `${path}[${index}].after`,
        message:
          `points must be in increasing order of 'after', received ${showValue(point.afterSeconds)}s ` +
          `after ${showValue(points[index - 1].afterSeconds)}s; sort the points and remove duplicates`,
      });
    }
  });
  // Before the first point the outage costs nothing (e.g. queues absorb the first hour).
  return points[0].afterSeconds > 0 ? [{ afterSeconds: 0, perHour: 0 }, ...points] : points;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The default cost model with a BIA file's `costModel` section applied. */
export function applyCostModelOverride(override: BiaFile['costModel']): CostModel {
  if (!override) {
    return DEFAULT_COST_MODEL;
  }
  const base = DEFAULT_COST_MODEL;
  return {
    ...base,
    backupStoragePerGiBMonth: {
      ...base.backupStoragePerGiBMonth,
      ...definedOnly(override.backupStoragePerGiBMonth ?? {}),
    },
    pitrPerGiBMonth: { ...base.pitrPerGiBMonth, ...definedOnly(override.pitrPerGiBMonth ?? {}) },
    replicaStoragePerGiBMonth: {
      ...base.replicaStoragePerGiBMonth,
      ...definedOnly(override.replicaStoragePerGiBMonth ?? {}),
    },
    crossRegionTransferPerGiB: override.crossRegionTransferPerGiB ?? base.crossRegionTransferPerGiB,
    healthCheckPerMonth: override.healthCheckPerMonth ?? base.healthCheckPerMonth,
    healthChecksPerStrategy: {
      ...base.healthChecksPerStrategy,
      ...definedOnly(override.healthChecksPerStrategy ?? {}),
    },
    standbyComputeFraction: {
      ...base.standbyComputeFraction,
      ...definedOnly(override.standbyComputeFraction ?? {}),
    },
    dailyChangeFraction: override.dailyChangeFraction ?? base.dailyChangeFraction,
    defaultRetentionDays: override.defaultRetentionDays ?? base.defaultRetentionDays,
    unpromisedRtoSeconds: override.unpromisedRto ?? base.unpromisedRtoSeconds,
    unpromisedRpoSeconds: override.unpromisedRpo ?? base.unpromisedRpoSeconds,
  };
}
