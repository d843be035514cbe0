import * as path from 'node:path';
import type * as sarif from 'sarif';
import { sha256Hex } from '../spec/spec-digest';
import { LazyJsonArray, prettyJsonChunks } from './json-chunks';
import { allFindings, describeLocation, isActive } from './verdict';
import type { Assessment } from '../model/assessment';
import type { Finding, Severity } from '../model/finding';
import type { Rule } from '../model/rule';

/** The rule metadata SARIF needs (a {@link Rule} without its check). */
export type RuleMetadata = Pick<
  Rule,
  'id' | 'name' | 'title' | 'violation' | 'rationale' | 'fix' | 'severity' | 'docsUrl'
>;

/** Options of {@link toSarif}. */
export interface SarifReportOptions {
  /** Metadata of the rules that ran, for `tool.driver.rules`. */
  readonly rules: readonly RuleMetadata[];
  /**
   * The spec file: the location of findings that point at no template.
   *
   * @default - such findings only get a logical location
   */
  readonly specFile?: string;
  /**
   * Directory file paths are made relative to, so code scanning can match them to the checkout.
   *
   * @default - paths are written as received
   */
  readonly rootDir?: string;
  /**
   * Version of continuity-kit, written as `tool.driver.version`.
   *
   * @default - no version
   */
  readonly toolVersion?: string;
  /**
   * Finds the line of a logical ID (or service name) in a file, for `region.startLine`; code
   * scanning places an alert by line.
   *
   * @default - line 1 of the file
   */
  readonly locateLine?: LineLocator;
}

/** Finds the 1-based line where `name` (a logical ID or a service name) is defined in `file`. */
export type LineLocator = (file: string, name: string) => number | undefined;

/**
 * `locate`, asked at most once per file and name: many findings point at the same resource, and
 * finding a line can mean scanning a whole template.
 */
export function rememberLines(locate: LineLocator): LineLocator {
  const lines = new Map<string, Map<string, number | undefined>>();
  return (file, name) => {
    let inFile = lines.get(file);
    if (inFile === undefined) {
      inFile = new Map();
      lines.set(file, inFile);
    }
    if (!inFile.has(name)) {
      inFile.set(name, locate(file, name));
    }
    return inFile.get(name);
  };
}

/**
 * The line of every `[file, name]` in `requests`, asked of `locate` once each and file by file,
 * so that a locator reading files can hold one at a time; answers other pairs through
 * {@link rememberLines}.
 */
export function locateLines(
  locate: LineLocator,
  requests: Iterable<readonly [file: string, name: string]>,
): LineLocator {
  const byFile = new Map<string, Set<string>>();
  for (const [file, name] of requests) {
    const names = byFile.get(file);
    if (names === undefined) {
      byFile.set(file, new Set([name]));
    } else {
      names.add(name);
    }
  }
  const remembered = rememberLines(locate);
  for (const [file, names] of byFile) {
    for (const name of names) {
      remembered(file, name);
    }
  }
  return remembered;
}

/** Where the SARIF 2.1.0 schema lives, written as `$schema`. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Readonly<Record<Severity, sarif.ReportingConfiguration.level>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * Builds a SARIF 2.1.0 log of an assessment: one run, the rules as `tool.driver.rules`, one
 * result per finding located at its template file and logical ID, suppressed findings carrying
 * an `external` suppression with the reason.
 */
export function toSarifLog(assessment: Assessment, options: SarifReportOptions): sarif.Log {
  return sarifLog(assessment, options, (findings, make) => findings.map(make));
}

/**
 * The log of {@link toSarifLog}, its results made by `results` from the findings and the function
 * that makes one result.
 */
function sarifLog<R>(
  assessment: Assessment,
  options: SarifReportOptions,
  results: (findings: readonly Finding[], make: (finding: Finding) => sarif.Result) => R,
): Omit<sarif.Log, 'runs'> & { runs: [Omit<sarif.Run, 'results'> & { results: R }] } {
  const findings = allFindings(assessment);
  const rules = [...options.rules];
  const known = new Set(rules.map((r) => r.id));
  for (const finding of findings) {
    if (!known.has(finding.rule)) {
      // A finding from a rule not in the catalogue given (e.g. a newer engine): still describe it.
      known.add(finding.rule);
      rules.push({
        id: finding.rule,
        name: finding.rule,
        title: finding.rule,
        violation: finding.message,
        rationale: finding.message,
        fix: finding.fix,
        severity: finding.severity,
        docsUrl: '',
      });
    }
  }
  const ruleIndex = new Map(rules.map((r, index) => [r.id, index]));
  const locateLine =
    options.locateLine &&
    locateLines(options.locateLine, findingPlaces(findings, options.specFile));
  // Findings share a few files: each one's URI is worked out once.
  const uris = new Map<string, string>();
  const uriOf = (file: string): string => {
    let uri = uris.get(file);
    if (uri === undefined) {
      uri = toUri(file, options.rootDir);
      uris.set(file, uri);
    }
    return uri;
  };
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'continuity-kit',
            informationUri: 'https://github.com/continuity-kit/continuity-kit',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules: rules.map(ruleDescriptor),
          },
        },
        results: results(findings, (f) =>
          result(f, ruleIndex.get(f.rule), options.specFile, locateLine, uriOf),
        ),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}

