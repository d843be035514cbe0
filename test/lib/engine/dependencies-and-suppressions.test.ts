import { applySuppressions, assess, buildContext } from '../../../lib/engine';
import { DISRUPTIONS } from '../../../lib/model';
import { inventory, service, spec, table, tier, TIERS, TODAY } from './builders';
import type { Finding } from '../../../lib/model';

describe('dependencies in assess', () => {
  const zonal = tier('zonal', {
    objectives: {
      application: { rtoSeconds: 86_400, rpoSeconds: 86_400 },
      az: { rtoSeconds: 4 * 3600, rpoSeconds: 3600 },
    },
  });
  const s = spec(
    [
      service('web', {
        tier: 'zonal',
        resources: [{ kind: 'dynamodb', logicalId: 'Sessions' }],
        dependsOn: ['orders'],
      }),
      service('orders', { tier: 'zonal', resources: [{ kind: 'rds', logicalId: 'Orders' }] }),
    ],
    { tiers: { ...TIERS, zonal } },
  );
  const inv = inventory({
    stores: [
      table('Sessions'),
      table('Orders', {
        kind: 'rds',
        type: 'AWS::RDS::DBInstance',
        pointInTimeRecovery: false,
        multiAz: false,
      }),
    ],
  });

  test('a service depending on an unrecoverable service is not met for az and says why', () => {
    // WHEN
    const result = assess(s, inv, { today: TODAY });
    // THEN
    const web = result.services.find((x) => x.name === 'web');
    expect(web?.met).toBe(false);
    expect(web?.achieved.az?.rpoSeconds).toBeNull();
    const obj = web?.findings.find((f) => f.rule === 'RR-OBJ1' && f.disruption === 'az');
    expect(obj?.message).toMatch(/RPO not recoverable bound by dependency 'orders'/);
  });

  test('a dependency bounds its dependents transitively, through a service that bounds nothing', () => {
    // GIVEN: web -> api -> orders; only orders (single-AZ RDS without backups) cannot recover
    const chain = spec(
      [
        service('web', {
          tier: 'zonal',
          resources: [{ kind: 'dynamodb', logicalId: 'Sessions' }],
          dependsOn: ['api'],
        }),
        service('api', {
          tier: 'zonal',
          resources: [{ kind: 'dynamodb', logicalId: 'Carts' }],
          dependsOn: ['orders'],
        }),
        service('orders', { tier: 'zonal', resources: [{ kind: 'rds', logicalId: 'Orders' }] }),
        service('search', { tier: 'zonal', resources: [{ kind: 'dynamodb', logicalId: 'Index' }] }),
      ],
      { tiers: { ...TIERS, zonal } },
    );
    const stores = inventory({
      stores: [...inv.stores, table('Carts'), table('Index')],
    });
    // WHEN
    const result = assess(chain, stores, { today: TODAY });
    // THEN
    const web = result.services.find((x) => x.name === 'web');
    expect(web?.achieved.az?.rpoSeconds).toBeNull();
    expect(web?.achieved.az?.explanation.join('\n')).toMatch(/dependency 'orders' via 'api'/);
    expect(result.services.find((x) => x.name === 'search')?.achieved.az?.rpoSeconds).toBe(0);
  });

  test('a service on no dependency edge keeps its own achievements for every disruption', () => {
    // GIVEN: the zonal tier declares no region or account objectives
    const alone = spec(
      [
        service('search', {
          tier: 'zonal',
          resources: [{ kind: 'dynamodb', logicalId: 'Sessions' }],
        }),
      ],
      { tiers: { ...TIERS, zonal } },
    );
    // WHEN
    const context = buildContext(alone, inv, { today: TODAY });
    // THEN: undeclared disruptions are still worked out, when read
    const search = context.services[0];
    for (const d of DISRUPTIONS) {
      expect(search.achieved[d]).toBe(search.ownAchieved[d]);
      expect(search.achieved[d].explanation.length).toBeGreaterThan(0);
    }
    expect(search.achieved.region.rpoSeconds).toBeNull();
    expect(search.limitedBy).toEqual({});
  });

  test('application is judged by the service itself, not its dependencies', () => {
    // WHEN
    const result = assess(s, inv, { today: TODAY });
    // THEN
    const web = result.services.find((x) => x.name === 'web');
    const orders = result.services.find((x) => x.name === 'orders');
    expect(orders?.achieved.application?.rpoSeconds).toBeNull();
    expect(web?.achieved.application?.rpoSeconds).not.toBeNull();
    expect(web?.achieved.application?.explanation.join('\n')).not.toMatch(/dependency/);
    expect(
      web?.findings.filter((f) => f.rule === 'RR-OBJ1' && f.disruption === 'application'),
    ).toEqual([]);
  });
});

