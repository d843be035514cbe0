import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../lib/model/input-error';
import type { CliContext } from './cli-context';

/**
 * A report as text, or as pieces of text in order (the JSON and SARIF reports, which can run to
 * megabytes: written piece by piece, they never exist as one string).
 */
export type ReportText = string | Iterable<string>;

/** Pieces are gathered up to this many characters before each write. */
const WRITE_BATCH_CHARS = 1 << 16;

/**
 * Writes a report to `--output FILE` (creating its directory), or returns it for stdout; a
 * report in pieces goes straight to {@link CliContext.writeStdout} when the context has it.
 *
 * @returns the text for stdout: the report (empty when it was streamed), or a one-line note
 *   naming the file written
 * @throws InputError naming `--output` when the file cannot be written
 */
export function writeOutput(
  report: ReportText,
  output: string | undefined,
  summary: string,
  context: CliContext,
): string {
  if (output === undefined) {
    if (typeof report === 'string') {
      return report;
    }
    if (context.writeStdout === undefined) {
      return joinPieces(report);
    }
    writeInBatches(report, context.writeStdout);
    return '';
  }
  const file = path.resolve(context.cwd, output);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof report === 'string') {
      writeFileSync(file, report);
    } else {
      writePieces(file, report);
    }
  } catch (error) {
    if (!isSystemError(error)) {
      throw error; // a report that failed to render mid-way is a bug, not a bad --output
    }
    const { code } = error;
    throw new InputError([
      { path: '--output', message: `cannot write ${output} (${code}); choose a writable path` },
    ]);
  }
  return `${summary}; report written to ${output}\n`;
}

/** An error of the file system (it has a `syscall` and a `code` such as `EACCES`). */
function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === 'string' && typeof syscall === 'string';
}

function joinPieces(pieces: Iterable<string>): string {
  let text = '';
  for (const piece of pieces) {
    text += piece;
  }
  return text;
}

/** Hands pieces to `write` in batches of about {@link WRITE_BATCH_CHARS}, none ever large. */
function writeInBatches(pieces: Iterable<string>, write: (text: string) => void): void {
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length >= WRITE_BATCH_CHARS) {
      write(batch);
      batch = '';
    }
  }
  if (batch !== '') {
    write(batch);
  }
}

function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    writeInBatches(pieces, (text) => writeSync(fd, text));
  } finally {
    closeSync(fd);
  }
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
