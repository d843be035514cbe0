import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { fixture, run } from './cli/cli-harness';

// Loading the core and reading templates can take seconds on a busy CI machine.
jest.setTimeout(30_000);

const CI = path.join(__dirname, '..', '..', 'examples', 'ci');

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly if?: string;
}

function read(file: string): string {
  return readFileSync(path.join(CI, file), 'utf8');
}

/** The `continuity` command lines of a CI file, as argument lists. */
function continuityCommands(text: string): string[][] {
  return [...text.matchAll(/npx continuity ([^|\n]+)/g)].map((m) => m[1].trim().split(/\s+/));
}

/** Runs a CI command line in-process against the fixture assembly, outputs in a temp dir. */
async function runLikeCi(args: readonly string[]): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'continuity-ci-'));
  const argv = args.map((a, i) =>
    a === 'cdk.out' ? fixture('assembly') : args[i - 1] === '--output' ? path.join(dir, a) : a,
  );
  const out = await run([...argv, '--today', '2026-11-21']);
  return out.exitCode;
}

describe('examples/ci', () => {
  test('the GitHub workflow synthesizes, checks to SARIF and uploads it to code scanning', () => {
    // GIVEN
    const workflow = parse(read('github-actions.yml'));
    // WHEN
    const steps = workflow.jobs.check.steps as Step[];
    // THEN
    const scripts = steps.map((s) => s.run ?? '').join('\n');
    expect(scripts).toContain('npm ci');
    expect(scripts).toContain('cdk synth');
    expect(scripts).toContain(
      'npx continuity check cdk.out --format sarif --output continuity.sarif',
    );
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.with?.sarif_file).toBe('continuity.sarif');
    expect(workflow.permissions['security-events']).toBe('write');
    const gate = steps[steps.length - 1];
    expect(gate.if).toContain("steps.check.outputs.exit-code != '0'");
    expect(scripts).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  test('the GitLab job keeps a JUnit report and ends with the failing gate', () => {
    // GIVEN
    const pipeline = parse(read('gitlab-ci.yml'));
    // WHEN
    const job = pipeline.continuity;
    // THEN
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports.junit).toBe('continuity-junit.xml');
    expect(job.script).toContain(
      'npx continuity check cdk.out --format junit --output continuity-junit.xml || [ $? -eq 1 ]',
    );
    expect(job.script[job.script.length - 1]).toMatch(/^npx continuity check cdk\.out/);
  });

  test.each(['github-actions.yml', 'gitlab-ci.yml'])(
    'every continuity command in %s is valid',
    async (file) => {
      // GIVEN
      const commands = continuityCommands(read(file));
      // WHEN
      const codes = await Promise.all(commands.map(runLikeCi));
      // THEN
      expect(commands.length).toBeGreaterThanOrEqual(3);
      expect(codes.every((c) => c === 0)).toBe(true);
    },
  );
});
