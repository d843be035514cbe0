import { InputError, isInputError } from '../../lib/model/input-error';
import { loadSpecModule } from './lazy-modules';
import type { Inventory } from '../../lib/model/inventory';
import type { ContinuitySpec } from '../../lib/model/spec';

/**
 * Validates a spec embedded in a stack (`ContinuityKit::Spec` metadata).
 *
 * @param where - what the stack was read from, put before each issue path (by default issue paths
 *   name the stack only)
 * @throws InputError whose issue paths say which stack the spec came from (its own paths are
 *   relative to the embedded document)
 */
export function parseEmbeddedSpec(
  embedded: Inventory['embeddedSpecs'][number],
  today: Date | undefined,
  where?: string,
): ContinuitySpec {
  try {
    return loadSpecModule().parseSpec(embedded.spec, { now: today });
  } catch (error) {
    if (isInputError(error)) {
      const prefix = where === undefined ? '' : `${where}: `;
      throw new InputError(
        error.issues.map((i) => ({
          path: `${prefix}spec embedded in stack ${embedded.stack}${i.path ? ` ${i.path}` : ''}`,
          message: i.message,
        })),
      );
    }
    throw error;
  }
}
