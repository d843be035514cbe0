#!/usr/bin/env node
import { runCli } from './cli/run-cli';

/** Entry point of the `continuity` CLI: wires the process to {@link runCli}. */
export async function main(): Promise<void> {
  const output = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    isTty: process.stdout.isTTY === true,
  });
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  process.exitCode = output.exitCode;
}

if (require.main === module) {
  void main();
}
