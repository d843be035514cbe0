import { applySuppressions, assess, propagateDependencies } from '../../../lib/engine';
import { inventory, service, spec, table, TODAY } from './builders';
import type { Achievement, Disruption, Finding } from '../../../lib/model';

function achievement(rto: number | null, rpo: number | null): Achievement {
  return { rtoSeconds: rto, rpoSeconds: rpo, basis: 'documented-typical', explanation: [] };
}

function all(a: Achievement): Record<Disruption, Achievement> {
  return { application: a, az: a, region: a, account: a };
}

describe('propagateDependencies', () => {
  test('a service is no better than what it depends on, transitively', () => {
    // GIVEN
    const nodes = [
      { name: 'web', dependsOn: ['orders'], own: all(achievement(60, 0)) },
      { name: 'orders', dependsOn: ['Payments'], own: all(achievement(600, 60)) },
      { name: 'payments', dependsOn: [], own: all(achievement(300, 900)) },
    ];
    // WHEN
    const result = propagateDependencies(nodes);
    // THEN
    expect(result.get('web')?.achieved.region).toMatchObject({ rtoSeconds: 600, rpoSeconds: 900 });
    expect(result.get('web')?.limitedBy.region).toEqual(['orders']);
    expect(result.get('orders')?.achieved.region.explanation.join(' ')).toMatch(
      /limited by dependency 'payments'/,
    );
    expect(result.get('payments')?.achieved.region).toMatchObject({
      rtoSeconds: 300,
      rpoSeconds: 900,
    });
  });

  test('a dependency that cannot recover makes the dependent unrecoverable', () => {
    // GIVEN
    const nodes = [
      { name: 'web', dependsOn: ['db'], own: all(achievement(60, 0)) },
      { name: 'db', dependsOn: [], own: all(achievement(null, null)) },
    ];
    // WHEN / THEN
    expect(propagateDependencies(nodes).get('web')?.achieved.az).toMatchObject({
      rtoSeconds: null,
      rpoSeconds: null,
    });
  });

  test('stops at a cycle instead of looping', () => {
    // GIVEN
    const nodes = [
      { name: 'a', dependsOn: ['b'], own: all(achievement(10, 10)) },
      { name: 'b', dependsOn: ['a'], own: all(achievement(20, 20)) },
    ];
    // WHEN / THEN
    expect(propagateDependencies(nodes).get('a')?.achieved.application.rtoSeconds).toBe(20);
  });
});

describe('dependencies in assess', () => {
  test('a service depending on an unrecoverable service is not met and says why', () => {
    // GIVEN
    const s = spec([
      service('web', {
        resources: [{ kind: 'dynamodb', logicalId: 'Sessions' }],
        dependsOn: ['orders'],
      }),
      service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] }),
    ]);
    const inv = inventory({
      stores: [table('Sessions'), table('Orders', { pointInTimeRecovery: false })],
    });
    // WHEN
    const result = assess(s, inv, { today: TODAY });
    // THEN
    const web = result.services.find((x) => x.name === 'web');
    expect(web?.met).toBe(false);
    expect(web?.achieved.application?.rpoSeconds).toBeNull();
    const obj = web?.findings.find((f) => f.rule === 'RR-OBJ1');
    expect(obj?.message).toMatch(/limited by dependency 'orders'/);
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
