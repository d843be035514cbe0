import { median } from './stats';
import type { ProcessRun } from './measure';

/** What every suite gets from the runner. */
export interface BenchContext {
  /** Reduced sizes and repeats for a smoke run. */
  readonly quick: boolean;
  /** Scratch directory for generated assemblies and cdk.out directories. */
  readonly workDir: string;
  /** Repository root (holds `dist/`, `node_modules/` and `bench/guard/`). */
  readonly root: string;
  /** Progress line to stderr. */
  log(message: string): void;
}

/** One line of a suite's result table. */
export interface BenchRow {
  readonly scenario: string;
  /** Size: resources or services. */
  readonly n: number;
  /** Median of the baseline, in ms. */
  readonly baselineMs: number;
  /** Median of ours, in ms. */
  readonly oursMs: number;
  /** `oursMs / baselineMs` (or a cost ratio, see the suite text). */
  readonly ratio: number;
  /** Target, in words (`<= 3x`). */
  readonly target: string;
  /** Pass or fail against the target; undefined for rows reported without a target. */
  readonly pass?: boolean;
  /** Peak RSS of the baseline and of ours, KiB (median over runs). */
  readonly baselineRssKb: number;
  readonly oursRssKb: number;
  /** Runs per variant. */
  readonly runs: number;
}

/** A suite's result, rendered into BENCHMARKS.md. */
export interface SuiteResult {
  readonly name: string;
  readonly title: string;
  /** What is measured, the baseline and the target, in Markdown prose. */
  readonly description: string;
  readonly rows: readonly BenchRow[];
  /** Further findings (slopes, resource counts, assertions), one Markdown bullet each. */
  readonly notes: readonly string[];
  /** Targets checked outside the rows (slopes, assertions) and whether each passed. */
  readonly checks: readonly { readonly what: string; readonly pass: boolean }[];
}

/** A suite: runs its benchmarks and reports. */
export interface Suite {
  readonly name: string;
  run(context: BenchContext): SuiteResult;
}

/** Runs of one variant, with their medians. */
export class Samples {
  public readonly runs: ProcessRun[] = [];
  /** Times the variant reported itself (e.g. synthesis only), ms; falls back to wall time. */
  public readonly innerMs: number[] = [];

  /** Records a run and, when given, the time the child measured itself. */
  public add(run: ProcessRun, innerMs?: number): void {
    this.runs.push(run);
    this.innerMs.push(innerMs ?? run.wallMs);
  }

  /** Median wall time of the whole process. */
  public get wallMs(): number {
    return median(this.runs.map((r) => r.wallMs));
  }

  /** Median of the self-reported (or wall) times. */
  public get ms(): number {
    return median(this.innerMs);
  }

  /** Median CPU time (user + system). */
  public get cpuMs(): number {
    return median(this.runs.map((r) => r.cpuMs));
  }

  /** Median peak RSS. */
  public get rssKb(): number {
    return median(this.runs.map((r) => r.maxRssKb));
  }
}

/**
 * Runs `variants` `repeats` times, interleaved (A B C A B C ...) so that load from other
 * processes on the machine falls on every variant alike.
 */
export function interleave<K extends string>(
  variants: readonly K[],
  repeats: number,
  runOne: (variant: K, repeat: number) => void,
): void {
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const variant of variants) {
      runOne(variant, repeat);
    }
  }
}

/** How a row is judged: its target in words and, when gated, the test on the ratio. */
export interface RowGate {
  readonly target: string;
  /** @default - reported without a verdict */
  readonly passes?: (ratio: number) => boolean;
}

/**
 * A row comparing ours with its baseline: medians of `time` (the self-reported time by default,
 * `wallMs` for whole processes), their ratio, peak RSS and the number of runs.
 */
export function comparisonRow(
  scenario: string,
  n: number,
  baseline: Samples,
  ours: Samples,
  gate: RowGate,
  time: 'ms' | 'wallMs' = 'ms',
): BenchRow {
  const ratio = ours[time] / baseline[time];
  return {
    scenario,
    n,
    baselineMs: baseline[time],
    oursMs: ours[time],
    ratio,
    target: gate.target,
    ...(gate.passes ? { pass: gate.passes(ratio) } : {}),
    baselineRssKb: baseline.rssKb,
    oursRssKb: ours.rssKb,
    runs: baseline.runs.length,
  };
}
