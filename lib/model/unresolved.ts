/**
 * A value that is not known until deploy time (a CloudFormation intrinsic, a CDK token, a Pulumi
 * output that is not yet resolved).
 *
 * Rules never treat an unresolved value as compliant: they report it as `unknown`.
 */
export class Unresolved {
  /** @param expression - what the value was, for messages (e.g. `{"Ref":"TableName"}`). */
  public constructor(public readonly expression: string) {}

  public toString(): string {
    return `<deploy-time value ${this.expression}>`;
  }
}

/** A value that may be unresolved. */
export type Known<T> = T | Unresolved;

/** True when `value` is a deploy-time value. */
export function isUnresolved(value: unknown): value is Unresolved {
  return value instanceof Unresolved;
}
