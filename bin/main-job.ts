#!/usr/bin/env node
/**
 * `npm start`: the main job on the bundled example, as a CI pipeline would run it.
 *
 * 1. `cdk synth` the example shop (`bin/cdk-app.ts`, spec `examples/continuity.yaml`) into
 *    `cdk.out`, with the AwsSolutions and continuity cdk-nag packs;
 * 2. `continuity check cdk.out` with the spec embedded in the assembly, printed as text;
 * 3. the Markdown report (`reports/continuity.md`) and the service continuity plans with the HTML
 *    report (`reports/plans/`).
 *
 * Exits with the check's code: 0 met, 1 not met, 2 bad input.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { runCli } from './cli/run-cli';
import type { CliContext } from './cli/cli-context';

const ROOT = path.resolve(__dirname, '..', '..');
const SPEC = 'examples/continuity.yaml';

function step(title: string): void {
  process.stdout.write(`\n== ${title}\n`);
}

async function cli(args: readonly string[], context: CliContext): Promise<number> {
  const out = await runCli(args, context);
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  return out.exitCode;
}

async function main(): Promise<number> {
  const context: CliContext = { cwd: ROOT, env: process.env, isTty: Boolean(process.stdout.isTTY) };

  step('cdk synth (example shop, AwsSolutions + continuity checks)');
  const cdk = path.join(ROOT, 'node_modules', '.bin', 'cdk');
  const synth = spawnSync(cdk, ['synth', '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: 'true', CDK_CLI_NOTICES: 'false' },
  });
  if (synth.status !== 0) {
    process.stderr.write(`cdk synth failed with exit code ${synth.status ?? synth.signal}\n`);
    return synth.status ?? 2;
  }

  step('continuity check cdk.out');
  const code = await cli(['check', 'cdk.out'], context);

  step('reports');
  await cli(
    ['check', 'cdk.out', '--format', 'markdown', '--output', 'reports/continuity.md'],
    context,
  );
  await cli(['docs', '--spec', SPEC, 'cdk.out', '--out', 'reports/plans'], context);
  process.stdout.write(
    'open reports/plans/report.html for the chart of declared vs achieved objectives\n',
  );
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `main job failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 3;
  },
);
