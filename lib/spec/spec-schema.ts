// The zod schemas of the spec: the source of truth for validation and its messages. They load on
// first use only (see validate-spec.ts), since valid documents take the fast path of fast-parse.ts,
// which mirrors them: change both together (test/lib/spec/fast-parse.test.ts compares them).
import { z } from 'zod';

import { STRATEGIES } from '../model/disruption';
import { didYouMean } from '../regions/closest-match';
import { durationField } from './duration-field';
import { showValue } from './issue-path';
import { RESOURCE_KINDS, SERVICE_NAME_PATTERN, isCalendarDate } from './spec-constants';
import { strictMapping } from './strict-mapping';

/** Non-empty text; `example` shows what a good value looks like. */
function text(example: string, pattern?: RegExp, patternHint?: string) {
  let schema = z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is required; add it, e.g. ${example}`
          : `expected text such as ${example}, received ${showValue(issue.input)}`,
    })
    .trim()
    .min(1, {
      error: (issue) =>
        `must not be empty, received ${showValue(issue.input)}; write e.g. ${example}`,
    });
  if (pattern) {
    schema = schema.regex(pattern, {
      error: (issue) =>
        `${patternHint ?? `must match ${pattern}`}, received ${showValue(issue.input)}`,
    });
  }
  return schema;
}

/** A list; `example` is a YAML flow list showing the expected shape. */
function list<T extends z.ZodType>(item: T, example: string) {
  return z.array(item, {
    error: (issue) => `expected a list such as ${example}, received ${showValue(issue.input)}`,
  });
}

/** A duration in whole days (review and drill cadences), read into days. */
function daysField(example: string) {
  return durationField(example).transform((seconds, ctx): number => {
    if (seconds <= 0 || seconds % 86_400 !== 0) {
      ctx.issues.push({
        code: 'custom',
        message: `must be a positive whole number of days such as ${example}, received ${seconds} seconds`,
        input: seconds,
      });
      return z.NEVER;
    }
    return seconds / 86_400;
  });
}

/** A `YYYY-MM-DD` date string. */
function dateField() {
  return z
    .string({
      error: (issue) =>
        `expected a date written 'YYYY-MM-DD' (quote it in YAML), received ${showValue(issue.input)}`,
    })
    .refine(isCalendarDate, {
      error: (issue) =>
        `expected a real calendar date written 'YYYY-MM-DD', e.g. '2026-03-31', received ${showValue(issue.input)}`,
    });
}

/** One of a fixed set of words, with did-you-mean. */
function oneOf<T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) => {
      const got = issue.input;
      const hint = typeof got === 'string' ? didYouMean(got, values) : '';
      return `unknown ${what} ${showValue(got)}${hint}; use one of ${values.join(', ')}`;
    },
  });
}

/** `{ rto, rpo }` as written, read into seconds. */
export const objectiveSchema = strictMapping(
  { rto: durationField('1h'), rpo: durationField('15min') },
  'an objective',
).transform(({ rto, rpo }) => ({ rtoSeconds: rto, rpoSeconds: rpo }));

/** One tier as written under `tiers:`; `null` removes a value inherited from a built-in tier. */
export const tierSchema = strictMapping(
  {
    application: objectiveSchema.nullable().optional(),
    az: objectiveSchema.nullable().optional(),
    region: objectiveSchema.nullable().optional(),
    account: objectiveSchema.nullable().optional(),
    strategy: oneOf(STRATEGIES, 'strategy').nullable().optional(),
    immutable: z
      .boolean({ error: (issue) => `expected true or false, received ${showValue(issue.input)}` })
      .nullable()
      .optional(),
    retentionDays: z
      .number({
        error: (issue) =>
          `expected a number of days such as 35, received ${showValue(issue.input)}`,
      })
      .int({
        error: (issue) => `must be a whole number of days, received ${showValue(issue.input)}`,
      })
      .min(1, { error: (issue) => `must be at least 1 day, received ${showValue(issue.input)}` })
      .nullable()
      .optional(),
    reviewEvery: daysField('180d').optional(),
    drillEvery: daysField('90d').optional(),
    description: text("'customer-facing, EU only'").nullable().optional(),
  },
  'a tier',
);

/** One store or compute resource of a service. */
export const resourceSchema = strictMapping(
  {
    kind: z.unknown().transform((value, ctx): (typeof RESOURCE_KINDS)[number] => {
      if (typeof value === 'string' && RESOURCE_KINDS.includes(value)) {
        return value;
      }
      const hint = typeof value === 'string' ? didYouMean(value.toLowerCase(), RESOURCE_KINDS) : '';
      ctx.issues.push({
        code: 'custom',
        message:
          value === undefined
            ? `is required; use one of ${RESOURCE_KINDS.join(', ')}`
            : `unknown resource kind ${showValue(value)}${hint}; use one of ${RESOURCE_KINDS.join(', ')}`,
        input: value,
      });
      return z.NEVER;
    }),
    logicalId: text('OrdersTable').optional(),
    stack: text('ShopPrimary').optional(),
    sizeGiB: z
      .number({
        error: (issue) => `expected a size in GiB such as 200, received ${showValue(issue.input)}`,
      })
      .positive({
        error: (issue) =>
          `must be more than 0 GiB, received ${showValue(issue.input)}; leave it out when unknown`,
      })
      .optional(),
  },
  'a resource',
);

/** One service as written under `services:`. */
export const serviceSchema = strictMapping(
  {
    name: text(
      'orders',
      SERVICE_NAME_PATTERN,
      'must start with a letter and hold only letters, digits, - or _',
    ),
    tier: text('gold'),
    owner: text('team-orders'),
    dependsOn: list(text('payments'), '[payments]').default([]),
    contacts: list(text('orders-oncall@example.com'), '[orders-oncall@example.com]').default([]),
    reviewedOn: dateField().optional(),
    lastDrill: dateField().optional(),
    resources: list(resourceSchema, '[{ kind: dynamodb, logicalId: OrdersTable }]').default([]),
  },
  'a service',
);

/** One suppression as written under `suppressions:`. */
export const suppressionSchema = strictMapping(
  {
    rule: text('RR-BKP3'),
    resource: text("OrdersTable, ShopPrimary/OrdersTable, orders or '*'"),
    reason: text("'restore tested monthly by hand until ticket OPS-42 ships'"),
    expires: dateField().optional(),
  },
  'a suppression',
);

/** `regions: { primary, recovery }`. */
export const regionsSchema = strictMapping(
  { primary: text('us-east-1'), recovery: text('us-west-2') },
  'regions',
);

/** One tier as parsed from the document, before merging with the built-in catalogue. */
export type TierOverride = z.output<typeof tierSchema>;
