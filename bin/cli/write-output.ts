import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../lib/model/input-error';
import type { CliContext } from './cli-context';

/**
 * Writes a report to `--output FILE` (creating its directory), or returns it for stdout.
 *
 * @returns the text for stdout: the report, or a one-line note naming the file written
 * @throws InputError naming `--output` when the file cannot be written
 */
export function writeOutput(
  report: string,
  output: string | undefined,
  summary: string,
  context: CliContext,
): string {
  if (output === undefined) {
    return report;
  }
  const file = path.resolve(context.cwd, output);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, report);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError([
      { path: '--output', message: `cannot write ${output} (${code}); choose a writable path` },
    ]);
  }
  return `${summary}; report written to ${output}\n`;
}

/** Resolves a user path against the context's directory, kept relative to the process if it can be. */
export function resolvePath(file: string, context: CliContext): string {
  const absolute = path.resolve(context.cwd, file);
  const relative = path.relative(process.cwd(), absolute);
  return relative === '' ? '.' : relative.startsWith('..') ? absolute : relative;
}

/**
 * Parses `--today YYYY-MM-DD` into a UTC date.
 *
 * @throws InputError naming `--today` when the value is not a real calendar date
 */
export function parseToday(value: string | undefined): Date | undefined {
  if (value === undefined) {
    return undefined;
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new InputError([
      {
        path: '--today',
        message: `expected a date as YYYY-MM-DD, received '${value}'; write e.g. --today 2026-11-21`,
      },
    ]);
  }
  return date;
}

/** True when colour should be on: asked for, or stdout is a terminal and `NO_COLOR` is not set. */
export function useColor(
  explicit: boolean | undefined,
  output: string | undefined,
  context: CliContext,
): boolean {
  if (explicit !== undefined) {
    return explicit;
  }
  const noColor = context.env.NO_COLOR !== undefined && context.env.NO_COLOR !== '';
  return output === undefined && context.isTty && !noColor;
}
