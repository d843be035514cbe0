import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';

// Loading the core and reading templates can take seconds on a busy CI machine.
jest.setTimeout(60_000);

// These tests run the compiled CLI as a real process; `npm test` builds it first.
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'dist', 'bin', 'cli.js');
const FIXTURES = 'test/bin/fixtures';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function continuity(...args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.GITHUB_ACTIONS;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function check(template: string, ...more: string[]): Run {
  return continuity(
    'check',
    `${FIXTURES}/${template}`,
    '--spec',
    `${FIXTURES}/spec.yaml`,
    '--today',
    '2026-11-21',
    ...more,
  );
}

beforeAll(() => {
  if (!existsSync(BIN)) {
    throw new Error(`${BIN} is missing: build first with \`npm run build\` (npm test does it)`);
  }
});

describe('continuity (compiled, as a process)', () => {
  test('exits 0 on a compliant template', () => {
    // GIVEN
    const template = 'compliant.template.json';
    // WHEN
    const run = check(template);
    // THEN
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/orders\s+relaxed\s+application\s+1d \/ \S+ ✓/);
  });

  test.each([
    ['text', (s: string) => expect(s).toContain('NOT MET')],
    [
      'json',
      (s: string) => expect(JSON.parse(s).services[0].achieved.application.rtoSeconds).toBeNull(),
    ],
    ['markdown', (s: string) => expect(s).toContain('classDef unmet')],
    ['sarif', (s: string) => expect(JSON.parse(s).version).toBe('2.1.0')],
    ['junit', (s: string) => expect(XMLValidator.validate(s)).toBe(true)],
  ])('exits 1 on a non-compliant template with --format %s', (format, assertReport) => {
    // GIVEN
    const template = 'noncompliant.template.yaml';
    // WHEN
    const run = check(template, '--format', format);
    // THEN
    expect(run.status).toBe(1);
    assertReport(run.stdout);
  });

  test('writes --output and exits 1 on unmet objectives', () => {
    // GIVEN
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'continuity-bin-')), 'continuity.sarif');
    // WHEN
    const run = check('noncompliant.template.yaml', '--format', 'sarif', '--output', file);
    // THEN
    expect(run.status).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).runs[0].results.length).toBeGreaterThan(0);
  });

  test.each([
    [
      'a missing template',
      ['check', `${FIXTURES}/missing.template.json`, '--spec', `${FIXTURES}/spec.yaml`],
      /missing\.template\.json: no such file/,
    ],
    ['an unknown option', ['check', '--frobnicate'], /unknown option '--frobnicate'/],
    ['an unknown format', ['check', '--format', 'html'], /argument 'html' is invalid/],
    ['no spec', ['check', `${FIXTURES}/compliant.template.json`], /pass --spec FILE/],
  ])('exits 2 on %s with a message and no stack trace', (_case, args, message) => {
    // GIVEN
    const argv = args;
    // WHEN
    const run = continuity(...argv);
    // THEN
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('streams a large JSON report to a pipe whose reader stops early, without a stack trace', () => {
    // GIVEN an assembly whose JSON report (about 300 KB) outgrows a pipe's buffer
    const dir = mkdtempSync(path.join(tmpdir(), 'continuity-pipe-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateAssembly } = require(path.join(ROOT, 'dist', 'bench', 'generate-assembly'));
    const assembly = generateAssembly({ dir, minResources: 400 });
    // WHEN the report goes through `head`, which stops reading after 100 bytes
    const command = `"${process.execPath}" "${BIN}" check "${dir}" --spec "${assembly.specFile}" --format json | head -c 100`;
    const run = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    // THEN the reader got the start of the report and nothing went to stderr
    expect(run.stdout).toHaveLength(100);
    expect(run.stdout.startsWith('{\n  "version": 1,\n')).toBe(true);
    expect(run.stderr).toBe('');
  });

  test('a report larger than a pipe holds reaches a slow reader whole, with the exit code', () => {
    // GIVEN an assembly whose JSON report (about 300 KB) outgrows a pipe's buffer
    const dir = mkdtempSync(path.join(tmpdir(), 'continuity-slow-pipe-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generateAssembly } = require(path.join(ROOT, 'dist', 'bench', 'generate-assembly'));
    const assembly = generateAssembly({ dir, minResources: 400 });
    const args = `check "${dir}" --spec "${assembly.specFile}" --format json --today 2026-11-21`;
    const file = path.join(dir, 'report.json');
    continuity(
      ...['check', dir, '--spec', assembly.specFile, '--format', 'json'],
      '--today',
      '2026-11-21',
      '--output',
      file,
    );
    // WHEN the report goes to a reader that starts reading only after a while
    const command = `set -o pipefail; "${process.execPath}" "${BIN}" ${args} | (sleep 0.5; cat)`;
    const run = spawnSync('bash', ['-c', command], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    // THEN it gets the whole report, the one written to a file, and the command's exit code
    expect(run.stdout).toBe(readFileSync(file, 'utf8'));
    expect(run.status).toBe(1);
  });

  test('exits 2 on an invalid spec, with every issue on its own line', () => {
    // GIVEN
    const spec = 'examples/specs/invalid.yaml';
    // WHEN
    const run = continuity('check', `${FIXTURES}/compliant.template.json`, '--spec', spec);
    // THEN
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.every((l) => l.startsWith(`error: ${spec}:`))).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('plan exits 0 and prints predicted objectives; rules exits 0 with the catalogue', () => {
    // GIVEN
    const spec = `${FIXTURES}/spec.yaml`;
    // WHEN
    const plan = continuity('plan', '--spec', spec, '--today', '2026-11-21');
    const rules = continuity('rules', '--format', 'json');
    // THEN
    expect(plan.status).toBe(0);
    expect(plan.stdout).toMatch(/orders\s+relaxed\s+application\s+1d \/ \S+ ✓/);
    expect(rules.status).toBe(0);
    expect(JSON.parse(rules.stdout)[0].id).toMatch(/^RR-/);
  });

  test('loads neither aws-cdk-lib, constructs nor Pulumi, and the core only when a command runs', () => {
    // GIVEN
    const script = `
      const { runCli } = require(${JSON.stringify(path.join(ROOT, 'dist/bin/cli/run-cli.js'))});
      const loaded = () => Object.keys(require.cache);
      const heavy = (keys) => keys.filter((k) => /node_modules[\\\\/](aws-cdk-lib|constructs|@pulumi)[\\\\/]/.test(k));
      const atStart = loaded();
      runCli(['check', '${FIXTURES}/compliant.template.json', '--spec', '${FIXTURES}/spec.yaml'], { cwd: process.cwd(), env: {}, isTty: false })
        .then((out) => console.log(JSON.stringify({
          exitCode: out.exitCode,
          engineAtStart: atStart.some((k) => /lib[\\\\/]engine[\\\\/]/.test(k)),
          heavyAtStart: heavy(atStart),
          heavyAfterCheck: heavy(loaded()),
        })));
    `;
    // WHEN
    const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    // THEN
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      exitCode: 0,
      engineAtStart: false,
      heavyAtStart: [],
      heavyAfterCheck: [],
    });
  });
});
