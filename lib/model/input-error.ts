/** One problem with user input, located by its path (e.g. `services[2].tier`). */
export interface InputIssue {
  /** Where the problem is: a spec path, a file name, or a CLI option. */
  readonly path: string;
  /** What is wrong, the value received and what to do (lowercase, no final period). */
  readonly message: string;
}

/**
 * Bad input: a spec that does not validate, a template that cannot be read, a bad CLI option.
 *
 * Carries every issue found, not only the first. The CLI prints `issues` and exits 2, with no
 * stack trace; constructs turn it into a synth error on the construct path.
 */
export class InputError extends Error {
  public readonly issues: readonly InputIssue[];

  public constructor(issues: readonly InputIssue[] | string) {
    const list = typeof issues === 'string' ? [{ path: '', message: issues }] : issues;
    super(list.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    this.name = 'InputError';
    this.issues = list;
  }
}

/** True when `error` is an {@link InputError} (works across module copies). */
export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === 'InputError' && 'issues' in error;
}
