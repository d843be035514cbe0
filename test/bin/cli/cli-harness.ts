import * as path from 'node:path';
import { runCli } from '../../../bin/cli/run-cli';
import type { CliContext } from '../../../bin/cli/cli-context';
import type { CliOutput } from '../../../bin/cli/run-cli';

/** Absolute path of a CLI test fixture. */
export function fixture(name: string): string {
  return path.join(__dirname, '..', 'fixtures', name);
}

/** A context for in-process runs: no TTY, empty environment, unless overridden. */
export function context(overrides: Partial<CliContext> = {}): CliContext {
  return { cwd: process.cwd(), env: {}, isTty: false, ...overrides };
}

/** Runs the CLI in-process. */
export function run(
  args: readonly string[],
  overrides: Partial<CliContext> = {},
): Promise<CliOutput> {
  return runCli(args, context(overrides));
}

/** `check` arguments for a fixture template against the fixture spec, on a fixed date. */
export function checkArgs(template: string, ...more: string[]): string[] {
  return [
    'check',
    fixture(template),
    '--spec',
    fixture('spec.yaml'),
    '--today',
    '2026-11-21',
    ...more,
  ];
}