/** Renders an assessment as a SARIF 2.1.0 JSON document (see {@link toSarifLog}). */
export function toSarif(assessment: Assessment, options: SarifReportOptions): string {
  return `${JSON.stringify(toSarifLog(assessment, options), undefined, 2)}\n`;
}

/** {@link toSarif}'s text in pieces, one per result, for writing out as they come. */
export function* toSarifChunks(
  assessment: Assessment,
  options: SarifReportOptions,
): Generator<string, void, undefined> {
  // depth 4: the log, `runs`, the run, its `results`, then each result (and `tool`) whole
  // each result made as it is printed
  const log = sarifLog(assessment, options, (findings, make) => new LazyJsonArray(findings, make));
  yield* prettyJsonChunks(log, 4);
  yield '\n';
}

function ruleDescriptor(rule: RuleMetadata): sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.violation}; fix: ${rule.fix}` },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags: ['continuity', 'resilience'] },
  };
}

/** The file a finding is placed in (its template, else the spec) and the name its line is found by. */
export function placeOf(
  finding: Finding,
  specFile: string | undefined,
): { file?: string; logicalName?: string } {
  return {
    file: finding.resource?.file ?? specFile,
    logicalName: finding.resource?.logicalId ?? finding.service,
  };
}

/** The `[file, name]` of every finding that has both, as {@link locateLines} takes them. */
export function findingPlaces(
  findings: readonly Finding[],
  specFile: string | undefined,
): (readonly [file: string, name: string])[] {
  return findings.flatMap((f) => {
    const { file, logicalName } = placeOf(f, specFile);
    return file !== undefined && logicalName !== undefined ? [[file, logicalName] as const] : [];
  });
}

function result(
  finding: Finding,
  ruleIndex: number | undefined,
  specFile: string | undefined,
  locateLine: LineLocator | undefined,
  uriOf: (file: string) => string,
): sarif.Result {
  const { resource, service, disruption } = finding;
  const { file, logicalName } = placeOf(finding, specFile);
  const location: sarif.Location = {};
  if (file !== undefined) {
    const line = logicalName === undefined ? undefined : locateLine?.(file, logicalName);
    location.physicalLocation = {
      artifactLocation: { uri: uriOf(file) },
      region: { startLine: line ?? 1 },
    };
  }
  if (logicalName !== undefined) {
    location.logicalLocations = [
      {
        name: logicalName,
        fullyQualifiedName: resource?.path ?? describeLocation(resource) ?? logicalName,
        kind: resource?.logicalId !== undefined ? 'resource' : 'module',
      },
    ];
  }
  const where =
    service === undefined
      ? (disruption ?? '')
      : disruption === undefined
        ? service
        : `${service} / ${disruption}`;
  // Keys are assigned in the order of earlier reports, so the document stays the same; `message`
  // is set below.
  const out = { ruleId: finding.rule } as sarif.Result;
  if (ruleIndex !== undefined) {
    out.ruleIndex = ruleIndex;
  }
  out.level = LEVELS[finding.severity];
  out.kind = finding.status === 'unknown' ? 'review' : 'fail';
  out.message = { text: `${where ? `${where}: ` : ''}${finding.message}; fix: ${finding.fix}` };
  if (location.physicalLocation !== undefined || location.logicalLocations !== undefined) {
    out.locations = [location];
  }
  out.partialFingerprints = { 'continuityFinding/v1': fingerprint(finding) };
  if (!isActive(finding)) {
    const suppression: sarif.Suppression = {
      kind: 'external',
      status: 'accepted',
      justification: finding.suppressed?.reason ?? '',
    };
    if (finding.suppressed?.expires) {
      suppression.properties = { expires: finding.suppressed.expires };
    }
    out.suppressions = [suppression];
  }
  const properties: sarif.PropertyBag = { status: finding.status, fix: finding.fix };
  if (service !== undefined) {
    properties.service = service;
  }
  if (disruption !== undefined) {
    properties.disruption = disruption;
  }
  if (resource?.type !== undefined) {
    properties.resourceType = resource.type;
  }
  out.properties = properties;
  return out;
}

/** Same finding, same fingerprint across runs, so code scanning tracks it instead of reopening. */
function fingerprint(finding: Finding): string {
  const key = [
    finding.rule,
    finding.service ?? '',
    finding.disruption ?? '',
    describeLocation(finding.resource) ?? '',
  ].join('\u0000');
  return sha256Hex(key).slice(0, 32);
}

/** A forward-slash URI reference for a file path, relative to `rootDir` when given. */
function toUri(file: string, rootDir: string | undefined): string {
  const relative =
    rootDir !== undefined && path.isAbsolute(file) ? path.relative(rootDir, file) : file;
  const posix = relative.split(path.sep).join('/');
  const encoded = encodeURI(posix).replace(/[?#]/g, (c) => encodeURIComponent(c));
  return path.posix.isAbsolute(posix) ? `file://${encoded}` : encoded;
}
