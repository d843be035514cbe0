import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { SMALL_SPEC } from './small-spec';

const ROOT = resolve(__dirname, '../../..');
const CDK = join(ROOT, 'node_modules/.bin/cdk');
const FIXTURES = join(__dirname, 'fixtures');

/** Runs `cdk synth` on a fixture app in a scratch directory (so the repo's cdk.json is not read). */
function synth(fixture: string): { status: number | null; stderr: string; output: string } {
  const work = mkdtempSync(join(tmpdir(), 'continuity-cdk-cli-'));
  const spec = join(work, 'continuity.json');
  writeFileSync(spec, JSON.stringify(SMALL_SPEC));
  const output = join(work, 'cdk.out');
  const result = spawnSync(
    CDK,
    [
      'synth',
      '--app',
      `node ${join(FIXTURES, fixture)}`,
      '--output',
      output,
      '--context',
      `continuity:spec=${spec}`,
      '--quiet',
      '--no-notices',
    ],
    {
      cwd: work,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        CDK_VALIDATION: 'false',
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        NO_COLOR: '1',
      },
    },
  );
  return { status: result.status, stderr: result.stderr, output };
}

beforeAll(() => {
  // The fixtures load the compiled pack; `npm test` builds it first.
  if (!existsSync(join(ROOT, 'dist/policies/cdk-nag/index.js'))) {
    throw new Error(
      'dist/policies/cdk-nag is missing; run `npm run build` (npm test does) before these tests',
    );
  }
});

describe('cdk synth with the ContinuityChecks pack', () => {
  test('exits non-zero when an error-level rule fires', () => {
    // WHEN
    const run = synth('error-app.js');
    // THEN
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stderr).toMatch(
      /ERROR \[service 'orders'\] Small\/Orders\w+ \(AWS::DynamoDB::Table\) would lose its data/,
    );
    expect(run.stderr).toMatch(/Acknowledge with 'Continuity::Continuity-RR-INV3'/);
    const report = JSON.parse(readFileSync(join(run.output, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; conclusion: string }[];
    };
    expect(report.pluginReports).toEqual([
      expect.objectContaining({ pluginName: 'Continuity', conclusion: 'failure' }),
    ]);
  }, 120_000);

  test('exits zero when only warnings fire', () => {
    // WHEN
    const run = synth('warnings-app.js');
    // THEN
    expect(run.stderr).toMatch(/WARNING \[service 'orders'\] service 'orders' has no reviewedOn/);
    expect(run.stderr).not.toMatch(/ERROR/);
    expect(run.status).toBe(0);
    expect(existsSync(join(run.output, 'Small.template.json'))).toBe(true);
  }, 120_000);
});
