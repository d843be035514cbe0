import { App } from 'aws-cdk-lib';
import { ContinuityStacks } from '../../../constructs/cdk/continuity-stacks';
import { check, specOf, synthesize } from './harness';

describe('an app built with continuity-kit constructs', () => {
  test('is checked against the spec the constructs embed, and passes', () => {
    // GIVEN
    const app = new App();
    const spec = specOf({
      regions: { primary: 'us-east-1', recovery: 'us-west-2' },
      services: [
        {
          name: 'orders',
          tier: 'gold',
          owner: 'team-orders',
          reviewedOn: '2026-10-01',
          lastDrill: '2026-10-15',
          resources: [
            { kind: 'dynamodb', logicalId: 'OrdersTable', sizeGiB: 20 },
            { kind: 's3', logicalId: 'Invoices', sizeGiB: 20 },
          ],
        },
      ],
    });
    new ContinuityStacks(app, 'Shop', { spec, account: '111111111111' }).addServices();
    // WHEN: no spec prop, no context: the spec comes from the template metadata
    const { report, pack } = check(synthesize(app));
    // THEN
    expect(report.violations.filter((v) => v.severity === 'error')).toEqual([]);
    expect(report.success).toBe(true);
    expect(pack.assessment?.services.map((s) => [s.name, s.tier, s.met])).toEqual([
      ['orders', 'gold', true],
    ]);
    expect(Object.keys(pack.assessment?.services[0].achieved ?? {}).sort()).toEqual([
      'account',
      'application',
      'az',
      'region',
    ]);
  }, 60_000);
});
