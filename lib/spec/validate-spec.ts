import type { z } from 'zod';

import type { InputIssue } from '../model/input-error';
import type { ContinuitySpec, RegionPair, ServiceSpec, Suppression } from '../model/spec';
import { didYouMean } from '../regions/closest-match';
import { checkDependencies } from './check-dependencies';
import { checkReachability } from './check-reachability';
import { checkRegions } from './check-regions';
import { checkServices } from './check-services';
import type { IndexedService } from './indexed-service';
import { comparePaths, formatPath, showValue } from './issue-path';
import type { PathSegment } from './issue-path';
import { resolveTiers } from './resolve-tiers';
import type { SpecIssue } from './spec-issue';
import { fastRegions, fastService, fastSuppression, fastTier } from './fast-parse';
import { SPEC_KEYS, TIER_NAME_PATTERN } from './spec-constants';
import type { TierOverride } from './spec-schema';

/** Options for {@link validateSpec}. */
export interface ValidateSpecOptions {
  /**
   * The date `reviewedOn` and `lastDrill` may not be after.
   *
   * @default - the current date (UTC)
   */
  readonly now?: Date;
}

/** The outcome of {@link validateSpec}: the resolved spec when there is no issue, and every issue. */
export interface SpecValidation {
  readonly spec?: ContinuitySpec;
  readonly issues: readonly InputIssue[];
}

/**
 * Validates a spec document (parsed YAML/JSON or a TypeScript object) and resolves it.
 *
 * Reports every issue at once, in document order, each naming its path (`services[2].tier`), the
 * value received and the fix. `spec` is set only when there is no issue.
 */
export function validateSpec(raw: unknown, options: ValidateSpecOptions = {}): SpecValidation {
  const { spec, issues } = validateSpecIssues(raw, options);
  return {
    spec,
    issues: issues.map((issue) => ({ path: formatPath(issue.segments), message: issue.message })),
  };
}

/**
 * Like {@link validateSpec}, but keeps issue paths as segments (for mapping them to file lines).
 *
 * @internal
 */
export function validateSpecIssues(
  raw: unknown,
  options: ValidateSpecOptions = {},
): { readonly spec?: ContinuitySpec; readonly issues: readonly SpecIssue[] } {
  const issues: SpecIssue[] = [];
  if (!isMapping(raw)) {
    issues.push({
      segments: [],
      message:
        `expected a spec mapping with regions and services (and optionally tiers, suppressions), ` +
        `received ${showValue(raw)}`,
    });
    return { issues };
  }
  for (const key of Object.keys(raw)) {
    if (!(SPEC_KEYS as readonly string[]).includes(key)) {
      issues.push({
        segments: [key],
        message: `unknown key '${key}'${didYouMean(key, SPEC_KEYS)}; a spec allows ${SPEC_KEYS.join(', ')}`,
      });
    }
  }

  const regions = parseRegions(raw.regions, issues);
  const { overrides, broken } = parseTiers(raw.tiers, issues);
  const { tiers, issues: tierIssues } = resolveTiers(overrides);
  issues.push(...tierIssues);
  const services = parseServices(raw.services, issues);
  const suppressions = parseList(
    raw.suppressions,
    'suppressions',
    fastSuppression,
    () => schemas().suppressionSchema,
    issues,
    false,
  );

  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const knownNames: string[] = [];
  if (Array.isArray(raw.services)) {
    for (const service of raw.services as unknown[]) {
      if (isMapping(service) && typeof service.name === 'string') {
        knownNames.push(service.name.trim());
      }
    }
  }
  issues.push(...checkServices(services, tiers, today, broken));
  issues.push(...checkDependencies(services, tiers, knownNames));
  issues.push(...checkReachability(services, tiers));

  const sorted = issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => comparePaths(a.issue.segments, b.issue.segments) || a.order - b.order)
    .map(({ issue }) => issue);
  if (sorted.length > 0 || regions === undefined) {
    return { issues: sorted };
  }
  return {
    spec: {
      regions,
      tiers,
      services: services.map(({ service }) => service),
      suppressions: suppressions.map(({ value }) => value as Suppression),
    },
    issues: [],
  };
}

function parseRegions(raw: unknown, issues: SpecIssue[]): RegionPair | undefined {
  if (raw === undefined) {
    issues.push({
      segments: ['regions'],
      message: 'is required; add regions: { primary: us-east-1, recovery: us-west-2 }',
    });
    return undefined;
  }
  let regions = fastRegions(raw);
  if (regions === undefined) {
    const result = schemas().regionsSchema.safeParse(raw, { reportInput: true });
    if (!result.success) {
      issues.push(...fromZod(result.error, ['regions']));
      return undefined;
    }
    regions = result.data;
  }
  const regionIssues = checkRegions(regions);
  issues.push(...regionIssues);
  return regionIssues.length === 0 ? regions : undefined;
}

