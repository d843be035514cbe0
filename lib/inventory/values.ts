import type { ResourceId } from '../model/inventory';
import { Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { describe } from './raw';
import type { Resolved } from './resolved';
import type { StackScope } from './stack-scope';

/** Placeholder for a deploy-time part of a string, used to parse partly known ARNs. */
const HOLE = '\u0000';

/** An {@link Unresolved} for a resolved value that is not a plain literal. */
export function unresolvedOf(resolved: Resolved, raw: unknown): Unresolved {
  return resolved.kind === 'unresolved' ? resolved.unresolved : new Unresolved(describe(raw));
}

/**
 * A literal scalar read with `coerce`; `undefined` when absent (or `null`), unresolved when it is a
 * deploy-time value or `coerce` does not accept it.
 */
function readLiteral<T>(
  scope: StackScope,
  raw: unknown,
  coerce: (value: unknown) => T | undefined,
): Known<T | undefined> {
  // fast paths for what most properties hold: nothing, or a plain value (no intrinsic to resolve)
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (isPlainScalar(raw)) {
    const coerced = coerce(raw);
    if (coerced !== undefined) {
      return coerced;
    }
  }
  const resolved = scope.resolve(raw);
  if (resolved.kind === 'literal') {
    const { value } = resolved;
    if (value === undefined || value === null) {
      return undefined;
    }
    const coerced = coerce(value);
    if (coerced !== undefined) {
      return coerced;
    }
  }
  return unresolvedOf(resolved, raw);
}

/** True for a number, boolean or string that is not a dynamic reference: it resolves to itself. */
function isPlainScalar(raw: unknown): boolean {
  return (
    typeof raw === 'number' ||
    typeof raw === 'boolean' ||
    (typeof raw === 'string' && !raw.includes('{{resolve:'))
  );
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return value;
  }
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
    ? Number(value)
    : undefined;
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  return value === 'true' || value === 'false' ? value === 'true' : undefined;
}

/** A string value; `undefined` when absent; numbers are accepted (CloudFormation does). */
export function readString(scope: StackScope, raw: unknown): Known<string | undefined> {
  if (typeof raw === 'string' && !raw.includes('{{resolve:')) {
    return raw;
  }
  return readLiteral(scope, raw, asString);
}

/** A string value that must be present: absent counts as unresolved (`what` names it). */
export function requiredString(scope: StackScope, raw: unknown, what: string): Known<string> {
  return readString(scope, raw) ?? new Unresolved(`${what} (absent)`);
}

/** A number value; `undefined` when absent; numeric strings are accepted (CloudFormation does). */
export function readNumber(scope: StackScope, raw: unknown): Known<number | undefined> {
  return typeof raw === 'number' ? raw : readLiteral(scope, raw, asNumber);
}

/** A boolean value; `undefined` when absent; `'true'`/`'false'` strings are accepted. */
export function readBoolean(scope: StackScope, raw: unknown): Known<boolean | undefined> {
  return typeof raw === 'boolean' ? raw : readLiteral(scope, raw, asBoolean);
}

/** Resource references inside a resolved value (a `Ref`/`Fn::GetAtt`, or the parts of a string). */
export function referencesIn(resolved: Resolved): readonly Extract<Resolved, { kind: 'ref' }>[] {
  if (resolved.kind === 'ref') {
    return [resolved];
  }
  if (resolved.kind === 'concat') {
    return resolved.parts.flatMap((p) => (typeof p === 'string' ? [] : referencesIn(p)));
  }
  return [];
}

/**
 * The resource a value points at: a `Ref`/`Fn::GetAtt`, or an ARN built with `Fn::Join`/`Fn::Sub`
 * around exactly one reference (how CDK writes `instanceArn`). `undefined` when absent, a string
 * when literal.
 */
export function readReference(
  scope: StackScope,
  raw: unknown,
  types?: readonly string[],
): Known<{ readonly id: ResourceId } | { readonly literal: string } | undefined> {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (isPlainScalar(raw) && typeof raw !== 'boolean') {
    return { literal: String(raw) };
  }
  const resolved = scope.resolve(raw);
  if (resolved.kind === 'ref') {
    // a plain `Ref`/`Fn::GetAtt`: no parts to collect
    return !types || types.includes(resolved.type)
      ? { id: resolved.id }
      : unresolvedOf(resolved, raw);
  }
  if (resolved.kind === 'literal') {
    const { value } = resolved;
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value === 'string' || typeof value === 'number') {
      return { literal: String(value) };
    }
  }
  // a string built around references: it points at one resource when they all name it
  const all = referencesIn(resolved);
  const refs = all.filter((r) => !types || types.includes(r.type));
  const distinct = new Set(refs.map((r) => r.id));
  if (distinct.size === 1 && refs.length === all.length) {
    return { id: refs[0].id };
  }
  return unresolvedOf(resolved, raw);
}

/**
 * A string with its deploy-time parts replaced by {@link HOLE}, or `undefined` when the value is
 * not a string at all.
 */
export function readPartialString(scope: StackScope, raw: unknown): string | undefined {
  if (typeof raw === 'string' && isPlainScalar(raw)) {
    return raw;
  }
  const resolved = scope.resolve(raw);
  if (resolved.kind === 'literal') {
    return typeof resolved.value === 'string' ? resolved.value : undefined;
  }
  return resolved.kind === 'concat'
    ? resolved.parts.map((p) => (typeof p === 'string' ? p : HOLE)).join('')
    : undefined;
}

/** True when a partial string has no deploy-time part. */
export function isWhole(text: string): boolean {
  return !text.includes(HOLE);
}

/** Region and account of an ARN whose region/account parts are literal. */
export function readArnParts(
  scope: StackScope,
  raw: unknown,
): { readonly region: Known<string>; readonly account: Known<string> } {
  const text = readPartialString(scope, raw);
  const fields = text?.split(':');
  const unknown = new Unresolved(describe(raw));
  if (!fields || fields.length < 6 || fields[0] !== 'arn') {
    return { region: unknown, account: unknown };
  }
  const known = (field: string): Known<string> =>
    field.includes(HOLE) || field === '' ? unknown : field;
  return { region: known(fields[3]), account: known(fields[4]) };
}

/** Region of the stack that holds resource `id`; unresolved when not in the inventory. */
export function regionOfResource(scope: StackScope, id: ResourceId): Known<string> {
  return scope.index.resource(id)?.stack.region ?? new Unresolved(`region of ${id}`);
}
