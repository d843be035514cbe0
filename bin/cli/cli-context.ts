import type { Command } from 'commander';

/** Exit codes of the `continuity` CLI. */
export const EXIT_CODES = {
  /** Every objective is met (or the command succeeded). */
  OK: 0,
  /** Some objective is not met (or would not be, for `plan`). */
  NOT_MET: 1,
  /** Bad input or usage: a clear message, no stack trace. */
  INPUT_ERROR: 2,
  /** A bug in continuity-kit. */
  INTERNAL_ERROR: 3,
} as const;

/** What a command sees of the process, so tests can run commands in-process. */
export interface CliContext {
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** Environment variables (`NO_COLOR`, `GITHUB_ACTIONS`, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal, which turns colour on unless `NO_COLOR` is set. */
  readonly isTty: boolean;
  /**
   * Writes to the process's stdout at once. When set, a report that comes in pieces (JSON,
   * SARIF) goes there piece by piece, before the command's result, instead of being joined into
   * one string first.
   *
   * @default - every report is returned whole in {@link CommandResult.stdout}
   */
  readonly writeStdout?: (text: string) => void;
}

/** What a command produced: the exit code and the text for stdout (and stderr). */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  /**
   * Warnings and notes for stderr.
   *
   * @default - nothing
   */
  readonly stderr?: string;
}

/**
 * Adds one command to the program. Its action hands its {@link CommandResult} to `done`; it may
 * throw `InputError` (exit 2) and lets anything else through (exit 3).
 */
export type CommandRegistration = (
  program: Command,
  context: CliContext,
  done: (result: CommandResult) => void,
) => void;