function parseTiers(
  raw: unknown,
  issues: SpecIssue[],
): { overrides: Map<string, TierOverride>; broken: string[] } {
  const overrides = new Map<string, TierOverride>();
  const broken: string[] = [];
  if (raw === undefined || raw === null) {
    return { overrides, broken };
  }
  if (!isMapping(raw)) {
    issues.push({
      segments: ['tiers'],
      message: `expected a mapping of tier name to tier, e.g. { gold-eu: { region: { rto: 2h, rpo: 15min } } }, received ${showValue(raw)}`,
    });
    return { overrides, broken };
  }
  for (const [name, value] of Object.entries(raw)) {
    if (!TIER_NAME_PATTERN.test(name)) {
      issues.push({
        segments: ['tiers', name],
        message: `tier name '${name}' must be lowercase letters, digits and -, starting with a letter, e.g. gold-eu`,
      });
      broken.push(name);
      continue;
    }
    const fast = fastTier(value ?? {});
    if (fast !== undefined) {
      overrides.set(name, fast);
      continue;
    }
    const result = schemas().tierSchema.safeParse(value ?? {}, { reportInput: true });
    if (result.success) {
      overrides.set(name, result.data);
    } else {
      issues.push(...fromZod(result.error, ['tiers', name]));
      broken.push(name);
    }
  }
  return { overrides, broken };
}

function parseServices(raw: unknown, issues: SpecIssue[]): IndexedService[] {
  if (raw === undefined) {
    issues.push({
      segments: ['services'],
      message: 'is required; add services: [{ name: orders, tier: gold, owner: team-orders }]',
    });
    return [];
  }
  const services = parseList(
    raw,
    'services',
    fastService,
    () => schemas().serviceSchema,
    issues,
    true,
    salvageService,
  );
  return services.map(({ index, value }) => ({ index, service: value as ServiceSpec }));
}

/**
 * A service with its bad parts left out, so cross-service rules still run on the rest and all
 * issues show at once. `undefined` when the name or tier is unusable.
 */
function salvageService(raw: unknown, error: z.ZodError): unknown {
  if (!isMapping(raw)) {
    return undefined;
  }
  const copy: Record<string, unknown> = { ...raw };
  for (const issue of error.issues) {
    const [key, index] = issue.path;
    if (issue.code === 'unrecognized_keys' && key === undefined) {
      issue.keys.forEach((unknownKey) => delete copy[unknownKey]);
    } else if (key === 'name' || key === 'tier' || key === undefined) {
      return undefined;
    } else if (key === 'owner') {
      copy.owner = 'unknown';
    } else if (typeof index === 'number' && Array.isArray(copy[key as string])) {
      copy[key as string] = (copy[key as string] as unknown[]).map((item, i) =>
        i === index ? undefined : item,
      );
    } else {
      delete copy[key as string];
    }
  }
  for (const key of ['dependsOn', 'contacts', 'resources']) {
    if (Array.isArray(copy[key])) {
      copy[key] = (copy[key] as unknown[]).filter((item) => item !== undefined);
    }
  }
  const retry = schemas().serviceSchema.safeParse(copy);
  return retry.success ? retry.data : undefined;
}

/**
 * Parses each item of a list: `fast` takes the valid ones; `schema` (loaded only then) parses the
 * others, to report their issues.
 */
function parseList(
  raw: unknown,
  key: string,
  fast: (item: unknown) => unknown,
  schema: () => z.ZodType,
  issues: SpecIssue[],
  required: boolean,
  salvage?: (item: unknown, error: z.ZodError) => unknown,
): { index: number; value: unknown }[] {
  if (raw === undefined || (raw === null && !required)) {
    return [];
  }
  if (!Array.isArray(raw)) {
    issues.push({
      segments: [key],
      message: `expected a list, received ${showValue(raw)}; write ${key}: [...]`,
    });
    return [];
  }
  const parsed: { index: number; value: unknown }[] = [];
  raw.forEach((item: unknown, index) => {
    const value = fast(item);
    if (value !== undefined) {
      parsed.push({ index, value });
      return;
    }
    const result = schema().safeParse(item, { reportInput: true });
    if (result.success) {
      parsed.push({ index, value: result.data });
    } else {
      issues.push(...fromZod(result.error, [key, index]));
      const partial = salvage?.(item, result.error);
      if (partial !== undefined) {
        parsed.push({ index, value: partial });
      }
    }
  });
  return parsed;
}

/**
 * The zod schemas, loaded on first use: they give every issue its message, but valid documents
 * never need them (see fast-parse.ts), and loading zod and building them is a good part of the
 * time `continuity check` spends on the spec.
 */
function schemas(): typeof import('./spec-schema') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./spec-schema') as typeof import('./spec-schema');
}

/** Turns zod issues into spec issues, one per unknown key. */
function fromZod(error: z.ZodError, prefix: readonly PathSegment[]): SpecIssue[] {
  return error.issues.flatMap((issue) => {
    const segments = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === 'unrecognized_keys') {
      const messages = issue.message.split('\n');
      return issue.keys.map((key, i) => ({
        segments: [...segments, key],
        message: messages[i] ?? issue.message,
      }));
    }
    return [{ segments, message: issue.message }];
  });
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
