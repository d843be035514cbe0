import { applyDependencies, planContinuity, planService } from '../../../lib/planner';
import { H, MIN, specWith, svc, tier } from './fixtures';

describe('planContinuity', () => {
  test('plans each tier in use once and every service', () => {
    // GIVEN
    const spec = specWith([
      svc('orders', 'gold', [{ kind: 'dynamodb', logicalId: 'Orders' }]),
      svc('invoices', 'gold', [{ kind: 's3', logicalId: 'Invoices' }]),
      svc('reports', 'bronze', [{ kind: 'efs', logicalId: 'Reports' }]),
    ]);
    // WHEN
    const plan = planContinuity(spec);
    // THEN
    expect(plan.tiers.map((t) => t.tier)).toEqual(['gold', 'bronze']);
    expect(plan.services.map((s) => s.service)).toEqual(['orders', 'invoices', 'reports']);
    expect(plan.regions).toEqual(spec.regions);
  });

  test('a service is no better for region loss than the service it depends on', () => {
    // GIVEN: payments is loose (1 day), orders depends on it
    const loose = tier('loose', { region: { rpoSeconds: 24 * H, rtoSeconds: 24 * H } });
    const tight = tier('tight', { region: { rpoSeconds: 15 * MIN, rtoSeconds: 24 * H } });
    const spec = specWith(
      [
        svc('orders', 'tight', [{ kind: 'dynamodb', logicalId: 'Orders' }], ['payments']),
        svc('payments', 'loose', [{ kind: 'dynamodb', logicalId: 'Payments' }]),
      ],
      { loose, tight },
    );
    // WHEN
    const plan = planContinuity(spec);
    // THEN
    const orders = plan.services[0];
    const payments = plan.services[1];
    expect(orders.predicted.region?.rpoSeconds).toBe(payments.predicted.region?.rpoSeconds);
    expect(orders.predicted.region?.explanation.join('\n')).toMatch(
      /RPO 18h30min bound by dependency 'payments'/,
    );
    expect(orders.findings.map((f) => [f.rule, f.disruption])).toEqual([['RR-PLAN1', 'region']]);
    expect(orders.findings[0].fix).toMatch(
      /move the services it depends on to a tier at least as strict as 'tight'/,
    );
  });

  test('dependencies never bound application predictions', () => {
    // GIVEN
    const spec = specWith([
      svc('a', 'gold', [{ kind: 'dynamodb', logicalId: 'A' }], ['b']),
      svc('b', 'bronze', [{ kind: 'dynamodb', logicalId: 'B' }]),
    ]);
    const plans = spec.services.map((s) => planService(s, spec));
    // WHEN
    const after = applyDependencies(plans, spec);
    // THEN
    expect(plans[1].predicted.application!.rpoSeconds!).toBeGreaterThan(
      plans[0].predicted.application!.rpoSeconds!,
    );
    expect(after[0].predicted.application).toBe(plans[0].predicted.application);
    expect(after[0].findings.filter((f) => f.disruption === 'application')).toEqual(
      plans[0].findings.filter((f) => f.disruption === 'application'),
    );
    expect(after[0].predicted.region?.rpoSeconds).toBeGreaterThan(
      plans[0].predicted.region!.rpoSeconds!,
    );
  });

  test('a service is no better for account compromise than the service it depends on', () => {
    // GIVEN: bronze payments declares no account objective, so keeps nothing out of the account
    const spec = specWith([
      svc('orders', 'gold', [{ kind: 'dynamodb', logicalId: 'Orders' }], ['payments']),
      svc('payments', 'bronze', [{ kind: 'dynamodb', logicalId: 'Payments' }]),
    ]);
    // WHEN
    const plan = planContinuity(spec);
    // THEN
    const [orders, payments] = plan.services;
    expect(payments.predicted.account).toBeUndefined();
    expect(orders.predicted.account).toMatchObject({ rpoSeconds: null, rtoSeconds: null });
    expect(orders.predicted.account?.explanation.join('\n')).toMatch(
      /RPO not recoverable bound by dependency 'payments'/,
    );
    expect(orders.findings.find((f) => f.disruption === 'account')).toMatchObject({
      rule: 'RR-PLAN1',
      message: expect.stringMatching(
        /its dependencies \(payments\) limit it to RPO not recoverable/,
      ),
    });
  });

  test('a dependency named in another case bounds the account objective all the same', () => {
    // GIVEN the same services, the dependency spelled 'Payments' (names compare case-insensitively)
    const spec = specWith([
      svc('orders', 'gold', [{ kind: 'dynamodb', logicalId: 'Orders' }], ['Payments']),
      svc('payments', 'bronze', [{ kind: 'dynamodb', logicalId: 'Payments' }]),
    ]);
    // WHEN
    const [orders] = planContinuity(spec).services;
    // THEN
    expect(orders.predicted.account).toMatchObject({ rpoSeconds: null, rtoSeconds: null });
  });

  test('dependency cycles and unknown names do not loop or throw', () => {
    // GIVEN
    const spec = specWith([
      svc('a', 'silver', [{ kind: 's3', logicalId: 'A' }], ['b', 'ghost']),
      svc('b', 'silver', [{ kind: 's3', logicalId: 'B' }], ['a']),
    ]);
    // WHEN
    const plan = planContinuity(spec);
    // THEN
    expect(plan.services).toHaveLength(2);
  });
});
