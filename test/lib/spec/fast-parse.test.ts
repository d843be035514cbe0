import fc from 'fast-check';
import type { z } from 'zod';

import { STRATEGIES } from '../../../lib/model';
import { fastRegions, fastService, fastSuppression, fastTier } from '../../../lib/spec/fast-parse';
import { RESOURCE_KINDS } from '../../../lib/spec/spec-constants';
import {
  regionsSchema,
  serviceSchema,
  suppressionSchema,
  tierSchema,
} from '../../../lib/spec/spec-schema';
import { NOW, validDocument } from './fixtures';

// The fast path must never disagree with the zod schemas: whatever it accepts, the schema accepts
// with the same data (same keys, in the same order); what it declines, the schema reports.

type FastParse = (raw: unknown) => unknown;

/** The property: the fast path declines, or returns exactly the schema's data. */
function agrees(fast: FastParse, schema: z.ZodType, item: unknown): boolean {
  const value = fast(item);
  if (value === undefined) {
    return true;
  }
  const result = schema.safeParse(item);
  expect(result.success).toBe(true);
  expect(value).toStrictEqual(result.data);
  expect(JSON.stringify(value)).toBe(JSON.stringify(result.data));
  return true;
}

const RUNS = { numRuns: 3000 };

// Values near the edges of what the schemas accept, good and bad.
const anyJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constant([]),
  fc.constant({}),
);
const goodText = fc.constantFrom('orders', ' orders ', 'Svc-1_x', 'a', 'x'.repeat(63), 'team a');
const anyText = mostly(
  goodText,
  fc.constantFrom('', '   ', '1abc', 'a b', 'x'.repeat(64), '-x', 'ü'),
  fc.string(),
  anyJson,
);
const goodDate = fc.constantFrom('2026-10-01', '2024-02-29', '1999-12-31');
const anyDate = mostly(
  goodDate,
  fc.constantFrom('2026-02-30', '2026-13-01', ' 2026-10-01', '20261001', '2026-1-01'),
  anyJson,
);
const goodDuration = fc.constantFrom('15min', '4h', '1d', '0', 0, 'PT15M', '1h30min', '2d', '7d');
const anyDuration = mostly(
  goodDuration,
  fc.constantFrom(60, '-1h', '', 'abc', '1m', 'P1M', Infinity, NaN, ' 2h ', '1.5d', '36h', '90s'),
  anyJson,
);
const goodNumber = fc.oneof(
  fc.integer({ min: 1 }),
  fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
);
const anyNumber = mostly(
  goodNumber,
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 53, 2 ** 53 - 1, Infinity, NaN, '10'),
  fc.double(),
  anyJson,
);

/** Mostly `good` values, so that many generated items are valid; sometimes one of `bad`. */
function mostly(
  good: fc.Arbitrary<unknown>,
  ...bad: fc.Arbitrary<unknown>[]
): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6 * bad.length, arbitrary: good }, ...bad);
}

/** A list of `item`, or something that is not one. */
function listOf<T>(item: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return mostly(
    fc.array(item, { maxLength: 3 }),
    fc.constantFrom(null, 'a', {}, [undefined]),
    fc.constant([, 'a']),
  );
}

/** An object with `keys` (each maybe absent), and maybe a key the schema does not know. */
function mapping(keys: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.record(keys, { requiredKeys: [] }) },
    fc
      .tuple(fc.record(keys, { requiredKeys: [] }), fc.constantFrom('nmae', 'extra', 'Kind'))
      .map(([value, key]) => ({ ...value, [key]: 1 })),
    anyJson,
  );
}

const goodResource = fc.record(
  {
    kind: fc.constantFrom(...RESOURCE_KINDS),
    logicalId: goodText,
    stack: goodText,
    sizeGiB: goodNumber,
  },
  { requiredKeys: ['kind'] },
);
const anyResource = mapping({
  kind: mostly(fc.constantFrom(...RESOURCE_KINDS), fc.constantFrom('S3', 'dynamo', ''), anyJson),
  logicalId: anyText,
  stack: anyText,
  sizeGiB: anyNumber,
});

const goodService = fc.record(
  {
    name: fc.constantFrom('orders', ' orders', 'Svc-1_x', 'a'),
    tier: goodText,
    owner: goodText,
    dependsOn: fc.array(goodText, { maxLength: 3 }),
    contacts: fc.array(goodText, { maxLength: 3 }),
    reviewedOn: goodDate,
    lastDrill: goodDate,
    resources: fc.array(goodResource, { maxLength: 3 }),
  },
  { requiredKeys: ['name', 'tier', 'owner'] },
);
const anyService = mapping({
  name: anyText,
  tier: anyText,
  owner: anyText,
  dependsOn: listOf(anyText),
  contacts: listOf(anyText),
  reviewedOn: anyDate,
  lastDrill: anyDate,
  resources: listOf(anyResource),
});

