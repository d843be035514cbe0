import { resolve } from 'path';
import { isInputError } from '../../lib/model';
import { chooseEmbeddedSpec, specElsewhereMessage } from '../../lib/inventory/embedded-spec';
import { loadSpec, parseSpec } from '../../lib/spec';
import type { ContinuitySpec, Inventory } from '../../lib/model';
import type { IConstruct } from 'constructs';

/** cdk.json context key naming the spec file, e.g. `"continuity:spec": "continuity.yaml"`. */
export const SPEC_CONTEXT_KEY = 'continuity:spec';

/** Where the spec of an assessment comes from, in order of precedence. */
export interface SpecSources {
  readonly spec?: ContinuitySpec;
  readonly specFile?: string;
  /** The app, for the cdk.json context. */
  readonly app: IConstruct;
  /** The app's templates read: the specs continuity-kit constructs embed, and references to them. */
  readonly embedded: Pick<Inventory, 'embeddedSpecs' | 'specReferences'>;
  readonly today?: Date;
}

/** The spec found, or why there is none. */
export type SpecResolution =
  { readonly spec: ContinuitySpec; readonly source: string } | { readonly problem: string };

function issuesOf(error: unknown, where: string): string {
  if (isInputError(error)) {
    return error.issues
      .map((i) => `${where}${i.path ? ` ${i.path}` : ''}: ${i.message}`)
      .join('; ');
  }
  throw error;
}

/**
 * Finds the spec: the `spec` prop, else the `specFile` prop, else the file named by the cdk.json
 * context key {@link SPEC_CONTEXT_KEY}, else the spec the first stack embeds. Files are read
 * relative to the working directory (where cdk.json is). A missing or invalid spec is a
 * `problem` to report, never an exception; other errors propagate.
 */
export function resolveSpec(sources: SpecSources): SpecResolution {
  const options = sources.today !== undefined ? { now: sources.today } : {};
  if (sources.spec !== undefined) {
    return { spec: sources.spec, source: 'the spec prop' };
  }
  const context: unknown = sources.app.node.tryGetContext(SPEC_CONTEXT_KEY);
  const file = sources.specFile ?? (typeof context === 'string' ? context : undefined);
  if (file !== undefined) {
    const where = sources.specFile !== undefined ? 'specFile' : `context '${SPEC_CONTEXT_KEY}'`;
    try {
      return { spec: loadSpec(resolve(file), options), source: `${where} ${file}` };
    } catch (error) {
      return { problem: issuesOf(error, `spec file ${file} (from ${where})`) };
    }
  }
  if (context !== undefined) {
    return {
      problem: `context '${SPEC_CONTEXT_KEY}' is ${JSON.stringify(context)}, not a file path; set it to the spec file, e.g. "continuity.yaml"`,
    };
  }
  const { embedded: first, elsewhere } = chooseEmbeddedSpec(sources.embedded);
  if (elsewhere !== undefined) {
    return { problem: `no continuity spec found: ${specElsewhereMessage(elsewhere)}` };
  }
  if (first !== undefined) {
    try {
      return {
        spec: parseSpec(first.spec, options),
        source: `the spec embedded in stack ${first.stack}`,
      };
    } catch (error) {
      return { problem: issuesOf(error, `spec embedded in stack ${first.stack}`) };
    }
  }
  return {
    problem:
      "no continuity spec found: pass `spec` or `specFile` to ContinuityChecks, set the context key 'continuity:spec' in cdk.json to a spec file, or build the app with continuity-kit constructs (they embed the spec)",
  };
}
