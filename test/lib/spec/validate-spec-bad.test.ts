import { InputError } from '../../../lib/model';
import { parseSpec, validateSpec } from '../../../lib/spec';
import { NOW, validDocument } from './fixtures';

type Doc = Record<string, any>;

/** [case, mutation, expected path, expected message pattern] */
const BAD_INPUTS: [string, (doc: Doc) => unknown, string, RegExp][] = [
  // document shape
  ['fails on a document that is a list', () => [], '', /expected a spec mapping.*received a list/],
  [
    'fails on a document that is text',
    () => 'regions: x',
    '',
    /expected a spec mapping.*received 'regions: x'/,
  ],
  [
    'fails on an unknown top-level key with a suggestion',
    (d) => ({ ...d, servics: [] }),
    'servics',
    /unknown key 'servics' \(did you mean 'services'\?\)/,
  ],
  [
    'fails on missing regions',
    (d) => {
      delete d.regions;
      return d;
    },
    'regions',
    /is required; add regions: \{ primary: us-east-1/,
  ],
  [
    'fails on missing services',
    (d) => {
      delete d.services;
      return d;
    },
    'services',
    /is required; add services/,
  ],
  [
    'fails on services that are not a list',
    (d) => ({ ...d, services: { orders: {} } }),
    'services',
    /expected a list, received a mapping/,
  ],
  [
    'fails on suppressions that are not a list',
    (d) => ({ ...d, suppressions: 'none' }),
    'suppressions',
    /expected a list, received 'none'/,
  ],
  // regions
  [
    'fails on a mistyped primary Region',
    (d) => {
      d.regions.primary = 'us-east1';
      return d;
    },
    'regions.primary',
    /unknown AWS Region 'us-east1' \(did you mean 'us-east-1'\?\)/,
  ],
  [
    'fails on an unknown recovery Region',
    (d) => {
      d.regions.recovery = 'moon-1';
      return d;
    },
    'regions.recovery',
    /unknown AWS Region 'moon-1'; use an AWS Region code such as us-east-1/,
  ],
  [
    'fails on primary equal to recovery',
    (d) => {
      d.regions.recovery = 'us-east-1';
      return d;
    },
    'regions.recovery',
    /'us-east-1' is the primary Region too.*choose another Region/,
  ],
  [
    'fails on Regions in different partitions',
    (d) => {
      d.regions.recovery = 'cn-north-1';
      return d;
    },
    'regions.recovery',
    /partition aws-cn.*cannot cross partitions/,
  ],
  [
    'fails on a missing recovery Region',
    (d) => {
      delete d.regions.recovery;
      return d;
    },
    'regions.recovery',
    /is required; add it, e.g. us-west-2/,
  ],
  [
    'fails on a Region given as a number',
    (d) => {
      d.regions.primary = 1;
      return d;
    },
    'regions.primary',
    /expected text such as us-east-1, received 1/,
  ],
  [
    'fails on an unknown key in regions',
    (d) => {
      d.regions.secondary = 'eu-west-1';
      return d;
    },
    'regions.secondary',
    /unknown key 'secondary'.*regions allows primary, recovery/,
  ],
  // tiers
  [
    'fails on an ambiguous m in a tier',
    (d) => {
      d.tiers['gold-eu'].region.rpo = '15m';
      return d;
    },
    'tiers.gold-eu.region.rpo',
    /unit 'm' is ambiguous.*received '15m'; write 15min/,
  ],
  [
    'fails on a bare number duration',
    (d) => {
      d.tiers['gold-eu'].region.rto = 30;
      return d;
    },
    'tiers.gold-eu.region.rto',
    /bare number has no unit, received 30; write 30min, not 30/,
  ],
  [
    'fails on a negative rpo',
    (d) => {
      d.tiers['gold-eu'].region.rpo = '-5min';
      return d;
    },
    'tiers.gold-eu.region.rpo',
    /must not be negative, received '-5min'/,
  ],
  [
    'fails on an unknown duration unit',
    (d) => {
      d.tiers['gold-eu'].region.rto = '2hours30';
      return d;
    },
    'tiers.gold-eu.region.rto',
    /cannot read '30'/,
  ],
  [
    'fails on an objective without rpo',
    (d) => {
      delete d.tiers['gold-eu'].region.rpo;
      return d;
    },
    'tiers.gold-eu.region.rpo',
    /is required; write a duration such as 15min/,
  ],
  [
    'fails on an unknown disruption with a suggestion',
    (d) => {
      d.tiers['gold-eu'].regoin = { rto: '1h', rpo: '1h' };
      return d;
    },
    'tiers.gold-eu.regoin',
    /unknown key 'regoin' \(did you mean 'region'\?\)/,
  ],
  [
    'fails on a tier with no objectives',
    (d) => {
      d.tiers.empty = { description: 'nothing promised' };
      return d;
    },
    'tiers.empty',
    /tier 'empty' declares no objectives; add at least one of application, az, region, account/,
  ],
  [
    'fails on a tier name with capitals',
    (d) => {
      d.tiers.GoldEU = { region: { rto: '1h', rpo: '1h' } };
      return d;
    },
    'tiers.GoldEU',
    /must be lowercase letters, digits and -/,
  ],
  [
    'fails on an unknown strategy with a suggestion',
    (d) => {
      d.tiers['gold-eu'].strategy = 'warm-stanby';
      return d;
    },
    'tiers.gold-eu.strategy',
    /unknown strategy 'warm-stanby' \(did you mean 'warm-standby'\?\)/,
  ],
  [
    'fails on a retention of 0 days',
    (d) => {
      d.tiers['gold-eu'].retentionDays = 0;
      return d;
    },
    'tiers.gold-eu.retentionDays',
    /must be at least 1 day, received 0/,
  ],
  [
    'fails on a review cadence that is not whole days',
    (d) => {
      d.tiers['gold-eu'].reviewEvery = '36h';
      return d;
    },
    'tiers.gold-eu.reviewEvery',
    /positive whole number of days/,
  ],
  [
    'fails on immutable given as text',
    (d) => {
      d.tiers['gold-eu'].immutable = 'yes';
      return d;
    },
    'tiers.gold-eu.immutable',
    /expected true or false, received 'yes'/,
  ],
  [
    'fails on tiers given as a list',
    (d) => {
      d.tiers = [{ name: 'x' }];
      return d;
    },
    'tiers',
    /expected a mapping of tier name to tier.*received a list/,
  ],
  // services: fields
  [
    'fails on a service without an owner',
    (d) => {
      delete d.services[0].owner;
      return d;
    },
    'services[0].owner',
    /is required; add it, e.g. team-orders/,
  ],
  [
    'fails on an empty service name',
    (d) => {
      d.services[1].name = '';
      return d;
    },
    'services[1].name',
    /must not be empty, received ''/,
  ],
  [
    'fails on a service name with spaces',
    (d) => {
      d.services[1].name = 'my orders';
      return d;
    },
    'services[1].name',
    /must start with a letter.*received 'my orders'/,
  ],
  [
    'fails on an unknown service key with a suggestion',
    (d) => {
      d.services[1].dependOn = [];
      return d;
    },
    'services[1].dependOn',
    /unknown key 'dependOn' \(did you mean 'dependsOn'\?\)/,
  ],
  [
    'fails on dependsOn given as text',
    (d) => {
      d.services[1].dependsOn = 'payments';
      return d;
    },
    'services[1].dependsOn',
    /expected a list such as \[payments\], received 'payments'/,
  ],
  [
    'fails on an unknown tier with a suggestion',
    (d) => {
      d.services[1].tier = 'gld';
      return d;
    },
    'services[1].tier',
    /unknown tier 'gld' \(did you mean 'gold'\?\); use one of platinum, gold, silver, bronze, gold-eu/,
  ],
  [
    'fails on an unknown resource kind with a suggestion',
    (d) => {
      d.services[1].resources[0].kind = 'dynamo';
      return d;
    },
    'services[1].resources[0].kind',
    /unknown resource kind 'dynamo' \(did you mean 'dynamodb'\?\)/,
  ],
  [
    'fails on a resource without a kind',
    (d) => {
      delete d.services[1].resources[0].kind;
      return d;
    },
    'services[1].resources[0].kind',
    /is required; use one of dynamodb, s3/,
  ],
  [
    'fails on a size of 0 GiB',
    (d) => {
      d.services[1].resources[0].sizeGiB = 0;
      return d;
    },
    'services[1].resources[0].sizeGiB',
    /must be more than 0 GiB, received 0/,
  ],
  [
    'fails on a negative size',
    (d) => {
      d.services[1].resources[0].sizeGiB = -3;
      return d;
    },
    'services[1].resources[0].sizeGiB',
    /must be more than 0 GiB, received -3/,
  ],
  [
    'fails on a size given as text',
    (d) => {
      d.services[1].resources[0].sizeGiB = '200GiB';
      return d;
    },
    'services[1].resources[0].sizeGiB',
    /expected a size in GiB such as 200, received '200GiB'/,
  ],
  [
    'fails on an unknown resource key',
    (d) => {
      d.services[1].resources[0].logicalID = 'X';
      return d;
    },
    'services[1].resources[0].logicalID',
    /unknown key 'logicalID' \(did you mean 'logicalId'\?\)/,
  ],
  [
    'fails on a reviewedOn that is not a date',
    (d) => {
      d.services[1].reviewedOn = 'last week';
      return d;
    },
    'services[1].reviewedOn',
    /real calendar date written 'YYYY-MM-DD'.*received 'last week'/,
  ],
  [
    'fails on an impossible date',
    (d) => {
      d.services[1].lastDrill = '2026-02-30';
      return d;
    },
    'services[1].lastDrill',
    /real calendar date.*received '2026-02-30'/,
  ],
  [
    'fails on a date given as a number',
    (d) => {
      d.services[1].lastDrill = 20260101;
      return d;
    },
    'services[1].lastDrill',
    /expected a date written 'YYYY-MM-DD' \(quote it in YAML\), received 20260101/,
  ],
  [
    'fails on a reviewedOn in the future',
    (d) => {
      d.services[1].reviewedOn = '2026-12-01';
      return d;
    },
    'services[1].reviewedOn',
    /date '2026-12-01' is in the future \(today is 2026-11-21\)/,
  ],
  [
    'fails on a lastDrill in the future',
    (d) => {
      d.services[1].lastDrill = '2030-01-01';
      return d;
    },
    'services[1].lastDrill',
    /is in the future/,
  ],
  // services: cross-field
  [
    'fails on duplicate names, case-insensitively',
    (d) => {
      d.services[2].name = 'Orders';
      return d;
    },
    'services[2].name',
    /'Orders' is already used by services\[1\] \('orders'\).*rename one/,
  ],
  [
    'fails on a dependency on an unknown service with a suggestion',
    (d) => {
      d.services[1].dependsOn = ['paymnets'];
      return d;
    },
    'services[1].dependsOn[0]',
    /unknown service 'paymnets' \(did you mean 'payments'\?\); declare it under services/,
  ],
  [
    'fails on a dependency on a looser tier',
    (d) => {
      d.services[0].dependsOn = ['orders'];
      return d;
    },
    'services[0].dependsOn[0]',
    /'payments' \(tier platinum\) depends on 'orders' \(tier gold\), which promises less on application \(rto 4h > 1h, rpo 15min > 5min\).*put 'orders' on tier platinum or a stricter one/,
  ],
  [
    'fails on a dependency on a tier that lacks a disruption',
    (d) => {
      d.services[1].tier = 'gold';
      d.services[0].tier = 'gold-eu';
      d.services[0].dependsOn = [];
      d.services[1].dependsOn = ['payments'];
      return d;
    },
    'services[1].dependsOn[0]',
    /depends on 'payments' \(tier gold-eu\), which promises less on az \(no objective declared\)/,
  ],
  [
    'fails on a dependency listed twice',
    (d) => {
      d.services[1].dependsOn = ['payments', 'payments'];
      return d;
    },
    'services[1].dependsOn[1]',
    /service 'payments' is listed twice in dependsOn; remove one/,
  ],
  [
    'fails on a self-dependency',
    (d) => {
      d.services[1].dependsOn = ['orders'];
      return d;
    },
    'services[1].dependsOn',
    /dependency cycle orders -> orders/,
  ],
  [
    'fails on a dependency cycle and prints it',
    (d) => {
      d.services[2].tier = 'gold';
      d.services[2].resources = [];
      d.services[1].dependsOn = ['reports'];
      return d;
    },
    'services[1].dependsOn',
    /dependency cycle orders -> reports -> orders; .*remove one of these dependencies/,
  ],
  [
    'fails on a resource claimed by two services',
    (d) => {
      d.services[2].resources[0] = { kind: 'dynamodb', logicalId: 'OrdersTable' };
      return d;
    },
    'services[2].resources[0].logicalId',
    /resource 'OrdersTable' is already claimed by service 'orders' \(services\[1\]\.resources\[0\]\)/,
  ],
  [
    'fails on a resource claimed twice when one names no stack',
    (d) => {
      d.services[2].resources[0] = { kind: 's3', logicalId: 'InvoicesBucket' };
      return d;
    },
    'services[2].resources[0].logicalId',
    /already claimed by service 'orders'.*set stack on both/,
  ],
  [
    'fails on a resource listed twice in one service',
    (d) => {
      d.services[1].resources.push({ kind: 'dynamodb', logicalId: 'OrdersTable' });
      return d;
    },
    'services[1].resources[3].logicalId',
    /listed twice in service 'orders'/,
  ],
  [
    'fails on a region RPO of 0 on S3 (asynchronous replication only)',
    (d) => {
      d.tiers['gold-eu'].region.rpo = '0s';
      d.services[1].tier = 'gold-eu';
      return d;
    },
    'services[1].resources[1]',
    /tier gold-eu promises region rpo 0s \(best possible 15min\), which no AWS mechanism reaches for s3 'InvoicesBucket'/,
  ],
  [
    'fails on a platinum service with an EFS file system',
    (d) => {
      d.services[0].resources.push({ kind: 'efs', logicalId: 'Files' });
      return d;
    },
    'services[0].resources[2]',
    /tier platinum promises application rpo 5min \(best possible 2h\).*efs 'Files'.*application objective has rpo >= 2h/,
  ],
  [
    'fails on a zero rto for a restore-only store',
    (d) => {
      d.tiers['gold-eu'].application = { rto: '0s', rpo: '1h' };
      d.services[2].tier = 'gold-eu';
      d.services[2].resources = [{ kind: 'rds' }];
      d.services[2].dependsOn = [];
      return d;
    },
    'services[2].resources[0]',
    /application rto 0s \(best possible .*\), which no AWS mechanism reaches for rds/,
  ],
  // suppressions
  [
    'fails on a suppression without a reason',
    (d) => {
      delete d.suppressions[0].reason;
      return d;
    },
    'suppressions[0].reason',
    /is required; add it/,
  ],
  [
    'fails on a suppression with a blank reason',
    (d) => {
      d.suppressions[0].reason = '   ';
      return d;
    },
    'suppressions[0].reason',
    /must not be empty/,
  ],
  [
    'fails on a suppression expiry that is not a date',
    (d) => {
      d.suppressions[0].expires = 'next year';
      return d;
    },
    'suppressions[0].expires',
    /real calendar date.*received 'next year'/,
  ],
  [
    'fails on an unknown suppression key',
    (d) => {
      d.suppressions[0].until = '2027-01-01';
      return d;
    },
    'suppressions[0].until',
    /unknown key 'until'; a suppression allows rule, resource, reason, expires/,
  ],
];

describe('validateSpec rejects bad input', () => {
  it('has at least 40 bad-input cases', () => {
    // GIVEN / WHEN / THEN
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD_INPUTS)('%s', (_case, mutate, path, message) => {
    // GIVEN a valid document with one mistake
    const raw = mutate(validDocument());
    // WHEN
    const { spec, issues } = validateSpec(raw, { now: NOW });
    // THEN there is no spec, and an issue at the path says what is wrong
    expect(spec).toBeUndefined();
    const atPath = issues.filter((issue) => issue.path === path);
    expect(atPath.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]),
    );
    for (const issue of issues) {
      expect(issue.message).toMatch(/^[a-z]/);
      expect(issue.message).not.toMatch(/\.$/);
    }
  });
});