const goodObjective = fc.record({ rto: goodDuration, rpo: goodDuration });
const anyObjective = mapping({ rto: anyDuration, rpo: anyDuration });
const goodTier = fc.record(
  {
    application: fc.oneof(goodObjective, fc.constant(null)),
    az: fc.oneof(goodObjective, fc.constant(null)),
    region: fc.oneof(goodObjective, fc.constant(null)),
    account: fc.oneof(goodObjective, fc.constant(null)),
    strategy: fc.constantFrom(...STRATEGIES, null),
    immutable: fc.constantFrom(true, false, null),
    retentionDays: fc.oneof(fc.integer({ min: 1 }), fc.constant(null)),
    reviewEvery: fc.constantFrom('1d', '180d', '2w'),
    drillEvery: fc.constantFrom('90d', '1d'),
    description: fc.oneof(goodText, fc.constant(null)),
  },
  { requiredKeys: [] },
);
const anyTier = mapping({
  application: fc.oneof(anyObjective, fc.constant(null)),
  az: anyObjective,
  region: anyObjective,
  account: anyObjective,
  strategy: mostly(fc.constantFrom(...STRATEGIES, null), fc.constant('Pilot-Light'), anyJson),
  immutable: mostly(fc.constantFrom(true, false, null), anyJson),
  retentionDays: anyNumber,
  reviewEvery: anyDuration,
  drillEvery: anyDuration,
  description: anyText,
});

const goodSuppression = fc.record(
  { rule: goodText, resource: goodText, reason: goodText, expires: goodDate },
  { requiredKeys: ['rule', 'resource', 'reason'] },
);
const anySuppression = mapping({
  rule: anyText,
  resource: anyText,
  reason: anyText,
  expires: anyDate,
});

const goodRegions = fc.record({ primary: goodText, recovery: goodText });
const anyRegions = mapping({ primary: anyText, recovery: anyText });

describe.each([
  ['services', fastService, serviceSchema, goodService, anyService],
  ['tiers', fastTier, tierSchema, goodTier, anyTier],
  ['suppressions', fastSuppression, suppressionSchema, goodSuppression, anySuppression],
  ['regions', fastRegions, regionsSchema, goodRegions, anyRegions],
] as [string, FastParse, z.ZodType, fc.Arbitrary<unknown>, fc.Arbitrary<unknown>][])(
  'fast path of %s',
  (_name, fast, schema, good, any) => {
    test('returns the schema data for every valid item', () => {
      fc.assert(
        fc.property(good, (item) => {
          // WHEN
          const value = fast(item);
          // THEN
          expect(value).not.toBeUndefined();
          return agrees(fast, schema, item);
        }),
        RUNS,
      );
    });

    test('never accepts an item the schema rejects, nor reads one differently', () => {
      let accepted = 0;
      fc.assert(
        fc.property(any, (item) => {
          accepted += fast(item) === undefined ? 0 : 1;
          return agrees(fast, schema, item);
        }),
        RUNS,
      );
      // Not vacuous: the generated items are valid often enough to compare many values.
      expect(accepted).toBeGreaterThan(RUNS.numRuns / 100);
    });
  },
);

describe('fast path', () => {
  test('takes every item of the example document', () => {
    // GIVEN
    const doc = validDocument();
    // WHEN
    const services = doc.services.map(fastService);
    const tiers = Object.values(doc.tiers).map(fastTier);
    // THEN
    expect(services).toEqual(doc.services.map((s: unknown) => serviceSchema.parse(s)));
    expect(tiers).toEqual(Object.values(doc.tiers).map((t) => tierSchema.parse(t)));
    expect(fastRegions(doc.regions)).toEqual(doc.regions);
    expect(fastSuppression(doc.suppressions[0])).toEqual(doc.suppressions[0]);
  });

  it.each([
    ['an own __proto__ key', JSON.parse('{"name":"a","tier":"g","owner":"o","__proto__":{}}')],
    ['a key set to undefined', { name: 'a', tier: 'g', owner: 'o', reviewedOn: undefined }],
    [
      'a class instance',
      Object.assign(new (class Service {})(), { name: 'a', tier: 'g', owner: 'o' }),
    ],
    [
      'an inherited key',
      Object.assign(Object.create({ extra: 1 }), { name: 'a', tier: 'g', owner: 'o' }),
    ],
    ['a name that breaks the pattern', { name: 'a b', tier: 'g', owner: 'o' }],
    ['a blank owner', { name: 'a', tier: 'g', owner: ' ' }],
    ['a null list', { name: 'a', tier: 'g', owner: 'o', contacts: null }],
  ])('declines a service with %s', (_case, service) => {
    expect(fastService(service)).toBeUndefined();
  });

  it.each([
    ['a bare number duration', { region: { rto: 60, rpo: '1h' } }],
    ['a cadence that is not whole days', { reviewEvery: '36h' }],
    ['a null cadence', { drillEvery: null }],
    ['a retention beyond safe integers', { retentionDays: 2 ** 53 }],
    ['an unknown strategy', { strategy: 'Pilot-Light' }],
  ])('declines a tier with %s', (_case, tier) => {
    expect(fastTier(tier)).toBeUndefined();
  });
});

describe('validateSpec', () => {
  test('validates a valid document without loading zod, and loads it to report issues', () => {
    jest.isolateModules(() => {
      // GIVEN
      jest.doMock('zod', () => {
        throw new Error('zod loaded');
      });
      const { validateSpec } =
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('../../../lib/spec/validate-spec') as typeof import('../../../lib/spec/validate-spec');
      const doc = validDocument();
      // WHEN
      const valid = validateSpec(doc, { now: NOW });
      doc.services[0].owner = ' ';
      // THEN
      expect(valid.issues).toEqual([]);
      expect(valid.spec?.services).toHaveLength(3);
      expect(() => validateSpec(doc, { now: NOW })).toThrow('zod loaded');
    });
  });
});
