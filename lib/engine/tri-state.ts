/** A three-valued truth: `unknown` when a value is not known until deploy. */
export type Tri = boolean | 'unknown';

/** Logical OR of two three-valued truths (`true` wins, then `unknown`). */
export function orTri(a: Tri, b: Tri): Tri {
  if (a === true || b === true) {
    return true;
  }
  return a === 'unknown' || b === 'unknown' ? 'unknown' : false;
}

/** Logical OR over three-valued truths ({@link orTri}, stopping at the first `true`). */
export function anyOf(values: Iterable<Tri>): Tri {
  let result: Tri = false;
  for (const v of values) {
    result = orTri(result, v);
    if (result === true) {
      return true;
    }
  }
  return result;
}

/** Logical AND over three-valued truths (`false` wins, then `unknown`). */
export function allOf(values: Iterable<Tri>): Tri {
  let result: Tri = true;
  for (const v of values) {
    if (v === false) {
      return false;
    }
    if (v === 'unknown') {
      result = 'unknown';
    }
  }
  return result;
}

/** Logical NOT of a three-valued truth. */
export function not(value: Tri): Tri {
  return value === 'unknown' ? 'unknown' : !value;
}
