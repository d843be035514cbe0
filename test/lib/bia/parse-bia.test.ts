import { DEFAULT_COST_MODEL, PRICE_SOURCES, downtimeCost, parseBia } from '../../../lib/bia';
import { isInputError } from '../../../lib/model';

function issuesOf(text: string): { path: string; message: string }[] {
  try {
    parseBia(text, 'bia.yaml');
  } catch (error) {
    if (isInputError(error)) {
      return [...error.issues];
    }
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseBia', () => {
  test('reads a single hourly figure, a curve, maxima and defaults', () => {
    // GIVEN
    const text = `
frequencies: { region: 0.1 }
services:
  payments:
    tier: gold
    downtimeCostPerHour: [{ after: 1h, perHour: 10000 }, { after: 4h, perHour: 50000 }]
    dataLossCostPerHour: 20000
    maxOutage: 4h
    maxDataLoss: 15min
    frequencies: { application: 3 }
    stores: [{ kind: aurora, sizeGiB: 200 }]
    computeCostPerMonth: 4000
  reporting:
    downtimeCostPerHour: 100
    dataLossCostPerHour: 50
`;
    // WHEN
    const bia = parseBia(text);
    // THEN
    const [payments, reporting] = bia.services;
    expect(bia.currency).toBe('USD');
    expect(payments).toEqual({
      name: 'payments',
      declaredTier: 'gold',
      downtimeCost: [
        { afterSeconds: 0, perHour: 0 },
        { afterSeconds: 3_600, perHour: 10_000 },
        { afterSeconds: 14_400, perHour: 50_000 },
      ],
      dataLossCostPerHour: 20_000,
      maxOutageSeconds: 14_400,
      maxDataLossSeconds: 900,
      frequencies: { application: 3, az: 0.5, region: 0.1, account: 0 },
      stores: [{ kind: 'aurora', sizeGiB: 200 }],
      computeCostPerMonth: 4_000,
    });
    expect(reporting.downtimeCost).toEqual([{ afterSeconds: 0, perHour: 100 }]);
    expect(reporting.frequencies).toEqual({ application: 2, az: 0.5, region: 0.1, account: 0 });
    expect(reporting.computeCostPerMonth).toBe(0);
    expect(bia.costModel).toBe(DEFAULT_COST_MODEL);
  });

  test('reads JSON too', () => {
    // GIVEN
    const text = JSON.stringify({
      services: { a: { downtimeCostPerHour: 1, dataLossCostPerHour: 2 } },
    });
    // WHEN
    const bia = parseBia(text);
    // THEN
    expect(bia.services[0].name).toBe('a');
  });

  test('fails with every problem, naming the path, the value received and the fix', () => {
    // GIVEN
    const text = `
costModel: { crossRegionTransferPerGiB: -1, standbyFraction: 1 }
services:
  payments:
    downtimeCostPerHour: lots
    dataLossCostPerHour: 100
    maxOutage: 4
    frequencies: { regoin: 1 }
    stores: [{ kind: dynamo, sizeGiB: 1 }]
`;
    // WHEN
    const issues = issuesOf(text);
    // THEN
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath['bia.yaml:costModel']).toMatch(
      /unknown key 'standbyFraction'; .*allows .*standbyComputeFraction/,
    );
    expect(byPath['bia.yaml:costModel.crossRegionTransferPerGiB']).toMatch(
      /must be zero or more, received -1/,
    );
    expect(byPath['bia.yaml:services.payments.downtimeCostPerHour']).toMatch(
      /expected a cost per hour such as 50000, or a curve .*received 'lots'/,
    );
    expect(byPath['bia.yaml:services.payments.maxOutage']).toMatch(
      /bare number has no unit.*write 4min/,
    );
    expect(byPath['bia.yaml:services.payments.frequencies']).toMatch(/unknown key 'regoin'/);
    expect(byPath['bia.yaml:services.payments.stores[0].kind']).toMatch(
      /unknown store kind 'dynamo'; use one of dynamodb/,
    );
  });

  test('fails on a misspelt key with the same did-you-mean hint a spec gives', () => {
    // GIVEN
    const text = `
services:
  payments: { downtimeCostPerHour: 1, dataLossCostPerHour: 1, maxOutgae: 4h }
`;
    // WHEN
    const issues = issuesOf(text);
    // THEN
    expect(issues).toEqual([
      {
        path: 'bia.yaml:services.payments',
        message: expect.stringMatching(
          /^unknown key 'maxOutgae' \(did you mean 'maxOutage'\?\); a service allows/,
        ),
      },
    ]);
  });

  test('fails when curve points are out of order', () => {
    // GIVEN
    const text = `
services:
  payments:
    downtimeCostPerHour: [{ after: 4h, perHour: 1 }, { after: 1h, perHour: 2 }]
    dataLossCostPerHour: 1
`;
    // WHEN
    const issues = issuesOf(text);
    // THEN
    expect(issues).toEqual([
      {
        path: 'bia.yaml:services.payments.downtimeCostPerHour[1].after',
        message: expect.stringMatching(
          /increasing order .*received 3600s after 14400s; sort the points/,
        ),
      },
    ]);
  });

  test('fails on a missing services section and on an empty file', () => {
    // GIVEN / WHEN / THEN
    expect(issuesOf('currency: EUR')).toEqual([
      {
        path: 'bia.yaml:services',
        message: expect.stringMatching(/^is required; list services by name/),
      },
    ]);
    expect(issuesOf('')[0].message).toMatch(/the file is empty/);
    expect(issuesOf('services: [')[0].message).toMatch(/cannot read the file as YAML or JSON/);
  });
});

describe('downtimeCost', () => {
  test('integrates the step curve over the outage', () => {
    // GIVEN 10 000/h for 4 h, then 50 000/h
    const curve = [
      { afterSeconds: 0, perHour: 10_000 },
      { afterSeconds: 4 * 3_600, perHour: 50_000 },
    ];
    // WHEN / THEN 6 h = 4 × 10 000 + 2 × 50 000; 2 h = 2 × 10 000; 30 min = 5 000
    expect(downtimeCost(curve, 6 * 3_600)).toBe(140_000);
    expect(downtimeCost(curve, 2 * 3_600)).toBe(20_000);
    expect(downtimeCost(curve, 1_800)).toBe(5_000);
    expect(downtimeCost(curve, 0)).toBe(0);
  });
});

describe('cost model', () => {
  test('every default price has a source page and a date, and feeds the model', () => {
    // GIVEN / WHEN / THEN
    for (const source of PRICE_SOURCES) {
      expect(source.url).toMatch(/^https:\/\//);
      expect(source.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(DEFAULT_COST_MODEL.backupStoragePerGiBMonth.dynamodb).toBe(0.1);
    expect(DEFAULT_COST_MODEL.crossRegionTransferPerGiB).toBe(0.02);
    expect(DEFAULT_COST_MODEL.healthCheckPerMonth).toBe(0.5);
  });
});
