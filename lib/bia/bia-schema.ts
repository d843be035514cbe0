import { z } from 'zod';

import { parseDuration } from '../duration/parse-duration';
import { DISRUPTIONS, STORE_KINDS, STRATEGIES } from '../model/disruption';
import { isInputError } from '../model/input-error';

/** Shows a received value in a message: strings quoted, `nothing` for absent. */
export function show(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : typeof value;
}

function strict<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map((key) => `unknown key '${key}'; ${what} allows ${known.join(', ')}`)
          .join('\n');
      }
      if (issue.code === 'invalid_type') {
        return `expected ${what} (a mapping), received ${show(issue.input)}`;
      }
      return undefined;
    },
  });
}

/** A non-negative amount of money (or a per-year frequency). */
function amount(example: string, what = 'an amount') {
  return z
    .number({ error: (issue) => `expected ${what} such as ${example}, received ${show(issue.input)}` })
    .refine((value) => Number.isFinite(value) && value >= 0, {
      error: (issue) => `must be zero or more, received ${show(issue.input)}; write e.g. ${example}`,
    });
}

/** A duration such as `4h`, read into seconds. */
function duration(example: string) {
  return z.unknown().transform((value, ctx): number => {
    if (typeof value !== 'string' && typeof value !== 'number') {
      ctx.issues.push({
        code: 'custom',
        message: `expected a duration such as ${example}, received ${show(value)}`,
        input: value,
      });
      return z.NEVER;
    }
    try {
      return parseDuration(value, '');
    } catch (error) {
      if (!isInputError(error)) {
        throw error;
      }
      ctx.issues.push({ code: 'custom', message: error.issues[0].message, input: value });
      return z.NEVER;
    }
  });
}

/** Per-key numbers restricted to a fixed set of keys. */
function perKey<T extends readonly [string, ...string[]]>(keys: T, example: string, what: string) {
  const shape = Object.fromEntries(keys.map((key) => [key, amount(example, what).optional()]));
  return strict(shape as Record<T[number], z.ZodOptional<ReturnType<typeof amount>>>, `a mapping of ${keys.join('/')}`);
}

const frequenciesSchema = perKey(DISRUPTIONS, '0.5', 'a number of disruptions per year');

const curvePointSchema = strict(
  { after: duration('4h'), perHour: amount('50000', 'a cost per hour') },
  'a curve point',
);

const downtimeCostSchema = z.union(
  [
    amount('50000', 'a cost per hour'),
    z
      .array(curvePointSchema)
      .min(1, { error: 'must list at least one point such as { after: 0h, perHour: 10000 }' }),
  ],
  {
    error: (issue) =>
      `expected a cost per hour such as 50000, or a curve such as ` +
      `[{ after: 0h, perHour: 10000 }, { after: 4h, perHour: 50000 }], received ${show(issue.input)}`,
  },
);

const storeKind = z.enum(STORE_KINDS, {
  error: (issue) =>
    `unknown store kind ${show(issue.input)}; use one of ${STORE_KINDS.join(', ')}`,
});

const storeSchema = strict(
  {
    kind: storeKind,
    sizeGiB: amount('200', 'a size in GiB'),
  },
  'a store',
);

/** One service's impact as written in a BIA file. */
export const serviceImpactSchema = strict(
  {
    tier: z
      .string({ error: (issue) => `expected a tier name such as gold, received ${show(issue.input)}` })
      .optional(),
    downtimeCostPerHour: downtimeCostSchema,
    dataLossCostPerHour: amount('20000', 'a cost per hour of lost data'),
    maxOutage: duration('4h').optional(),
    maxDataLoss: duration('15min').optional(),
    frequencies: frequenciesSchema.optional(),
    stores: z
      .array(storeSchema, {
        error: (issue) =>
          `expected a list such as [{ kind: dynamodb, sizeGiB: 50 }], received ${show(issue.input)}`,
      })
      .optional(),
    computeCostPerMonth: amount('3000', 'a monthly compute cost').optional(),
  },
  'a service',
);

/** The `costModel` section: any field of the default cost model, overridden. */
export const costModelOverrideSchema = strict(
  {
    backupStoragePerGiBMonth: perKey(STORE_KINDS, '0.05', 'a price per GiB-month').optional(),
    pitrPerGiBMonth: perKey(STORE_KINDS, '0.2', 'a price per GiB-month').optional(),
    replicaStoragePerGiBMonth: perKey(STORE_KINDS, '0.25', 'a price per GiB-month').optional(),
    crossRegionTransferPerGiB: amount('0.02', 'a price per GiB').optional(),
    healthCheckPerMonth: amount('0.5', 'a price per month').optional(),
    healthChecksPerStrategy: perKey(STRATEGIES, '2', 'a number of health checks').optional(),
    standbyComputeFraction: perKey(STRATEGIES, '0.5', 'a fraction of primary compute').optional(),
    dailyChangeFraction: amount('0.02', 'a fraction of the data per day').optional(),
    defaultRetentionDays: amount('35', 'a number of days').optional(),
    unpromisedRto: duration('72h').optional(),
    unpromisedRpo: duration('24h').optional(),
  },
  'the costModel section',
);

/** A whole BIA file. */
export const biaFileSchema = strict(
  {
    currency: z
      .string({ error: (issue) => `expected a currency code such as USD, received ${show(issue.input)}` })
      .optional(),
    frequencies: frequenciesSchema.optional(),
    costModel: costModelOverrideSchema.optional(),
    services: z.record(z.string(), serviceImpactSchema, {
      error: (issue) =>
        issue.input === undefined
          ? 'is required; list services by name, e.g. services: { payments: { downtimeCostPerHour: 50000, dataLossCostPerHour: 20000 } }'
          : `expected a mapping of service name to impact, received ${show(issue.input)}`,
    }),
  },
  'a BIA file',
);

/** The BIA file as validated, before defaults are applied. */
export type BiaFile = z.output<typeof biaFileSchema>;
