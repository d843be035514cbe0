import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { registerDocs } from '../../../bin/cli/docs';
import { runCli } from '../../../bin/cli/run-cli';
import type { CliContext } from '../../../bin/cli/cli-context';

const CONTEXT: CliContext = { cwd: process.cwd(), env: {}, isTty: false };
const FIXTURES = join(__dirname, '..', '..', 'bin', 'fixtures');

function run(args: readonly string[]) {
  return runCli(['docs', ...args], CONTEXT, [registerDocs]);
}

describe('continuity docs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'continuity-docs-cli-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('writes the index, a plan per example service and the report, from the plan alone', async () => {
    // GIVEN
    const out = join(dir, 'example');
    // WHEN
    const result = await run([
      '--spec',
      'examples/continuity.yaml',
      '--out',
      out,
      '--today',
      '2026-11-21',
    ]);
    // THEN
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^docs: 9 files written to .*, predicted from the plan/);
    expect(readdirSync(out).sort()).toEqual([
      'catalog.md',
      'documents.md',
      'index.md',
      'media.md',
      'orders.md',
      'payments.md',
      'report.html',
      'reporting.md',
      'search.md',
    ]);
    const payments = readFileSync(join(out, 'payments.md'), 'utf8');
    expect(payments).toMatch(/### region: loss of the primary Region/);
    expect(payments).toMatch(/aws rds failover-global-cluster|aws backup start-restore-job/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('data-service="media"');
  });

  test('shows achieved objectives when given templates', async () => {
    // GIVEN
    const out = join(dir, 'assessed');
    // WHEN
    const result = await run([
      join(FIXTURES, 'compliant.template.json'),
      '--spec',
      join(FIXTURES, 'spec.yaml'),
      '--out',
      out,
      '--today',
      '2026-11-21',
    ]);
    // THEN
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/assessed against the given templates/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'Declared vs achieved RTO and RPO',
    );
    expect(readFileSync(join(out, 'orders.md'), 'utf8')).toMatch(
      /\| application \| 1d \| 1d \|.*\| (met|NOT MET) \|/,
    );
  });

  test('fails with exit 2 on a missing template path or a bad spec', async () => {
    // GIVEN / WHEN
    const missing = await run([
      'no-such.template.json',
      '--spec',
      'examples/continuity.yaml',
      '--out',
      join(dir, 'x'),
    ]);
    const badSpec = await run(['--spec', join(FIXTURES, 'bad-spec.yaml'), '--out', join(dir, 'y')]);
    const noSpec = await run(['--out', join(dir, 'z')]);
    // THEN
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/no-such\.template\.json: no such file or directory/);
    expect(badSpec.exitCode).toBe(2);
    expect(noSpec.exitCode).toBe(2);
    expect(noSpec.stderr).toMatch(/--spec/);
  });
});
