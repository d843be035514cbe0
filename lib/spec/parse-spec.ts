import { InputError } from '../model/input-error';
import type { ContinuitySpec } from '../model/spec';
import { validateSpec } from './validate-spec';
import type { ValidateSpecOptions } from './validate-spec';

/**
 * Validates and resolves a spec document, or throws.
 *
 * @throws InputError carrying every issue, each with its path, the value received and the fix
 */
export function parseSpec(raw: unknown, options: ValidateSpecOptions = {}): ContinuitySpec {
  const { spec, issues } = validateSpec(raw, options);
  if (spec === undefined) {
    throw new InputError(issues);
  }
  return spec;
}
