import { isUnresolved } from '../model/unresolved';

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Structural equality of two raw template values: same primitives, arrays equal element by
 * element in order, objects with the same keys (order ignored) and equal values. Intrinsics
 * (`{ "Ref": ... }`, `{ "Fn::GetAtt": ... }`) compare as the objects they are.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (isUnresolved(a) || isUnresolved(b)) {
    return isUnresolved(a) && isUnresolved(b) && a.expression === b.expression;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => deepEqual(item, b[i]))
    );
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    return (
      keysA.length === keysB.length &&
      keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]))
    );
  }
  // NaN is the only value not equal to itself; templates never hold it, but stay total
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}

/** True for a CloudFormation intrinsic: an object whose only key is `Ref` or `Fn::...`. */
export function isIntrinsic(value: unknown): boolean {
  if (isUnresolved(value)) {
    return true;
  }
  if (!isPlainObject(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** True when `value` is, or contains anywhere inside, a deploy-time value. */
export function hasIntrinsic(value: unknown): boolean {
  if (isIntrinsic(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(hasIntrinsic);
  }
  return isPlainObject(value) && Object.values(value).some(hasIntrinsic);
}
