import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { START_UP_ENV, runProcess } from './measure';
import { median } from './stats';

/** The machine a run measured on. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  /** 1-minute load average when the run started. */
  readonly loadAtStart: number;
  /** Ms to fill {@link FIRST_TOUCH_MB} MB of fresh memory ({@link measureFirstTouchMs}). */
  readonly firstTouchMs: number;
  /** What an empty Node process takes, as measured and in this environment ({@link measureStartUpMs}). */
  readonly startUp: StartUp;
}

/** Median wall ms of an empty Node process ({@link measureStartUpMs}). */
export interface StartUp {
  /** As the benchmarks run their processes (`runProcess`, without {@link START_UP_ENV}). */
  readonly measuredMs: number;
  /** The variables of {@link START_UP_ENV} this environment sets, none when it sets none. */
  readonly variables: readonly string[];
  /** In this environment, with {@link variables}; only when there are some. */
  readonly environmentMs?: number;
}

/**
 * CPU model (from /proc/cpuinfo where there is one), cores, memory, Node version, load, and the
 * cost of touching fresh memory.
 */
export function describeMachine(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    cpuModel = match?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux: keep the model Node reports
  }
  return {
    cpuModel,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart: loadavg()[0] ?? Number.NaN,
    firstTouchMs: measureFirstTouchMs(),
    startUp: measureStartUpMs(),
  };
}

/** Empty processes {@link measureStartUpMs} times on each side. */
export const START_UP_RUNS = 7;

/**
 * Median wall ms of `node -e 0`, run as the benchmarks run their processes ({@link runProcess})
 * and, when `env` sets any of {@link START_UP_ENV}, with those given back (the two interleaved).
 */
export function measureStartUpMs(
  runs = START_UP_RUNS,
  env: NodeJS.ProcessEnv = process.env,
): StartUp {
  const variables = START_UP_ENV.filter((name) => env[name] !== undefined);
  const given = Object.fromEntries(variables.map((name) => [name, env[name] as string]));
  const time = (extra: Readonly<Record<string, string>>): number =>
    runProcess(process.execPath, ['-e', '0'], { env: extra }).wallMs;
  const measured: number[] = [];
  const environment: number[] = [];
  for (let i = 0; i < runs; i++) {
    measured.push(time({}));
    if (variables.length > 0) {
      environment.push(time(given));
    }
  }
  return {
    measuredMs: median(measured),
    variables,
    ...(variables.length > 0 ? { environmentMs: median(environment) } : {}),
  };
}

/** Megabytes {@link measureFirstTouchMs} fills. */
export const FIRST_TOUCH_MB = 100;

/** Probe processes whose median {@link describeMachine} reports. */
export const FIRST_TOUCH_RUNS = 3;

/** A child that fills {@link FIRST_TOUCH_MB} MB of memory it has never touched and prints the ms. */
const FIRST_TOUCH_PROGRAM =
  `const b = Buffer.allocUnsafe(${FIRST_TOUCH_MB} * 2 ** 20); const t = process.hrtime.bigint(); ` +
  'b.fill(1); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));';

/**
 * Median ms, over `runs` fresh processes, to fill {@link FIRST_TOUCH_MB} MB of fresh memory: what
 * the first touch of a page costs on this host. It varies far more between virtual machines than
 * CPU speed does, and a process that holds more memory than another (the check against its
 * floor) pays it per page, so the report shows it beside the ratios.
 */
export function measureFirstTouchMs(runs = FIRST_TOUCH_RUNS): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['-e', FIRST_TOUCH_PROGRAM], { encoding: 'utf8' });
    const ms = Number(child.stdout);
    if (child.status !== 0 || !Number.isFinite(ms)) {
      throw new Error(`the first-touch probe failed (exit ${child.status}): ${child.stderr}`);
    }
    samples.push(ms);
  }
  return median(samples);
}
