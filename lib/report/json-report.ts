import { LazyJsonArray, prettyJsonChunks } from './json-chunks';
import { NOT_ASSESSED, disruptionVerdicts, sortFindings } from './verdict';
import type { Assessment, ServiceAssessment } from '../model/assessment';
import type { Disruption } from '../model/disruption';
import type { CheckStatus, Finding, ResourceLocation, Severity } from '../model/finding';
import type { Basis } from '../model/protection';

/** Version of the JSON report shape; raised only on a breaking change. */
export const JSON_REPORT_VERSION = 1;

/** A declared objective in the JSON report. */
export interface JsonObjective {
  readonly rtoSeconds: number;
  readonly rpoSeconds: number;
}

/** An achieved objective in the JSON report; `null` means not recoverable. */
export interface JsonAchievement {
  readonly rtoSeconds: number | null;
  readonly rpoSeconds: number | null;
  /** Both numbers are within the declared objective and no error finding names the disruption. */
  readonly met: boolean;
  /** The weakest basis of the numbers: `sla`, `documented-typical` or `estimate`. */
  readonly basis: Basis;
  /** The arithmetic behind the numbers, one step per line. */
  readonly explanation: readonly string[];
}

/** A finding in the JSON report. Absent values are `null`, so every key is always present. */
export interface JsonFinding {
  /** Rule id, e.g. `RR-OBJ1`. */
  readonly rule: string;
  readonly severity: Severity;
  /** `non-compliant`, or `unknown` when a value could not be assessed. */
  readonly status: Extract<CheckStatus, 'non-compliant' | 'unknown'>;
  readonly service: string | null;
  readonly disruption: Disruption | null;
  /** Where the finding points: stack, logicalId, path, type, file (only known keys). */
  readonly resource: ResourceLocation | null;
  readonly message: string;
  readonly fix: string;
  /** The accepted exception, when a suppression applies; suppressed findings never fail. */
  readonly suppressed: { readonly reason: string; readonly expires: string | null } | null;
}

/** One service in the JSON report. */
export interface JsonService {
  readonly name: string;
  readonly tier: string;
  readonly met: boolean;
  readonly objectives: Partial<Record<Disruption, JsonObjective>>;
  readonly achieved: Partial<Record<Disruption, JsonAchievement>>;
  readonly findings: readonly JsonFinding[];
}

/**
 * The document `continuity check --format json` prints.
 *
 * Stable: keys are only ever added. Every declared disruption has an `objectives` and an
 * `achieved` entry; achieved `rtoSeconds`/`rpoSeconds` are `null` when not recoverable (or when
 * the engine could not assess the disruption, which fails closed the same way).
 */
export interface JsonReport {
  /** Version of this shape, {@link JSON_REPORT_VERSION}. */
  readonly version: number;
  /** True when every service meets every declared objective and no error finding remains. */
  readonly met: boolean;
  readonly services: readonly JsonService[];
  /** Findings tied to no declared service (e.g. a stateful resource with no tier). */
  readonly findings: readonly JsonFinding[];
}

/** Builds the JSON report object (see {@link JsonReport}) of an assessment. */
export function toJsonReport(assessment: Assessment): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    met: assessment.met,
    services: assessment.services.map(jsonService),
    findings: sortFindings(assessment.findings).map(jsonFinding),
  };
}

/** Renders an assessment as the JSON document of {@link JsonReport}, pretty-printed. */
export function toJson(assessment: Assessment): string {
  return `${JSON.stringify(toJsonReport(assessment), undefined, 2)}\n`;
}

/**
 * {@link toJson}'s text in pieces, one per service and finding, for writing out as they come (a
 * report of many megabytes is then never held as one string).
 */
export function* toJsonChunks(assessment: Assessment): Generator<string, void, undefined> {
  // depth 2: the document, its `services` and `findings` arrays, then each member whole
  yield* prettyJsonChunks(
    {
      version: JSON_REPORT_VERSION,
      met: assessment.met,
      services: new LazyJsonArray(assessment.services, jsonService),
      findings: new LazyJsonArray(sortFindings(assessment.findings), jsonFinding),
    },
    2,
  );
  yield '\n';
}

function jsonService(service: ServiceAssessment): JsonService {
  const objectives: Partial<Record<Disruption, JsonObjective>> = {};
  const achieved: Partial<Record<Disruption, JsonAchievement>> = {};
  for (const verdict of disruptionVerdicts(service)) {
    objectives[verdict.disruption] = {
      rtoSeconds: verdict.objective.rtoSeconds,
      rpoSeconds: verdict.objective.rpoSeconds,
    };
    achieved[verdict.disruption] = {
      rtoSeconds: verdict.achieved?.rtoSeconds ?? null,
      rpoSeconds: verdict.achieved?.rpoSeconds ?? null,
      met: verdict.met,
      basis: verdict.achieved?.basis ?? 'estimate',
      // The engine's readonly list as it is: a copy would serialize the same.
      explanation: verdict.achieved?.explanation ?? [NOT_ASSESSED],
    };
  }
  return {
    name: service.name,
    tier: service.tier,
    met: service.met,
    objectives,
    achieved,
    findings: sortFindings(service.findings).map(jsonFinding),
  };
}

function jsonFinding(finding: Finding): JsonFinding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    status: finding.status,
    service: finding.service ?? null,
    disruption: finding.disruption ?? null,
    resource: finding.resource === undefined ? null : compact(finding.resource),
    message: finding.message,
    fix: finding.fix,
    suppressed:
      finding.suppressed === undefined
        ? null
        : { reason: finding.suppressed.reason, expires: finding.suppressed.expires ?? null },
  };
}

/** The location's known keys, always in the same order. */
function compact(location: ResourceLocation): ResourceLocation {
  const out: { -readonly [K in keyof ResourceLocation]: ResourceLocation[K] } = {};
  if (location.stack !== undefined) {
    out.stack = location.stack;
  }
  if (location.logicalId !== undefined) {
    out.logicalId = location.logicalId;
  }
  if (location.path !== undefined) {
    out.path = location.path;
  }
  if (location.type !== undefined) {
    out.type = location.type;
  }
  if (location.file !== undefined) {
    out.file = location.file;
  }
  return out;
}
