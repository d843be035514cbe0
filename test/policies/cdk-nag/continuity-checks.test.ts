import { assess, buildContext } from '../../../lib/engine';
import { readInventory } from '../../../lib/inventory';
import { allRules } from '../../../lib/rules';
import { ContinuityChecks, nagRuleId, packRules } from '../../../policies/cdk-nag';
import { compliantApp, deficientApp } from './apps';
import { TODAY, check, synthesize, violationsOf } from './harness';
import type { Synthesized } from './harness';
import type { ContinuitySpec } from '../../../lib/model';
import type { PolicyValidationPluginReport } from 'aws-cdk-lib';

describe('rule catalogue', () => {
  test('reports exactly these rule ids at these levels', () => {
    // GIVEN
    const pack = new ContinuityChecks();
    // WHEN
    const levels = [...allRules, ...packRules].map((r) => `${nagRuleId(r.id)} ${r.severity}`);
    // THEN
    expect(levels).toEqual([
      'Continuity-RR-OBJ1 error',
      'Continuity-RR-OBJ2 warning',
      'Continuity-RR-OBJ3 warning',
      'Continuity-RR-INV1 warning',
      'Continuity-RR-INV2 error',
      'Continuity-RR-INV3 error',
      'Continuity-RR-BKP1 warning',
      'Continuity-RR-BKP2 warning',
      'Continuity-RR-BKP3 warning',
      'Continuity-RR-BKP4 warning',
      'Continuity-RR-BKP5 warning',
      'Continuity-RR-BKP6 error',
      'Continuity-RR-BKP7 warning',
      'Continuity-RR-VLT1 warning',
      'Continuity-RR-VLT2 error',
      'Continuity-RR-VLT3 error',
      'Continuity-RR-MON1 warning',
      'Continuity-RR-MON2 warning',
      'Continuity-RR-GOV1 warning',
      'Continuity-RR-GOV2 warning',
      'Continuity-RR-SUP1 error',
      'Continuity-RR-ENG1 error',
      'Continuity-RR-CDK1 error',
      'Continuity-RR-CDK2 error',
    ]);
    expect(pack.ruleIds).toEqual(levels.map((l) => l.split(' ')[0]));
    expect(pack.name).toBe('Continuity');
  });

  test('throws when given both spec and specFile', () => {
    expect(
      () => new ContinuityChecks(undefined, { spec: compliantApp().spec, specFile: 'x.yaml' }),
    ).toThrow(/both spec and specFile 'x.yaml'; pass one of them/);
  });
});

describe('a compliant plain aws-cdk-lib app', () => {
  let synthesized: Synthesized;
  let spec: ContinuitySpec;
  let report: PolicyValidationPluginReport;
  let pack: ContinuityChecks;

  beforeAll(() => {
    const built = compliantApp();
    spec = built.spec;
    synthesized = synthesize(built.app);
    ({ report, pack } = check(synthesized, { spec }));
  });

  test('passes with no violation and every service met', () => {
    expect(report.violations).toEqual([]);
    expect(report.success).toBe(true);
    expect(pack.assessment?.met).toBe(true);
    expect(pack.assessment?.services.map((s) => s.name)).toEqual(['orders', 'payments']);
  });

  // Not vacuous: each rule has something to judge in this app, and judges it compliant.
  test.each(allRules.filter((r) => r.id !== 'RR-ENG1').map((r) => [r.id, r] as const))(
    '%s has subjects here and reports nothing',
    (id, rule) => {
      // GIVEN
      const inventory = readInventory([synthesized.assembly.directory]);
      // WHEN
      const subjects = rule.subjects(buildContext(spec, inventory, { today: TODAY }));
      // THEN
      expect(subjects.length).toBeGreaterThan(0);
      expect(violationsOf(report, nagRuleId(id))).toEqual([]);
    },
  );
});

