import { DISRUPTIONS } from '../model/disruption';
import type { Disruption } from '../model/disruption';
import type { RecoveryTier } from '../model/spec';

/**
 * The disruptions on which `candidate` promises less than `reference` does.
 *
 * Only disruptions `reference` declares count. `candidate` is looser on one when it declares no
 * objective for it, or a larger RTO or a larger RPO. A service whose dependency is looser cannot
 * keep its own promise, whatever it does itself.
 */
export function looserDisruptions(candidate: RecoveryTier, reference: RecoveryTier): Disruption[] {
  return DISRUPTIONS.filter((disruption) => {
    const wanted = reference.objectives[disruption];
    if (wanted === undefined) {
      return false;
    }
    const offered = candidate.objectives[disruption];
    return (
      offered === undefined ||
      offered.rtoSeconds > wanted.rtoSeconds ||
      offered.rpoSeconds > wanted.rpoSeconds
    );
  });
}
