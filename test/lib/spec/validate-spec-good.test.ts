import { BUILT_IN_TIERS } from '../../../lib/tiers';
import { DEFAULT_CADENCE_DAYS, parseSpec, validateSpec } from '../../../lib/spec';
import { NOW, validDocument } from './fixtures';

describe('validateSpec accepts good input', () => {
  it('resolves a valid document with no issues', () => {
    // GIVEN
    const doc = validDocument();
    // WHEN
    const { spec, issues } = validateSpec(doc, { now: NOW });
    // THEN
    expect(issues).toEqual([]);
    expect(spec?.regions).toEqual({ primary: 'us-east-1', recovery: 'us-west-2' });
    expect(spec?.services.map((s) => s.name)).toEqual(['payments', 'orders', 'reports']);
    expect(spec?.suppressions).toEqual([
      {
        rule: 'RR-BKP3',
        resource: 'ReportsVolume',
        reason: 'tested by hand',
        expires: '2027-01-31',
      },
    ]);
  });

  it('fills defaults: empty dependsOn, contacts and resources, no suppressions', () => {
    // GIVEN the smallest useful spec
    const raw = {
      regions: { primary: 'eu-west-1', recovery: 'eu-central-1' },
      services: [{ name: 'payments', tier: 'platinum', owner: 'team-payments' }],
    };
    // WHEN
    const spec = parseSpec(raw, { now: NOW });
    // THEN
    expect(spec.services[0]).toEqual({
      name: 'payments',
      tier: 'platinum',
      owner: 'team-payments',
      dependsOn: [],
      contacts: [],
      resources: [],
    });
    expect(spec.suppressions).toEqual([]);
    expect(Object.keys(spec.tiers)).toEqual(['platinum', 'gold', 'silver', 'bronze']);
    expect(spec.tiers.gold).toEqual(BUILT_IN_TIERS.gold);
  });

  it('accepts an empty service list', () => {
    // GIVEN / WHEN
    const spec = parseSpec({
      regions: { primary: 'us-east-1', recovery: 'us-east-2' },
      services: [],
    });
    // THEN
    expect(spec.services).toEqual([]);
  });

  it('adds a custom tier with seconds-based objectives and yearly cadences by default', () => {
    // GIVEN the gold-eu tier of the fixture
    // WHEN
    const spec = parseSpec(validDocument(), { now: NOW });
    // THEN
    expect(spec.tiers['gold-eu']).toEqual({
      name: 'gold-eu',
      objectives: {
        application: { rtoSeconds: 14_400, rpoSeconds: 900 },
        region: { rtoSeconds: 7_200, rpoSeconds: 900 },
      },
      reviewEveryDays: DEFAULT_CADENCE_DAYS,
      drillEveryDays: DEFAULT_CADENCE_DAYS,
    });
  });

  it('overrides a built-in tier field by field and keeps the rest', () => {
    // GIVEN an override of gold's region objective and review cadence
    const doc = validDocument();
    doc.tiers.gold = {
      region: { rto: 'PT30M', rpo: '15min' },
      reviewEvery: '90d',
      retentionDays: 60,
    };
    // WHEN
    const spec = parseSpec(doc, { now: NOW });
    // THEN
    expect(spec.tiers.gold.objectives.region).toEqual({ rtoSeconds: 1_800, rpoSeconds: 900 });
    expect(spec.tiers.gold.objectives.application).toEqual(
      BUILT_IN_TIERS.gold.objectives.application,
    );
    expect(spec.tiers.gold.reviewEveryDays).toBe(90);
    expect(spec.tiers.gold.drillEveryDays).toBe(BUILT_IN_TIERS.gold.drillEveryDays);
    expect(spec.tiers.gold.retentionDays).toBe(60);
    expect(spec.tiers.gold.strategy).toBe('warm-standby');
  });

  it('removes an inherited objective or setting with null', () => {
    // GIVEN gold without its account objective and strategy
    const doc = validDocument();
    doc.tiers.gold = { account: null, strategy: null };
    // WHEN
    const spec = parseSpec(doc, { now: NOW });
    // THEN
    expect(spec.tiers.gold.objectives.account).toBeUndefined();
    expect(spec.tiers.gold.objectives.region).toBeDefined();
    expect('strategy' in spec.tiers.gold).toBe(false);
  });

  it('does not change the built-in catalogue when overriding', () => {
    // GIVEN an override of platinum
    const doc = validDocument();
    doc.tiers.platinum = { region: { rto: '10min', rpo: '1min' } };
    // WHEN
    parseSpec(doc, { now: NOW });
    // THEN
    expect(BUILT_IN_TIERS.platinum.objectives.region).toEqual({ rtoSeconds: 900, rpoSeconds: 60 });
  });

  it('accepts a dependency on an equal or stricter tier, and ISO durations', () => {
    // GIVEN orders (gold) on payments (platinum), reports (bronze) on orders (gold)
    const doc = validDocument();
    doc.tiers['gold-eu'].region = { rto: 'PT2H', rpo: 'PT15M' };
    // WHEN
    const { issues } = validateSpec(doc, { now: NOW });
    // THEN
    expect(issues).toEqual([]);
  });

  it('accepts the same logical id in two different stacks', () => {
    // GIVEN two services whose resources share a logical id in different stacks
    const doc = validDocument();
    doc.services[1].resources[0].stack = 'ShopPrimary';
    doc.services[2].resources.push({
      kind: 'dynamodb',
      logicalId: 'OrdersTable',
      stack: 'Reporting',
    });
    // WHEN
    const { issues } = validateSpec(doc, { now: NOW });
    // THEN
    expect(issues).toEqual([]);
  });

  it('accepts today as a review date and trims text', () => {
    // GIVEN
    const doc = validDocument();
    doc.services[1].reviewedOn = '2026-11-21';
    doc.services[1].owner = '  team-orders  ';
    // WHEN
    const spec = parseSpec(doc, { now: NOW });
    // THEN
    expect(spec.services[1].reviewedOn).toBe('2026-11-21');
    expect(spec.services[1].owner).toBe('team-orders');
  });
});
