import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** GNU time, which reports a child's peak resident set size. */
export const GNU_TIME = '/usr/bin/time';

/**
 * Environment variables that make every Node process do work at start-up that has nothing to do
 * with what a benchmark measures; the processes it measures run without them. Node reads and
 * parses the certificate file `NODE_EXTRA_CA_CERTS` names before any script runs: 40 ms per
 * process on the machine of BENCHMARKS.md, whose environment points it at the system's bundle of
 * 200 KB. The same constant on both sides flatters every ratio (the check of 10,002 resources
 * measured 2.95x its floor with it and 3.53x without, medians of 15 pairs), and machines differ
 * in it. No benchmark process makes a TLS connection. The machine section of the report gives
 * what it costs ({@link measureStartUpMs}).
 */
export const START_UP_ENV: readonly string[] = ['NODE_EXTRA_CA_CERTS'];

/**
 * The environment of a measured process: `env` without {@link START_UP_ENV}, plus `extra`.
 */
export function measuredEnv(
  extra: Readonly<Record<string, string>> = {},
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of START_UP_ENV) {
    delete out[name];
  }
  return Object.assign(out, extra);
}

/** One measured child process. */
export interface ProcessRun {
  /** Wall-clock time of the whole process, measured by the parent. */
  readonly wallMs: number;
  /** Peak resident set size of the child in KiB (GNU time `%M`), NaN when unavailable. */
  readonly maxRssKb: number;
  /** User plus system CPU time of the child (GNU time `%U + %S`), NaN when unavailable. */
  readonly cpuMs: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runProcess}. */
export interface RunProcessOptions {
  /**
   * Exit codes that count as success.
   *
   * @default [0]
   */
  readonly okExitCodes?: readonly number[];
  /**
   * Extra environment variables, beside this process's ({@link measuredEnv}).
   *
   * @default - none
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Working directory.
   *
   * @default - the current directory
   */
  readonly cwd?: string;
  /**
   * Give up after this many milliseconds.
   *
   * @default 600000
   */
  readonly timeoutMs?: number;
}

/**
 * Runs `command args` in a fresh child process under GNU time, in {@link measuredEnv}, and returns
 * its wall time, peak RSS and output. Throws when the exit code is not one of `okExitCodes`.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunProcessOptions = {},
): ProcessRun {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'ck-bench-time-'));
  const timeFile = join(scratch, 'time.txt');
  const [file, argv] = useTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]]
    : [command, [...args]];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: measuredEnv(options.env),
    cwd: options.cwd,
    timeout: options.timeoutMs ?? 600_000,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  let maxRssKb = Number.NaN;
  let cpuMs = Number.NaN;
  if (useTime && existsSync(timeFile)) {
    // GNU time prefixes "Command exited with non-zero status N" on its own line
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
    const [rss, user, system] = (lines[lines.length - 1] ?? '').split(' ').map(Number);
    maxRssKb = rss ?? Number.NaN;
    cpuMs = ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000;
  }
  rmSync(scratch, { recursive: true, force: true });
  const exitCode = result.status ?? -1;
  if (result.error || !(options.okExitCodes ?? [0]).includes(exitCode)) {
    throw new Error(
      `benchmark process '${command} ${args.join(' ')}' exited with ${exitCode}` +
        `${result.error ? ` (${result.error.message})` : ''}; stderr: ${result.stderr.slice(0, 2000)}`,
    );
  }
  return { wallMs, maxRssKb, cpuMs, exitCode, stdout: result.stdout, stderr: result.stderr };
}

/** The last line of a child's stdout parsed as JSON (children report inner timings that way). */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  const last = lines[lines.length - 1] ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(
      `benchmark child printed no JSON result line; its stdout ends with: ${last.slice(0, 500)}`,
    );
  }
}
