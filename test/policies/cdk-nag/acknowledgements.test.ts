import { Validations } from 'aws-cdk-lib';
import { acknowledgeContinuityRule, collectAcknowledgements } from '../../../policies/cdk-nag';
import { check, summary, synthesize, violationsOf } from './harness';
import { smallApp, smallSpec } from './small-app';
import type { Finding } from '../../../lib/model';
import type { ContinuityChecks } from '../../../policies/cdk-nag';

function findings(pack: ContinuityChecks): Finding[] {
  const a = pack.assessment;
  return a ? [...a.services.flatMap((s) => s.findings), ...a.findings] : [];
}

describe('without acknowledgements', () => {
  test('fails on RR-INV3 and warns on RR-GOV1 and RR-GOV2 of the service', () => {
    // GIVEN
    const { app } = smallApp();
    // WHEN
    const { report } = check(synthesize(app), { spec: smallSpec() });
    // THEN
    expect(summary(report)).toEqual([
      'Continuity-RR-INV3 error Small/Orders/Resource',
      'Continuity-RR-GOV1 warning Small/Orders/Resource',
      'Continuity-RR-GOV2 warning Small/Orders/Resource',
    ]);
    expect(report.success).toBe(false);
  });
});

describe('acknowledgeContinuityRule', () => {
  test('accepts the finding with its reason: no violation, suppressed in the assessment and the report metadata', () => {
    // GIVEN
    const { app, table } = smallApp();
    acknowledgeContinuityRule(table, 'RR-INV3', 'orders is rebuilt from the event log');
    // WHEN
    const { report, pack } = check(synthesize(app), { spec: smallSpec() });
    // THEN
    expect(violationsOf(report, 'Continuity-RR-INV3')).toEqual([]);
    expect(report.success).toBe(true);
    const inv3 = findings(pack).find((f) => f.rule === 'RR-INV3');
    expect(inv3?.suppressed).toEqual({ reason: 'orders is rebuilt from the event log' });
    expect(pack.assessment?.met).toBe(true);
    expect(Object.entries(report.metadata ?? {})).toEqual([
      [
        expect.stringMatching(/^acknowledged Continuity-RR-INV3 Small\/Orders[0-9A-F]{8}$/),
        'orders is rebuilt from the event log',
      ],
    ]);
  });

  test('accepts the pack id form Continuity-RR-INV3 too', () => {
    // GIVEN
    const { app, table } = smallApp();
    acknowledgeContinuityRule(table, 'Continuity-RR-INV3', 'rebuilt from the event log');
    // WHEN
    const { report } = check(synthesize(app), { spec: smallSpec() });
    // THEN
    expect(violationsOf(report, 'Continuity-RR-INV3')).toEqual([]);
  });

  test.each([[''], ['   ']])('throws when the reason is %j', (reason) => {
    // GIVEN
    const { table } = smallApp();
    // THEN
    expect(() => acknowledgeContinuityRule(table, 'RR-INV3', reason)).toThrow(
      /reason .* for acknowledging RR-INV3 on 'Small\/Orders' is empty; say why the finding is accepted/,
    );
  });

  test('throws when the rule id is not a continuity rule', () => {
    // GIVEN
    const { table } = smallApp();
    // THEN
    expect(() => acknowledgeContinuityRule(table, 'RR-NOPE9', 'why')).toThrow(
      /ruleId 'RR-NOPE9' is not a continuity rule; use one of RR-OBJ1, .*RR-CDK2/,
    );
  });
});

