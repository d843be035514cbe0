import { z } from 'zod';

import { DISRUPTIONS, STORE_KINDS, STRATEGIES } from '../model/disruption';
import { durationField } from '../spec/duration-field';
import { showValue } from '../spec/issue-path';
import { strictMapping } from '../spec/strict-mapping';

/** A non-negative amount of money (or a per-year frequency). */
function amount(example: string, what = 'an amount') {
  return z
    .number({
      error: (issue) => `expected ${what} such as ${example}, received ${showValue(issue.input)}`,
    })
    .refine((value) => Number.isFinite(value) && value >= 0, {
      error: (issue) =>
        `must be zero or more, received ${showValue(issue.input)}; write e.g. ${example}`,
    });
}

/** Per-key numbers restricted to a fixed set of keys. */
function perKey<T extends readonly [string, ...string[]]>(keys: T, example: string, what: string) {
  const shape = Object.fromEntries(keys.map((key) => [key, amount(example, what).optional()]));
  return strictMapping(
    shape as Record<T[number], z.ZodOptional<ReturnType<typeof amount>>>,
    `a mapping of ${keys.join('/')}`,
  );
}

const frequenciesSchema = perKey(DISRUPTIONS, '0.5', 'a number of disruptions per year');

const curvePointSchema = strictMapping(
  { after: durationField('4h'), perHour: amount('50000', 'a cost per hour') },
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
      `[{ after: 0h, perHour: 10000 }, { after: 4h, perHour: 50000 }], received ${showValue(issue.input)}`,
  },
);

const storeKind = z.enum(STORE_KINDS, {
  error: (issue) =>
    `unknown store kind ${showValue(issue.input)}; use one of ${STORE_KINDS.join(', ')}`,
});

const storeSchema = strictMapping(
  {
    kind: storeKind,
    sizeGiB: amount('200', 'a size in GiB'),
  },
  'a store',
);

/** One service's impact as written in a BIA file. */
export const serviceImpactSchema = strictMapping(
  {
    tier: z
      .string({
        error: (issue) => `expected a tier name such as gold, received ${showValue(issue.input)}`,
      })
      .optional(),
    downtimeCostPerHour: downtimeCostSchema,
    dataLossCostPerHour: amount('20000', 'a cost per hour of lost data'),
    maxOutage: durationField('4h').optional(),
    maxDataLoss: durationField('15min').optional(),
    frequencies: frequenciesSchema.optional(),
    stores: z
      .array(storeSchema, {
        error: (issue) =>
          `expected a list such as [{ kind: dynamodb, sizeGiB: 50 }], received ${showValue(issue.input)}`,
      })
      .optional(),
    computeCostPerMonth: amount('3000', 'a monthly compute cost').optional(),
  },
  'a service',
);

/** The `costModel` section: any field of the default cost model, overridden. */
export const costModelOverrideSchema = strictMapping(
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
    unpromisedRto: durationField('72h').optional(),
    unpromisedRpo: durationField('24h').optional(),
  },
  'the costModel section',
);

/** A whole BIA file. */
export const biaFileSchema = strictMapping(
  {
    currency: z
      .string({
        error: (issue) =>
          `expected a currency code such as USD, received ${showValue(issue.input)}`,
      })
      .optional(),
    frequencies: frequenciesSchema.optional(),
    costModel: costModelOverrideSchema.optional(),
    services: z.record(z.string(), serviceImpactSchema, {
      error: (issue) =>
        issue.input === undefined
          ? 'is required; list services by name, e.g. services: { payments: { downtimeCostPerHour: 50000, dataLossCostPerHour: 20000 } }'
          : `expected a mapping of service name to impact, received ${showValue(issue.input)}`,
    }),
  },
  'a BIA file',
);

/** The BIA file as validated, before defaults are applied. */
export type BiaFile = z.output<typeof biaFileSchema>;
