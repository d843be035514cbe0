import { assess, indexInventory } from '../../../lib/engine';
import { Unresolved } from '../../../lib/model';
import {
  alarm,
  backupRule,
  inventory,
  plan,
  selection,
  service,
  spec,
  table,
  TODAY,
  vault,
} from './builders';
import type { AssessmentContext, ServiceContext } from '../../../lib/engine';
import type { Rule } from '../../../lib/model';

const HOUR = 3600;

/** The descriptive fields of a rule written for a test. */
function testRule(
  id: string,
  name: string,
  severity: Rule<unknown, AssessmentContext>['severity'],
): Omit<Rule<unknown, AssessmentContext>, 'subjects' | 'locate' | 'check'> {
  return {
    id,
    name,
    title: 't',
    violation: 'v',
    rationale: 'r',
    fix: 'f',
    severity,
    docsUrl: 'https://docs.aws.amazon.com/',
  };
}

function orders() {
  return spec([service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] })]);
}

describe('assess', () => {
  test('a service whose table has PITR meets a 1-day application objective', () => {
    // GIVEN
    const inv = inventory({ stores: [table('Orders')] });
    // WHEN
    const result = assess(orders(), inv, { today: TODAY });
    // THEN
    const svc = result.services[0];
    expect(svc.met).toBe(true);
    expect(result.met).toBe(true);
    expect(svc.achieved.application?.rpoSeconds).toBeLessThanOrEqual(HOUR);
    expect(Object.keys(svc.achieved)).toEqual(['application']);
  });

  test('uses the index the caller passes instead of indexing the inventory again', () => {
    // GIVEN an index of an inventory whose table has PITR, and an inventory with no store
    const index = indexInventory(inventory({ stores: [table('Orders')] }));
    // WHEN
    const result = assess(orders(), inventory({ stores: [table('Orders')] }), {
      today: TODAY,
      index,
    });
    const withoutIndex = assess(orders(), inventory({ stores: [table('Orders')] }), {
      today: TODAY,
    });
    const mismatched = assess(orders(), inventory({}), { today: TODAY, index });
    // THEN the same verdict as without it, and the index (not the inventory) finds the table
    expect(result.services[0].met).toBe(withoutIndex.services[0].met);
    expect(result.services[0].achieved).toEqual(withoutIndex.services[0].achieved);
    expect(mismatched.services[0].achieved).toEqual(withoutIndex.services[0].achieved);
  });

  test('fails when the table has neither PITR nor backups', () => {
    // GIVEN
    const inv = inventory({ stores: [table('Orders', { pointInTimeRecovery: false })] });
    // WHEN
    const result = assess(orders(), inv, { today: TODAY });
    // THEN
    const svc = result.services[0];
    expect(svc.met).toBe(false);
    expect(result.met).toBe(false);
    const obj = svc.findings.find((f) => f.rule === 'RR-OBJ1');
    expect(obj).toMatchObject({
      severity: 'error',
      status: 'non-compliant',
      disruption: 'application',
    });
    expect(obj?.message).toMatch(/declared RTO 1d \/ RPO 1d vs achieved/);
    expect(obj?.resource?.logicalId).toBe('Orders');
  });

  test('a backup plan selecting the table by id makes it recoverable', () => {
    // GIVEN
    const inv = inventory({
      stores: [table('Orders', { pointInTimeRecovery: false })],
      backupPlans: [plan('Plan', [backupRule()])],
      backupSelections: [selection('Sel', 'App/Plan', { resources: [{ id: 'App/Orders' }] })],
      vaults: [vault('Vault')],
      alarms: [alarm('BackupFailed')],
    });
    // WHEN
    const result = assess(orders(), inv, { today: TODAY });
    // THEN
    const svc = result.services[0];
    expect(svc.achieved.application?.rpoSeconds).not.toBeNull();
    expect(svc.findings.filter((f) => f.rule === 'RR-OBJ1')).toEqual([]);
    expect(svc.met).toBe(true);
  });

  test('an unknown PITR flag fails closed with an unknown finding', () => {
    // GIVEN
    const inv = inventory({
      stores: [table('Orders', { pointInTimeRecovery: new Unresolved('{"Ref":"Pitr"}') })],
    });
    // WHEN
    const result = assess(orders(), inv, { today: TODAY });
    // THEN
    const obj = result.services[0].findings.find((f) => f.rule === 'RR-OBJ1');
    expect(obj?.status).toBe('unknown');
    expect(obj?.message).toMatch(/known only at deploy time/);
    expect(result.services[0].met).toBe(false);
  });

  test('a rule that throws is reported as RR-ENG1, never as a pass', () => {
    // GIVEN
    const crashing: Rule<unknown, AssessmentContext> = {
      ...testRule('RR-TST1', 'crashes', 'warning'),
      subjects: (ctx) => ctx.services,
      locate: () => ({ service: 'orders' }),
      check: () => {
        throw new Error('boom');
      },
    };
    // WHEN
    const result = assess(orders(), inventory({ stores: [table('Orders')] }), {
      today: TODAY,
      rules: [crashing],
    });
    // THEN
    const svc = result.services[0];
    expect(svc.findings).toEqual([
      expect.objectContaining({
        rule: 'RR-ENG1',
        severity: 'error',
        status: 'unknown',
        service: 'orders',
        message: expect.stringMatching(/RR-TST1.*boom/),
      }),
    ]);
    expect(svc.met).toBe(false);
  });

  test('a subject is located only for the findings it yields; a locate that throws then is a crash', () => {
    // GIVEN a rule that complies for one service and not the other, and cannot locate either
    const located: string[] = [];
    const unlocatable: Rule<unknown, AssessmentContext> = {
      ...testRule('RR-TST3', 'cannotLocate', 'warning'),
      subjects: (ctx) => ctx.services,
      locate: (subject) => {
        located.push((subject as ServiceContext).spec.name);
        throw new Error('nowhere');
      },
      check: (subject) =>
        (subject as ServiceContext).spec.name === 'orders'
          ? { status: 'compliant' }
          : { status: 'non-compliant', message: 'payments is off' },
    };
    const twoServices = spec([
      service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] }),
      service('payments', { resources: [{ kind: 'dynamodb', logicalId: 'Payments' }] }),
    ]);
    // WHEN
    const result = assess(
      twoServices,
      inventory({ stores: [table('Orders'), table('Payments')] }),
      { today: TODAY, rules: [unlocatable] },
    );
    // THEN the compliant service was never located; the other is reported as a crash of the rule
    expect(located).toEqual(['payments']);
    const all = [...result.findings, ...result.services.flatMap((s) => s.findings)];
    expect(all).toEqual([
      expect.objectContaining({
        rule: 'RR-ENG1',
        status: 'unknown',
        message: expect.stringMatching(/RR-TST3.*nowhere/),
      }),
    ]);
  });

  test('a rule whose subjects throw is reported at the top level and fails the assessment', () => {
    // GIVEN
    const crashing: Rule<unknown, AssessmentContext> = {
      ...testRule('RR-TST2', 'crashesEarly', 'info'),
      subjects: () => {
        throw new Error('no subjects');
      },
      locate: () => ({}),
      check: () => ({ status: 'compliant' }),
    };
    // WHEN
    const result = assess(orders(), inventory({ stores: [table('Orders')] }), {
      today: TODAY,
      rules: [crashing],
    });
    // THEN
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'RR-ENG1', severity: 'error' }),
    ]);
    expect(result.met).toBe(false);
  });

  test('a copy to another account counts for the account disruption only when the own account is known', () => {
    // GIVEN
    const s = spec([
      service('orders', {
        tier: 'vaulted',
        resources: [{ kind: 'dynamodb', logicalId: 'Orders' }],
      }),
    ]);
    const copyRule = backupRule({
      copyActions: [
        {
          destinationVaultArn: 'arn:aws:backup:us-west-2:222222222222:backup-vault:bunker',
          destinationRegion: 'us-west-2',
          destinationAccount: '222222222222',
          deleteAfterDays: 35,
        },
      ],
    });
    const inv = inventory({
      stores: [table('Orders')],
      backupPlans: [plan('Plan', [copyRule])],
      backupSelections: [selection('Sel', 'App/Plan', { resources: [{ id: 'App/Orders' }] })],
      vaults: [vault('Vault')],
    });
    // WHEN
    const known = assess(s, inv, { today: TODAY, accountId: '111111111111' });
    const unknown = assess(s, inv, { today: TODAY });
    // THEN
    expect(known.services[0].achieved.account?.rpoSeconds).not.toBeNull();
    expect(known.services[0].findings.filter((f) => f.rule === 'RR-OBJ1')).toEqual([]);
    expect(unknown.services[0].findings.filter((f) => f.rule === 'RR-OBJ1').length).toBeGreaterThan(
      0,
    );
  });
});
