import { z } from 'zod';

import { didYouMean } from '../regions/closest-match';
import { showValue } from './issue-path';

/**
 * A zod object that rejects unknown keys, naming each one (with a did-you-mean among the known
 * keys) and listing the keys `what` allows.
 *
 * Each unknown key gets its own line in the issue's message.
 */
export function strictMapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys
          .map(
            (key) =>
              `unknown key '${key}'${didYouMean(key, known)}; ${what} allows ${known.join(', ')}`,
          )
          .join('\n');
      }
      if (issue.code === 'invalid_type') {
        return `expected ${what} (a mapping), received ${showValue(issue.input)}`;
      }
      return undefined;
    },
  });
}