describe('Validations.acknowledge', () => {
  test('on the stack accepts a service-wide finding reported on a resource under it', () => {
    // GIVEN
    const { app, stack } = smallApp();
    Validations.of(stack).acknowledge({
      id: 'Continuity-RR-GOV1',
      reason: 'reviewed in the yearly audit',
    });
    // WHEN
    const { report, pack } = check(synthesize(app), { spec: smallSpec() });
    // THEN
    expect(summary(report)).toEqual([
      'Continuity-RR-INV3 error Small/Orders/Resource',
      'Continuity-RR-GOV2 warning Small/Orders/Resource',
    ]);
    expect(findings(pack).find((f) => f.rule === 'RR-GOV1')?.suppressed?.reason).toBe(
      'reviewed in the yearly audit',
    );
  });

  test("with the id the CDK report suggests, 'Continuity::Continuity-RR-GOV1'", () => {
    // GIVEN
    const { app, table } = smallApp();
    Validations.of(table).acknowledge({
      id: 'Continuity::Continuity-RR-GOV1',
      reason: 'reviewed in the audit',
    });
    // WHEN
    const { report, pack } = check(synthesize(app), { spec: smallSpec() });
    // THEN
    expect(violationsOf(report, 'Continuity-RR-GOV1')).toEqual([]);
    expect(findings(pack).find((f) => f.rule === 'RR-GOV1')?.suppressed?.reason).toBe(
      'reviewed in the audit',
    );
  });

  test('on the app accepts the rule everywhere', () => {
    // GIVEN
    const { app } = smallApp();
    Validations.of(app).acknowledge({ id: 'Continuity-RR-GOV2', reason: 'drills start next year' });
    // WHEN
    const { report, pack } = check(synthesize(app), { spec: smallSpec() });
    // THEN
    expect(violationsOf(report, 'Continuity-RR-GOV2')).toEqual([]);
    expect(findings(pack).find((f) => f.rule === 'RR-GOV2')?.suppressed?.reason).toBe(
      'drills start next year',
    );
  });

  test('on another construct accepts nothing here', () => {
    // GIVEN
    const { app, bucket } = smallApp();
    acknowledgeContinuityRule(bucket, 'RR-INV3', 'logs are disposable');
    // WHEN
    const { report, pack } = check(synthesize(app), { spec: smallSpec() });
    // THEN
    expect(violationsOf(report, 'Continuity-RR-INV3')).toHaveLength(1);
    expect(findings(pack).find((f) => f.rule === 'RR-INV3')?.suppressed).toBeUndefined();
  });

  test('fails with RR-CDK2 when the reason is empty, and accepts nothing in the assessment', () => {
    // GIVEN
    const { app, table } = smallApp();
    Validations.of(table).acknowledge({ id: 'Continuity-RR-INV3', reason: '' });
    // WHEN
    const { report, pack } = check(synthesize(app), { spec: smallSpec() });
    // THEN
    const [cdk2] = violationsOf(report, 'Continuity-RR-CDK2');
    expect(cdk2.severity).toBe('error');
    expect(cdk2.violatingResources[0].constructPath).toBe('Small/Orders');
    expect(cdk2.description).toMatch(
      /^Continuity-RR-INV3 is acknowledged on 'Small\/Orders' without a reason, so it accepts nothing$/,
    );
    expect(cdk2.fix).toMatch(
      /^acknowledge with a reason: acknowledgeContinuityRule\(scope, 'RR-OBJ1', 'why this is accepted'\)$/,
    );
    expect(report.success).toBe(false);
    expect(findings(pack).find((f) => f.rule === 'RR-INV3')?.suppressed).toBeUndefined();
  });
});

describe('collectAcknowledgements', () => {
  test('reads continuity acknowledgements and ignores other packs', () => {
    // GIVEN
    const { app, table, stack } = smallApp();
    acknowledgeContinuityRule(table, 'RR-INV3', 'rebuilt');
    Validations.of(stack).acknowledge({ id: 'AwsSolutions-DDB3', reason: 'other pack' });
    // WHEN
    const acks = collectAcknowledgements(app);
    // THEN
    expect(acks).toEqual([{ ruleId: 'RR-INV3', path: 'Small/Orders', reason: 'rebuilt' }]);
  });
});