describe('suppressions', () => {
  const finding: Finding = {
    rule: 'RR-INV3',
    severity: 'error',
    status: 'non-compliant',
    service: 'orders',
    resource: { stack: 'App', logicalId: 'OrdersTableA1B2C3D4' },
    message: 'm',
    fix: 'f',
  };

  it.each([
    ['the logical ID', 'OrdersTableA1B2C3D4', true],
    ['the logical ID without its CDK hash', 'OrdersTable', true],
    ['Stack/LogicalId', 'App/OrdersTableA1B2C3D4', true],
    ['the service name (case-insensitive)', 'Orders', true],
    ['a wildcard', '*', true],
    ['another resource', 'Payments', false],
    ['another stack', 'Other/OrdersTableA1B2C3D4', false],
  ])('matches by %s: %s', (_case, resource, suppressed) => {
    // WHEN
    const [out] = applySuppressions(
      [finding],
      [{ rule: 'RR-INV3', resource, reason: 'accepted' }],
      TODAY,
    );
    // THEN
    expect(out.suppressed !== undefined).toBe(suppressed);
  });

  test('does not apply a suppression of another rule', () => {
    const [out] = applySuppressions(
      [finding],
      [{ rule: 'RR-INV1', resource: '*', reason: 'r' }],
      TODAY,
    );
    expect(out.suppressed).toBeUndefined();
  });

  test('applies on its expiry day and not after', () => {
    const on = applySuppressions(
      [finding],
      [{ rule: 'RR-INV3', resource: '*', reason: 'r', expires: '2026-11-21' }],
      TODAY,
    );
    const after = applySuppressions(
      [finding],
      [{ rule: 'RR-INV3', resource: '*', reason: 'r', expires: '2026-11-20' }],
      TODAY,
    );
    expect(on[0].suppressed).toEqual({ reason: 'r', expires: '2026-11-21' });
    expect(after[0].suppressed).toBeUndefined();
  });

  test('a suppressed error stays in the output and no longer fails the service', () => {
    // GIVEN
    const s = spec(
      [service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] })],
      {
        suppressions: [
          { rule: 'RR-INV3', resource: 'Orders', reason: 'table is rebuilt from the event log' },
        ],
      },
    );
    const inv = inventory({
      stores: [table('Orders')],
      resources: [{ ...table('Orders'), type: 'AWS::DynamoDB::Table', properties: {} }],
    });
    // WHEN
    const result = assess(s, inv, { today: TODAY });
    // THEN
    const svc = result.services[0];
    expect(svc.findings.find((f) => f.rule === 'RR-INV3')?.suppressed?.reason).toBe(
      'table is rebuilt from the event log',
    );
    expect(svc.met).toBe(true);
  });

  test('an expired suppression becomes an error finding and suppresses nothing', () => {
    // GIVEN
    const s = spec(
      [service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] })],
      {
        suppressions: [
          { rule: 'RR-INV3', resource: 'orders', reason: 'migration', expires: '2026-01-31' },
        ],
      },
    );
    const inv = inventory({
      stores: [table('Orders')],
      resources: [{ ...table('Orders'), type: 'AWS::DynamoDB::Table', properties: {} }],
    });
    // WHEN
    const result = assess(s, inv, { today: TODAY });
    // THEN
    const svc = result.services[0];
    expect(svc.findings.find((f) => f.rule === 'RR-SUP1')).toMatchObject({
      severity: 'error',
      status: 'non-compliant',
      message: expect.stringMatching(/expired on 2026-01-31/),
    });
    expect(svc.findings.find((f) => f.rule === 'RR-INV3')?.suppressed).toBeUndefined();
    expect(svc.met).toBe(false);
  });

  test('acknowledgements from a policy pack suppress like spec suppressions', () => {
    // GIVEN
    const s = spec([service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] })]);
    const inv = inventory({ stores: [table('Orders', { pointInTimeRecovery: false })] });
    // WHEN
    const result = assess(s, inv, {
      today: TODAY,
      acknowledgements: [{ rule: 'RR-OBJ1', resource: 'orders', reason: 'rebuilt nightly' }],
    });
    // THEN
    const svc = result.services[0];
    expect(
      svc.findings
        .filter((f) => f.rule === 'RR-OBJ1')
        .every((f) => f.suppressed?.reason === 'rebuilt nightly'),
    ).toBe(true);
    expect(svc.met).toBe(true);
  });
});
