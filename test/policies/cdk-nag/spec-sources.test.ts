import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Validations } from 'aws-cdk-lib';
import { METADATA_SPEC_KEY, METADATA_SPEC_REF_KEY } from '../../../lib/model';
import { specToJson } from '../../../lib/spec';
import {
  ContinuityChecks,
  SPEC_CONTEXT_KEY,
  acknowledgeContinuityRule,
} from '../../../policies/cdk-nag';
import { TODAY, check, summary, synthesize, violationsOf } from './harness';
import { smallApp, smallSpec } from './small-app';
import { SMALL_SPEC } from './small-spec';
import type { AssessmentContext } from '../../../lib/engine';
import type { Rule } from '../../../lib/model';

const EXPECTED = [
  'Continuity-RR-INV3 error Small/Orders/Resource',
  'Continuity-RR-GOV1 warning Small/Orders/Resource',
  'Continuity-RR-GOV2 warning Small/Orders/Resource',
];

let dir: string;
let specFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'continuity-nag-'));
  specFile = join(dir, 'continuity.json');
  writeFileSync(specFile, JSON.stringify(SMALL_SPEC));
});

describe('where the spec comes from', () => {
  test('the specFile prop', () => {
    // GIVEN
    const { app } = smallApp();
    // WHEN
    const { report } = check(synthesize(app), { specFile });
    // THEN
    expect(summary(report)).toEqual(EXPECTED);
  });

  test("the cdk.json context key 'continuity:spec'", () => {
    // GIVEN
    const { app } = smallApp({ context: { [SPEC_CONTEXT_KEY]: specFile } });
    // WHEN
    const { report } = check(synthesize(app));
    // THEN
    expect(summary(report)).toEqual(EXPECTED);
  });

  test('the spec embedded in the template metadata', () => {
    // GIVEN
    const { app, stack } = smallApp();
    stack.templateOptions.metadata = { [METADATA_SPEC_KEY]: specToJson(smallSpec()) };
    // WHEN
    const { report } = check(synthesize(app));
    // THEN
    expect(summary(report)).toEqual(EXPECTED);
  });

  test('fails with RR-CDK1 naming the stack that should embed the spec when only a pointer is there', () => {
    // GIVEN
    const { app, stack } = smallApp();
    stack.templateOptions.metadata = {
      [METADATA_SPEC_REF_KEY]: { stack: 'ShopRecoveryFoundation', sha256: '0'.repeat(64) },
    };
    // WHEN
    const { report } = check(synthesize(app));
    // THEN
    expect(report.violations).toHaveLength(1);
    const [v] = report.violations;
    expect(v).toMatchObject({ ruleName: 'Continuity-RR-CDK1', severity: 'error' });
    expect(v.description).toMatch(
      new RegExp(
        `^no continuity spec found: stack ${stack.stackName} points to the spec embedded in stack ShopRecoveryFoundation`,
      ),
    );
  });

  test('fails with RR-CDK1 saying how to provide a spec when there is none', () => {
    // GIVEN
    const { app } = smallApp();
    // WHEN
    const { report } = check(synthesize(app));
    // THEN
    expect(report.success).toBe(false);
    expect(report.violations).toHaveLength(1);
    const [v] = report.violations;
    expect(v).toMatchObject({ ruleName: 'Continuity-RR-CDK1', severity: 'error' });
    expect(v.description).toMatch(
      /^no continuity spec found: pass `spec` or `specFile` to ContinuityChecks, set the context key 'continuity:spec' in cdk.json to a spec file, or build the app with continuity-kit constructs/,
    );
  });

  test('fails with RR-CDK1 naming the file and the issue when the spec file is invalid', () => {
    // GIVEN
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ ...SMALL_SPEC, services: [{ name: 'orders', tier: 'nope', owner: 'x' }] }),
    );
    const { app } = smallApp();
    // WHEN
    const { report } = check(synthesize(app), { specFile: bad });
    // THEN
    const [v] = violationsOf(report, 'Continuity-RR-CDK1');
    expect(v.description).toMatch(
      /^spec file .*bad\.json \(from specFile\).*services\[0\]\.tier.*'nope'/,
    );
    expect(report.success).toBe(false);
  });

  test('fails with RR-CDK1 when the context value is not a file path', () => {
    // GIVEN
    const { app } = smallApp({ context: { [SPEC_CONTEXT_KEY]: { regions: {} } } });
    // WHEN
    const { report } = check(synthesize(app));
    // THEN
    expect(violationsOf(report, 'Continuity-RR-CDK1')[0].description).toMatch(
      /^context 'continuity:spec' is \{"regions":\{\}\}, not a file path/,
    );
  });
});

describe('a rule that throws', () => {
  test('is reported as an RR-ENG1 error on the service, never a pass', () => {
    // GIVEN
    const crashing: Rule<unknown, AssessmentContext> = {
      id: 'RR-TST1',
      name: 'crashes',
      title: 'crashes',
      violation: 'crashes',
      rationale: 'crashes',
      fix: 'none',
      severity: 'warning',
      docsUrl: 'https://docs.aws.amazon.com/',
      subjects: (context) => context.services,
      locate: (s) => ({ service: (s as AssessmentContext['services'][number]).spec.name }),
      check: () => {
        throw new Error('boom');
      },
    };
    const { app } = smallApp();
    // WHEN
    const { report } = check(synthesize(app), { spec: smallSpec(), rules: [crashing] });
    // THEN
    expect(summary(report)).toEqual(['Continuity-RR-ENG1 error Small/Orders/Resource']);
    expect(report.violations[0].description).toMatch(
      /rule RR-TST1 \(crashes\) crashed, so it was not assessed: boom/,
    );
    expect(report.success).toBe(false);
  });
});

describe('validateScope', () => {
  test('throws instead of passing an app it cannot assess', () => {
    // GIVEN
    const { app } = smallApp();
    // THEN
    expect(() => new ContinuityChecks(app, { spec: smallSpec() }).validateScope(app)).toThrow(
      /validateScope cannot run it alone; register it with Validations.of\(app\).addPlugins/,
    );
  });
});

describe('registered with Validations.of(app).addPlugins', () => {
  test('synth throws the report when an error-level rule fires', () => {
    // GIVEN
    const { app } = smallApp();
    Validations.of(app).addPlugins(new ContinuityChecks(app, { spec: smallSpec(), today: TODAY }));
    // THEN
    expect(() => app.synth()).toThrow(/Continuity-RR-INV3/);
  });

  test('synth succeeds when only warnings fire', () => {
    // GIVEN
    const { app, table } = smallApp();
    acknowledgeContinuityRule(table, 'RR-INV3', 'orders is rebuilt from the event log');
    Validations.of(app).addPlugins(new ContinuityChecks(app, { spec: smallSpec(), today: TODAY }));
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // WHEN
    const assembly = app.synth();
    // THEN
    expect(assembly.getStackByName('Small').template).toBeDefined();
    const report = printed.mock.calls.map((c) => String(c[0])).join('\n');
    printed.mockRestore();
    expect(report).toMatch(/WARNING \[service 'orders'\] service 'orders' has no reviewedOn/);
    expect(report).not.toMatch(/RR-INV3/);
  });
});
