import { resolve } from 'path';

import { chooseEmbeddedSpec } from '../../lib/inventory/embedded-spec';
import { isInputError } from '../../lib/model';
import type { ContinuitySpec, Inventory } from '../../lib/model';
import { loadSpec, parseSpec } from '../../lib/spec';

/** Environment variable naming the spec file when the pack's config does not. */
export const SPEC_ENV_VAR = 'CONTINUITY_SPEC';

/** The spec found for a stack, or why there is none. */
export type PackSpec =
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
 * Finds the spec: the policy config `specPath`, else the file in `CONTINUITY_SPEC`, else the
 * spec a continuity-kit `ContinuityStacks` component embeds in the stack. Relative paths are
 * read from the working directory (the policy pack's directory under the Pulumi CLI). A missing
 * or invalid spec is a `problem` to report, never an exception.
 */
export function resolvePackSpec(
  specPath: unknown,
  embedded: Inventory['embeddedSpecs'],
  today: Date,
): PackSpec {
  if (specPath !== undefined && (typeof specPath !== 'string' || specPath.trim() === '')) {
    return {
      problem: `policy config specPath is ${JSON.stringify(specPath)}, not a file path; set it to the spec file, e.g. "continuity.yaml"`,
    };
  }
  const envPath = process.env[SPEC_ENV_VAR];
  const file = specPath ?? (envPath !== undefined && envPath !== '' ? envPath : undefined);
  if (file !== undefined) {
    const where = specPath !== undefined ? 'policy config specPath' : SPEC_ENV_VAR;
    try {
      return { spec: loadSpec(resolve(file), { now: today }), source: `${where} ${file}` };
    } catch (error) {
      return { problem: issuesOf(error, `spec file ${file} (from ${where})`) };
    }
  }
  const { embedded: first } = chooseEmbeddedSpec({ embeddedSpecs: embedded });
  if (first !== undefined) {
    try {
      return {
        spec: parseSpec(first.spec, { now: today }),
        source: `the spec embedded in stack ${first.stack}`,
      };
    } catch (error) {
      return { problem: issuesOf(error, `spec embedded in stack ${first.stack}`) };
    }
  }
  return {
    problem:
      'no continuity spec: set the policy config specPath (pulumi preview --policy-pack-config), ' +
      `set ${SPEC_ENV_VAR}, or build the stack with the ContinuityStacks component, which embeds it`,
  };
}
