import type { Disruption, Objective } from './disruption';
import type { Finding } from './finding';
import type { Achievement } from './protection';

/** Verdict for one service. */
export interface ServiceAssessment {
  readonly name: string;
  readonly tier: string;
  /** True when every declared objective is met and no error-level finding remains. */
  readonly met: boolean;
  /** Declared objectives. */
  readonly objectives: Readonly<Partial<Record<Disruption, Objective>>>;
  /** Achieved per declared disruption (worst over the service's resources and dependencies). */
  readonly achieved: Readonly<Partial<Record<Disruption, Achievement>>>;
  readonly findings: readonly Finding[];
}

/** Verdict for a whole inventory against a spec. */
export interface Assessment {
  readonly met: boolean;
  readonly services: readonly ServiceAssessment[];
  /** Findings not tied to a declared service (e.g. a stateful resource with no tier). */
  readonly findings: readonly Finding[];
}
