import { z } from 'zod';

import { parseDuration } from '../duration/parse-duration';
import { isInputError } from '../model/input-error';
import { showValue } from './issue-path';

/** A duration such as `15min`, read into seconds; `example` shows a good value in messages. */
export function durationField(example: string) {
  return z.unknown().transform((value, ctx): number => {
    if (value === undefined || value === null) {
      ctx.issues.push({
        code: 'custom',
        message: `is required; write a duration such as ${example}`,
        input: value,
      });
      return z.NEVER;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      ctx.issues.push({
        code: 'custom',
        message: `expected a duration such as ${example}, received ${showValue(value)}`,
        input: value,
      });
      return z.NEVER;
    }
    try {
      return parseDuration(value, '');
    } catch (error) {
      if (!isInputError(error)) {
        throw error;
      }
      ctx.issues.push({ code: 'custom', message: error.issues[0].message, input: value });
      return z.NEVER;
    }
  });
}
