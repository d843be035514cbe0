import { formatDuration } from '../duration';
import { weakestBasis } from '../facts';
import type { Achievement, Basis, StoreProtection } from '../model';
import { storeLabel, type Named } from './store-label';

/** One way to recover a store or compute from a disruption, with its worst-case numbers. */
export interface RecoveryPath {
  readonly rpoSeconds: number;
  readonly rtoSeconds: number;
  readonly basis: Basis;
  /** The arithmetic, one line per number; written only for the path that is reported. */
  explain(): readonly string[];
}

const formatted = new Map<number, string>();

/** `1h20min`, or `0s` ({@link formatDuration}, memoized: the planner formats the same values often). */
export function fmt(seconds: number): string {
  let text = formatted.get(seconds);
  if (text === undefined) {
    text = formatDuration(seconds);
    if (formatted.size > 10_000) formatted.clear();
    formatted.set(seconds, text);
  }
  return text;
}

/** The path with the smallest RPO; ties go to the smaller RTO, then the stronger basis. */
export function bestPath(paths: readonly RecoveryPath[]): RecoveryPath | undefined {
  let best: RecoveryPath | undefined;
  for (const p of paths) {
    if (
      !best ||
      p.rpoSeconds < best.rpoSeconds ||
      (p.rpoSeconds === best.rpoSeconds && p.rtoSeconds < best.rtoSeconds) ||
      (p.rpoSeconds === best.rpoSeconds &&
        p.rtoSeconds === best.rtoSeconds &&
        weakestBasis(p.basis, best.basis) === best.basis &&
        p.basis !== best.basis)
    ) {
      best = p;
    }
  }
  return best;
}

/**
 * An achievement whose explanation is written each time it is read, from what the numbers were
 * computed with, instead of being kept as text: most explanations are only read once, by the
 * report, and a check of 10,002 resources otherwise holds about 6 MB of them from the assessment
 * to the report. Read `explanation` once per use: each read returns a new array. A spread
 * (`{ ...achievement }`) copies own properties only and so loses it; JSON.stringify keeps it.
 */
export class LazyAchievement implements Achievement {
  readonly #explain: (() => readonly string[]) | undefined;

  public constructor(
    public readonly rpoSeconds: number | null,
    public readonly rtoSeconds: number | null,
    public readonly basis: Basis,
    explain?: () => readonly string[],
  ) {
    this.#explain = explain;
  }

  /** The arithmetic spelled out, one line per number (written now). */
  public get explanation(): readonly string[] {
    return this.lines();
  }

  /** The achievement as plain data, explanation included. */
  public toJSON(): Achievement {
    return {
      rpoSeconds: this.rpoSeconds,
      rtoSeconds: this.rtoSeconds,
      basis: this.basis,
      explanation: this.explanation,
    };
  }

  /** Writes the explanation lines: the function given, or none. */
  protected lines(): readonly string[] {
    return this.#explain?.() ?? [];
  }
}

/**
 * The achievement of a store's best recovery path: the path's lines, each after the store's label.
 * Thousands of these live from the assessment to the report, so it holds the path and the store
 * rather than two closures.
 */
class PathAchievement extends LazyAchievement {
  readonly #path: RecoveryPath;
  readonly #store: Named<StoreProtection> | undefined;

  public constructor(path: RecoveryPath, store: Named<StoreProtection> | undefined) {
    super(path.rpoSeconds, path.rtoSeconds, path.basis);
    this.#path = path;
    this.#store = store;
  }

  protected override lines(): readonly string[] {
    const lines = this.#path.explain();
    if (this.#store === undefined) return lines;
    const label = storeLabel(this.#store);
    return lines.map((line) => `${label}: ${line}`);
  }
}

/** An achievement from a path, each explanation line after the label of `store` when given. */
export function toAchievement(path: RecoveryPath, store?: Named<StoreProtection>): Achievement {
  return new PathAchievement(path, store);
}

/** The "cannot recover" achievement, with the reason. */
export function notRecoverable(reason: string): Achievement {
  return { rpoSeconds: null, rtoSeconds: null, basis: 'estimate', explanation: [reason] };
}