describe('a deficient plain aws-cdk-lib app', () => {
  let synthesized: Synthesized;
  let spec: ContinuitySpec;
  let report: PolicyValidationPluginReport;
  let pack: ContinuityChecks;

  beforeAll(() => {
    const built = deficientApp();
    spec = built.spec;
    synthesized = synthesize(built.app);
    ({ report, pack } = check(synthesized, { spec }));
  });

  // Service-wide findings (no single resource) land on the service's first resource; `ghost`
  // has none in the app, so its findings land on the app's first resource, Bad/Fragile.
  test.each([
    [
      'RR-OBJ1',
      'error',
      'Bad/Fragile/Resource',
      /application: declared RTO 1d \/ RPO 12h vs achieved RTO not recoverable/,
    ],
    ['RR-OBJ2', 'warning', 'Bad/Quick/Resource', /estimated recovery of Bad\/Quick\w+ takes 3h/],
    ['RR-OBJ3', 'warning', 'Bad/Web/Resource', /'web' depends on a looser tier/],
    ['RR-INV1', 'warning', 'Bad/Orphan/Resource', /belongs to no declared service/],
    [
      'RR-INV2',
      'error',
      'Bad/Fragile/Resource',
      /declares rds 'Missing', which no template read contains/,
    ],
    [
      'RR-INV3',
      'error',
      'Bad/Fragile/Resource',
      /DeletionPolicy Delete, UpdateReplacePolicy Delete/,
    ],
    [
      'RR-BKP1',
      'warning',
      'Bad/WeakPlan/Resource',
      /backup rule 'Daily' gives Bad\/Archive\w+ a worst-case RPO/,
    ],
    ['RR-BKP2', 'warning', 'Bad/WeakPlan/Resource', /keeps recovery points 7 days < 35 days/],
    ['RR-BKP3', 'warning', 'Bad/Web/Resource', /has no copy or replica outside us-east-1/],
    [
      'RR-BKP4',
      'warning',
      'Bad/WeakPlan/Resource',
      /copies to us-east-1, the Region of the source vault/,
    ],
    [
      'RR-BKP5',
      'warning',
      'Bad/Replicated/Resource',
      /replicated \(dynamodb-global-table\) but has no point-in-time/,
    ],
    [
      'RR-BKP6',
      'error',
      'Bad/WeakPlan/Resource',
      /deletes after 40 days < 10 days to cold storage \+ 90 days/,
    ],
    ['RR-BKP7', 'warning', 'Bad/Archive/Resource', /depends on a value known only at deploy time/],
    [
      'RR-VLT1',
      'warning',
      'Bad/WeakVault/Resource',
      /not encrypted with a customer-managed KMS key/,
    ],
    [
      'RR-VLT2',
      'error',
      'Bad/WeakVault/Resource',
      /has no vault lock, but tier 'standard' requires immutable/,
    ],
    [
      'RR-VLT3',
      'error',
      'Bad/LockedPlan/Resource',
      /35 days < vault Bad\/LockedVault\w+ lock minimum 40 days/,
    ],
    [
      'RR-MON1',
      'warning',
      'Bad/WeakPlan/Resource',
      /no alarm or event rule in us-east-1 reports failed backup jobs/,
    ],
    [
      'RR-MON2',
      'warning',
      'Bad/Replicated/Resource',
      /no alarm with actions watches ReplicationLatency/,
    ],
    ['RR-GOV1', 'warning', 'Bad/Fragile/Resource', /service 'fragile' has no reviewedOn/],
    ['RR-GOV2', 'warning', 'Bad/Fragile/Resource', /service 'fragile' has no lastDrill/],
    [
      'RR-SUP1',
      'error',
      'Bad/Fragile/Resource',
      /suppression of RR-BKP3 for 'fragile' expired on 2026-01-31/,
    ],
  ] as const)('%s reports a %s on %s', (id, level, path, message) => {
    // WHEN
    const found = violationsOf(report, nagRuleId(id)).filter(
      (v) => v.violatingResources[0].constructPath === path,
    );
    // THEN
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe(level);
    expect(found[0].description).toMatch(message);
    expect(found[0].violatingResources).toHaveLength(1);
  });

  test('fails because error-level rules fired', () => {
    expect(report.success).toBe(false);
    expect(pack.assessment?.met).toBe(false);
  });

  test('each violation names one construct with its logical ID, template, fix and rule docs', () => {
    // WHEN
    const [inv3] = violationsOf(report, 'Continuity-RR-INV3');
    // THEN
    expect(inv3.violatingResources[0]).toMatchObject({
      constructPath: 'Bad/Fragile/Resource',
      resourceLogicalId: expect.stringMatching(/^Fragile[0-9A-F]{8}$/),
      templatePath: expect.stringMatching(/Bad\.template\.json$/),
    });
    expect(inv3.fix).toMatch(/set DeletionPolicy and UpdateReplacePolicy to Retain/);
    expect(inv3.description).toMatch(
      /^\[service 'fragile'\] Bad\/Fragile\w+ \(AWS::DynamoDB::Table\) would lose its data: DeletionPolicy Delete, UpdateReplacePolicy Delete$/,
    );
    expect(inv3.ruleMetadata?.docsUrl).toMatch(/aws-attribute-deletionpolicy/);
  });

  test('keeps the service, disruption and numbers of each finding on its own construct', () => {
    // WHEN
    const objective = violationsOf(report, 'Continuity-RR-OBJ1');
    const quick = objective.find(
      (v) => v.violatingResources[0].constructPath === 'Bad/Quick/Resource',
    );
    // THEN
    expect(new Set(objective.map((v) => v.description)).size).toBe(objective.length);
    expect(quick?.description).toMatch(
      /^\[service 'quick', disruption application\] application: declared RTO 40min \/ RPO 1h vs achieved RTO 3h \/ RPO 5min/,
    );
    expect(quick?.description).toMatch(/\[service 'quick', disruption region\] region: declared/);
  });

  test('agrees with continuity check on the cdk.out', () => {
    // GIVEN
    const inventory = readInventory([synthesized.assembly.directory]);
    // WHEN
    const cli = assess(spec, inventory, { today: TODAY });
    // THEN
    const ids = (a: typeof cli): string[] =>
      [...a.services.flatMap((s) => s.findings), ...a.findings]
        .map((f) => `${f.rule} ${f.resource?.stack}/${f.resource?.logicalId} ${f.disruption}`)
        .sort();
    expect(ids(pack.assessment as typeof cli)).toEqual(ids(cli));
  });
});
