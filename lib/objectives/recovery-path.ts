import { formatDuration } from '../duration';
import { weakestBasis } from '../facts';
import type { Achievement, Basis } from '../model';

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

/** An achievement from a path, its explanation lines passed through `line`. */
export function toAchievement(
  path: RecoveryPath,
  line: (text: string) => string = (text) => text,
): Achievement {
  return {
    rpoSeconds: path.rpoSeconds,
    rtoSeconds: path.rtoSeconds,
    basis: path.basis,
    explanation: path.explain().map(line),
  };
}

/** The "cannot recover" achievement, with the reason. */
export function notRecoverable(reason: string): Achievement {
  return { rpoSeconds: null, rtoSeconds: null, basis: 'estimate', explanation: [reason] };
}
