import { Command, CommanderError } from 'commander';
import { isInputError } from '../../lib/model/input-error';
import { EXIT_CODES } from './cli-context';
import { COMMANDS } from './commands';
import { toolVersion } from './tool-version';
import type { CliContext, CommandRegistration, CommandResult } from './cli-context';

/** What a whole CLI run produced. */
export interface CliOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where to report bugs, in the message of an internal error. */
export const ISSUES_URL = 'https://github.com/continuity-kit/continuity-kit/issues';

/**
 * Builds the `continuity` program. Usage errors throw `CommanderError` (exit override) instead of
 * exiting, and output goes to `write` so that {@link runCli} can capture it.
 */
export function buildProgram(
  context: CliContext,
  done: (result: CommandResult) => void,
  write: { readonly out: (text: string) => void; readonly err: (text: string) => void },
  commands: readonly CommandRegistration[] = COMMANDS,
): Command {
  const program = new Command('continuity')
    .description(
      'declare RTO/RPO per service, and check that CloudFormation/CDK output can keep them',
    )
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // Inherited by every subcommand registered below.
    .exitOverride()
    .configureOutput({ writeOut: write.out, writeErr: write.err });
  for (const register of commands) {
    register(program, context, done);
  }
  return program;
}

/**
 * Runs the CLI on `argv` (without `node` and the script) and returns the exit code and output,
 * never throwing and never exiting: 0 met, 1 not met, 2 bad input or usage (each `InputError`
 * issue as `error: <path>: <message>`), 3 internal error.
 */
export async function runCli(
  argv: readonly string[],
  context: CliContext,
  commands: readonly CommandRegistration[] = COMMANDS,
): Promise<CliOutput> {
  let stdout = '';
  let stderr = '';
  let result: CommandResult | undefined;
  const program = buildProgram(
    context,
    (r) => {
      result = r;
    },
    { out: (t) => (stdout += t), err: (t) => (stderr += t) },
    commands,
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    return { exitCode: exitCodeOf(error), stdout, stderr: stderr + messageOf(error, context) };
  }
  if (result === undefined) {
    // No command ran (e.g. no command given): commander printed help.
    return { exitCode: EXIT_CODES.INPUT_ERROR, stdout, stderr };
  }
  return {
    exitCode: result.exitCode,
    stdout: stdout + result.stdout,
    stderr: stderr + (result.stderr ?? ''),
  };
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(
      error.code,
    );
    return done && error.exitCode === 0 ? EXIT_CODES.OK : EXIT_CODES.INPUT_ERROR;
  }
  return isInputError(error) ? EXIT_CODES.INPUT_ERROR : EXIT_CODES.INTERNAL_ERROR;
}

function messageOf(error: unknown, context: CliContext): string {
  if (error instanceof CommanderError) {
    return ''; // commander already wrote its message to stderr
  }
  if (isInputError(error)) {
    return error.issues.map((i) => `error: ${i.path ? `${i.path}: ` : ''}${i.message}\n`).join('');
  }
  const detail = error instanceof Error ? error.message : String(error);
  const stack =
    context.env.CONTINUITY_DEBUG && error instanceof Error ? `${error.stack ?? ''}\n` : '';
  return (
    `error: internal error in continuity-kit: ${detail.split('\n')[0]}; ` +
    `please report it at ${ISSUES_URL} with the command you ran (set CONTINUITY_DEBUG=1 for the stack)\n${stack}`
  );
}
