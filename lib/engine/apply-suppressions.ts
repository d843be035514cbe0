import { logicalIdBase } from './index-inventory';
import type { Finding, Suppression } from '../model';

/** Rule id of an expired suppression; such findings are never suppressed themselves. */
export const EXPIRED_SUPPRESSION_ID = 'RR-SUP1';

/** `YYYY-MM-DD` of a date, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True when the suppression has an `expires` date before `today` (the expiry day itself still counts). */
export function isExpired(suppression: Suppression, today: Date): boolean {
  return suppression.expires !== undefined && suppression.expires < isoDay(today);
}

/**
 * Whether a suppression's `resource` names the finding: `*`; the service name
 * (case-insensitive); the logical ID, with or without a CDK hash suffix; or `Stack/LogicalId`.
 */
export function suppressionMatches(suppression: Suppression, finding: Finding): boolean {
  if (suppression.rule.toUpperCase() !== finding.rule.toUpperCase()) {
    return false;
  }
  const target = suppression.resource;
  if (target === '*') {
    return true;
  }
  if (finding.service !== undefined && finding.service.toLowerCase() === target.toLowerCase()) {
    return true;
  }
  const logicalId = finding.resource?.logicalId;
  if (logicalId === undefined) {
    return false;
  }
  const stack = finding.resource?.stack;
  return (
    target === logicalId ||
    target === logicalIdBase(logicalId) ||
    (stack !== undefined && target === `${stack}/${logicalId}`)
  );
}

/**
 * Marks findings accepted by a suppression in force as `suppressed` (they stay in the output and
 * no longer fail). Expired suppressions accept nothing; rule {@link EXPIRED_SUPPRESSION_ID} reports them.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  today: Date,
): Finding[] {
  const active = suppressions.filter((s) => !isExpired(s, today));
  return findings.map((f) => {
    if (f.rule === EXPIRED_SUPPRESSION_ID || f.suppressed) {
      return f;
    }
    const match = active.find((s) => suppressionMatches(s, f));
    if (!match) {
      return f;
    }
    return {
      ...f,
      suppressed: {
        reason: match.reason,
        ...(match.expires !== undefined ? { expires: match.expires } : {}),
      },
    };
  });
}
