import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../bin/cli/run-cli';
import { METADATA_SPEC_REF_KEY } from '../../lib/model';
import type { CliOutput } from '../../bin/cli/run-cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'diff');

function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

function run(args: readonly string[]): Promise<CliOutput> {
  return runCli(args, { cwd: process.cwd(), env: {}, isTty: false });
}

/** `diff` arguments for two fixtures against the fixture spec, on a fixed date. */
function diffArgs(before: string, after: string, ...more: string[]): string[] {
  return [
    'diff',
    fixture(before),
    fixture(after),
    '--spec',
    fixture('spec.yaml'),
    '--today',
    '2026-11-21',
    ...more,
  ];
}

describe('continuity diff (in-process)', () => {
  test('exits 0 when the change replaces nothing and no objective gets worse', async () => {
    // WHEN
    const out = await run(diffArgs('before.template.json', 'after-safe.template.json'));
    // THEN
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^continuity diff: no objective got worse and no stateful resource/);
    expect(out.stdout).toContain('nothing at risk');
  });

  test('exits 1 and names the regression, the replacement and the deletion', async () => {
    // WHEN
    const out = await run(diffArgs('before.template.json', 'after-risky.template.yaml'));
    // THEN
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toMatch(/payments \(relaxed\) application RPO \S+ -> none.*met -> not met/);
    expect(out.stdout).toContain(
      '✗ replaced after-risky/PaymentsTable (AWS::DynamoDB::Table) [payments]',
    );
    expect(out.stdout).toContain('TableName (absent) -> "payments"');
    expect(out.stdout).toContain('✗ deleted after-risky/ReceiptsBucket (AWS::S3::Bucket)');
    expect(out.stdout).toContain('fix: ');
  });

  test('a change compared with itself exits 0', async () => {
    // WHEN
    const out = await run(diffArgs('after-risky.template.yaml', 'after-risky.template.yaml'));
    // THEN
    expect(out.exitCode).toBe(0);
  });

  test('JSON lists regressions and resource changes with raw values', async () => {
    // WHEN
    const out = await run(
      diffArgs('before.template.json', 'after-risky.template.yaml', '--format', 'json'),
    );
    // THEN
    expect(out.exitCode).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report).toMatchObject({ version: 1, atRisk: true });
    expect(report.regressions).toEqual([
      expect.objectContaining({
        service: 'payments',
        disruption: 'application',
        rpoAfter: null,
        metBefore: true,
        metAfter: false,
      }),
    ]);
    expect(report.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'replace',
          logicalId: 'PaymentsTable',
          fate: 'deleted',
          properties: [{ property: 'TableName', after: 'payments', unresolved: false }],
        }),
        expect.objectContaining({
          action: 'delete',
          logicalId: 'ReceiptsBucket',
          dataAtRisk: true,
        }),
      ]),
    );
  });

  test('Markdown has a headline and one table per section', async () => {
    // WHEN
    const out = await run(
      diffArgs('before.template.json', 'after-risky.template.yaml', '--format', 'markdown'),
    );
    // THEN
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toMatch(
      /^## ❌ Continuity diff: 1 objective got worse; 3 stateful resources at risk/,
    );
    expect(out.stdout).toContain('### Objectives that got worse');
    expect(out.stdout).toMatch(
      /\| payments \| relaxed \| application \| .* \| ❌ met → not met \|/,
    );
    expect(out.stdout).toContain('### Stateful resources');
    expect(out.stdout).toMatch(/\| ❌ \| replaced \| after-risky\/PaymentsTable \|/);
  });

  test('Markdown of a safe change says so', async () => {
    // WHEN
    const out = await run(
      diffArgs('before.template.json', 'after-safe.template.json', '--format', 'markdown'),
    );
    // THEN
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^## ✅ Continuity diff: no objective got worse/);
    expect(out.stdout).not.toContain('###');
  });

  test('takes the spec embedded in NEW when --spec is not given', async () => {
    // WHEN
    const out = await run([
      'diff',
      fixture('after-risky.template.yaml'),
      fixture('after-embedded.template.json'),
      '--today',
      '2026-11-21',
      '--format',
      'json',
    ]);
    // THEN
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout);
    // going back improves the objective, but dropping TableName replaces the table again
    expect(report.regressions).toEqual([]);
    expect(report.resources).toEqual([
      expect.objectContaining({ action: 'replace', logicalId: 'PaymentsTable' }),
    ]);
    expect(out.exitCode).toBe(1);
  });

  test('takes the spec embedded in OLD when NEW has none', async () => {
    // WHEN
    const out = await run([
      'diff',
      fixture('after-embedded.template.json'),
      fixture('after-risky.template.yaml'),
      '--today',
      '2026-11-21',
    ]);
    // THEN
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toContain('payments (relaxed) application');
  });

  test('writes the report to --output and prints the summary', async () => {
    // GIVEN
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'diff-')), 'out', 'diff.md');
    // WHEN
    const out = await run(
      diffArgs('before.template.json', 'after-risky.template.yaml', '-f', 'markdown', '-o', file),
    );
    // THEN
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toMatch(/3 stateful resources at risk; report written to /);
    expect(readFileSync(file, 'utf8')).toMatch(/^## ❌ Continuity diff/);
  });

  test('fails with exit 2 naming a missing path, without a stack trace', async () => {
    // WHEN
    const out = await run(diffArgs('before.template.json', 'nope.template.json'));
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(
      /^error: .*nope\.template\.json: no such file or directory; pass two/,
    );
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  test('fails with exit 2 when neither --spec nor an embedded spec is there', async () => {
    // WHEN
    const out = await run([
      'diff',
      fixture('before.template.json'),
      fixture('after-safe.template.json'),
    ]);
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toContain('error: --spec: no continuity spec: pass --spec FILE');
  });

  test('names the stack holding the spec when the templates only point to it', async () => {
    // GIVEN two versions of a stack whose spec is embedded in another stack
    const dir = mkdtempSync(path.join(tmpdir(), 'diff-ref-'));
    const pointer = { stack: 'ShopRecoveryFoundation', sha256: '0'.repeat(64) };
    const write = (name: string): string => {
      const template = { Metadata: { [METADATA_SPEC_REF_KEY]: pointer }, Resources: {} };
      writeFileSync(path.join(dir, name), JSON.stringify(template));
      return path.join(dir, name);
    };
    // WHEN
    const out = await run(['diff', write('old.template.json'), write('new.template.json')]);
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(
      /^error: --spec: no continuity spec: stack new points to the spec embedded in stack ShopRecoveryFoundation .*; or pass --spec FILE\n$/,
    );
  });

  test('fails with exit 2 on an unknown format', async () => {
    // WHEN
    const out = await run(
      diffArgs('before.template.json', 'after-safe.template.json', '--format', 'sarif'),
    );
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/argument 'sarif' is invalid/);
  });

  test('fails with exit 2 when NEW is missing', async () => {
    // WHEN
    const out = await run(['diff', fixture('before.template.json')]);
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/missing required argument 'new'/);
  });

  test('fails with exit 2 when a template is not a template', async () => {
    // WHEN
    const out = await run(diffArgs('spec.yaml', 'after-safe.template.json'));
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/spec\.yaml: not a CloudFormation template/);
  });
});
