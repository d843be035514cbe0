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
    expect(orders.predicted.region?.explanation.join('\n')).toMatch(/limited by dependency 'payments'/);
    expect(orders.findings.map((f) => [f.rule, f.disruption])).toEqual([['RR-PLAN1', 'region']]);
    expect(orders.findings[0].fix).toMatch(/move the services it depends on to a tier at least as strict as 'tight'/);
  });

  test('dependencies leave application predictions alone by default', () => {
    // GIVEN
    const spec = specWith([
      svc('a', 'gold', [{ kind: 'dynamodb', logicalId: 'A' }], ['b']),
      svc('b', 'bronze', [{ kind: 'dynamodb', logicalId: 'B' }]),
    ]);
    const plans = spec.services.map((s) => planService(s, spec));
    // WHEN
    const after = applyDependencies(plans, spec);
    // THEN
    expect(after[0].predicted.application).toBe(plans[0].predicted.application);
    expect(after[0].predicted.region?.rpoSeconds).toBeGreaterThan(plans[0].predicted.region!.rpoSeconds!);
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