describe('validateSpec reports all issues at once', () => {
  it('reports schema and cross-field issues from different services together, in document order', () => {
    // GIVEN a document with mistakes everywhere
    const doc = validDocument();
    doc.regions.primary = 'us-esat-1';
    doc.tiers['gold-eu'].region.rto = '2 hours and a bit';
    doc.services[0].resources[0].kind = 'auroradb';
    doc.services[1].dependsOn = ['payments', 'nowhere'];
    doc.services[2].name = 'ORDERS';
    doc.suppressions[0].reason = '';
    // WHEN
    const { issues } = validateSpec(doc, { now: NOW });
    // THEN
    expect(issues.map((issue) => issue.path)).toEqual([
      'regions.primary',
      'tiers.gold-eu.region.rto',
      'services[0].resources[0].kind',
      'services[1].dependsOn[1]',
      'services[2].name',
      'suppressions[0].reason',
    ]);
  });

  it('still checks dependencies of a service that has a schema issue of its own', () => {
    // GIVEN a service with a bad resource and a dependency cycle
    const doc = validDocument();
    doc.services[0].resources[0].sizeGiB = -1;
    doc.services[0].dependsOn = ['payments'];
    // WHEN
    const { issues } = validateSpec(doc, { now: NOW });
    // THEN both are reported, schema issues of the service first
    expect(issues.map((issue) => issue.path)).toEqual([
      'services[0].resources[0].sizeGiB',
      'services[0].dependsOn',
    ]);
  });

  it('does not report services on a broken tier as using an unknown tier', () => {
    // GIVEN a custom tier with a bad duration, used by a service
    const doc = validDocument();
    doc.tiers['gold-eu'].region.rto = '2m';
    doc.services[1].tier = 'gold-eu';
    // WHEN
    const { issues } = validateSpec(doc, { now: NOW });
    // THEN only the tier is reported
    expect(issues.map((issue) => issue.path)).toEqual(['tiers.gold-eu.region.rto']);
  });

  it('throws an InputError carrying every issue from parseSpec', () => {
    // GIVEN two mistakes
    const doc = validDocument();
    doc.services[0].tier = 'platnum';
    doc.services[1].owner = '';
    // WHEN
    let caught: unknown;
    try {
      parseSpec(doc, { now: NOW });
    } catch (error) {
      caught = error;
    }
    // THEN
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).issues.map((issue) => issue.path)).toEqual([
      'services[0].tier',
      'services[1].owner',
    ]);
    expect((caught as InputError).message).toMatch(
      /^services\[0\]\.tier: unknown tier 'platnum' \(did you mean 'platinum'\?\)/,
    );
  });
});
