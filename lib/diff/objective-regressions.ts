import { DISRUPTIONS } from '../model/disruption';
import { disruptionVerdicts } from '../report/verdict';
import type { ObjectiveRegression } from './continuity-diff';
import type { Assessment, ServiceAssessment } from '../model/assessment';
import type { DisruptionVerdict } from '../report/verdict';

/** `null` (not recoverable, or not assessed) is worse than any number. */
function worseNumber(before: number | null, after: number | null): boolean {
  if (after === null) {
    return before !== null;
  }
  return before !== null && after > before;
}

function byName(services: readonly ServiceAssessment[]): Map<string, ServiceAssessment> {
  return new Map(services.map((s) => [s.name.toLowerCase(), s]));
}

function verdictOf(
  verdicts: readonly DisruptionVerdict[],
  disruption: string,
): DisruptionVerdict | undefined {
  return verdicts.find((v) => v.disruption === disruption);
}

/**
 * Every declared objective that got worse from `before` to `after`, per service (matched by
 * name, case-insensitive) and disruption declared on both sides: a longer achieved RTO or RPO,
 * a number that became not recoverable, or an objective met before and not after.
 * Improvements, new services and newly declared disruptions are not regressions.
 */
export function diffObjectives(before: Assessment, after: Assessment): ObjectiveRegression[] {
  const old = byName(before.services);
  const out: ObjectiveRegression[] = [];
  for (const service of after.services) {
    const previous = old.get(service.name.toLowerCase());
    if (previous === undefined) {
      continue;
    }
    const oldVerdicts = disruptionVerdicts(previous);
    const newVerdicts = disruptionVerdicts(service);
    for (const disruption of DISRUPTIONS) {
      const was = verdictOf(oldVerdicts, disruption);
      const now = verdictOf(newVerdicts, disruption);
      if (was === undefined || now === undefined) {
        continue;
      }
      const rtoBefore = was.achieved?.rtoSeconds ?? null;
      const rtoAfter = now.achieved?.rtoSeconds ?? null;
      const rpoBefore = was.achieved?.rpoSeconds ?? null;
      const rpoAfter = now.achieved?.rpoSeconds ?? null;
      const worse: ('rto' | 'rpo' | 'met')[] = [];
      if (worseNumber(rtoBefore, rtoAfter)) worse.push('rto');
      if (worseNumber(rpoBefore, rpoAfter)) worse.push('rpo');
      if (was.met && !now.met) worse.push('met');
      if (worse.length === 0) {
        continue;
      }
      out.push({
        service: service.name,
        disruption,
        tierBefore: previous.tier,
        tierAfter: service.tier,
        objective: now.objective,
        rtoBefore,
        rtoAfter,
        rpoBefore,
        rpoAfter,
        metBefore: was.met,
        metAfter: now.met,
        worse,
      });
    }
  }
  return out;
}
