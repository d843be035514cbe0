/** Indentation of the JSON reports: two spaces, as `JSON.stringify(value, undefined, 2)`. */
const INDENT = '  ';

/**
 * A JSON value the printer may split: a non-empty array, or a non-empty plain object (no
 * `toJSON`). Anything else is printed whole.
 */
function splittable(
  value: unknown,
): value is readonly unknown[] | Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function' && hasMember(value);
}

/** True when `JSON.stringify` prints at least one member of the object. */
function hasMember(value: object): boolean {
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && printed((value as never)[key])) {
      return true;
    }
  }
  return false;
}

/** `JSON.stringify` leaves out object members whose value is one of these. */
function printed(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/**
 * `JSON.stringify(value, undefined, 2)` as if `value` sat at `depth`: every line indented.
 *
 * Nested in `depth` arrays, `value` is printed by JSON.stringify itself at that depth; the
 * arrays' brackets around it are then sliced off. (Re-indenting its own printout with a regular
 * expression took a third as long again as printing it: 44 ms of a 10,002-resource report.)
 */
function whole(value: unknown, depth: number): string {
  let nested: unknown = value;
  for (let i = 0; i < depth; i++) {
    nested = [nested];
  }
  // `null` for what JSON.stringify prints nothing for, as it does inside an array
  const text = JSON.stringify(nested, undefined, 2) ?? 'null';
  // opening level i (1-based) printed `[`, a newline and 2i spaces; closing it, a newline,
  // 2(i - 1) spaces and `]`
  const head = 2 * depth + depth * (depth + 1);
  const tail = 2 * depth + depth * (depth - 1);
  return depth === 0 ? text : text.slice(head, text.length - tail);
}

function* arrayChunks(
  length: number,
  member: (index: number) => unknown,
  splitDepth: number,
  depth: number,
): Generator<string, void, undefined> {
  const inner = `\n${INDENT.repeat(depth + 1)}`;
  yield '[';
  for (let i = 0; i < length; i++) {
    yield i === 0 ? inner : `,${inner}`;
    const item = member(i);
    yield* prettyJsonChunks(printed(item) ? item : null, splitDepth, depth + 1);
  }
  yield `\n${INDENT.repeat(depth)}]`;
}

/**
 * Prints `value` as `JSON.stringify(value, undefined, 2)` does, byte for byte, but in pieces:
 * arrays and objects down to `splitDepth` are opened here and their members printed one by one,
 * so a report of many megabytes is never one string: written out as they come, the pieces keep
 * memory flat. (To get one string, call JSON.stringify: joining the pieces is slower.)
 *
 * `value` must be JSON data (what the reports build): plain objects, arrays, strings, numbers,
 * booleans and `null`; members that are `undefined` are left out, as JSON.stringify does. A
 * {@link LazyJsonArray} prints as the array of its members, each made when it is printed.
 */
export function* prettyJsonChunks(
  value: unknown,
  splitDepth: number,
  depth = 0,
): Generator<string, void, undefined> {
  if (value instanceof LazyJsonArray && depth < splitDepth && value.source.length > 0) {
    // made one at a time, each printed before the next is made
    yield* arrayChunks(value.source.length, (i) => value.make(value.source[i]), splitDepth, depth);
    return;
  }
  if (depth >= splitDepth || !splittable(value)) {
    yield whole(value, depth);
    return;
  }
  if (Array.isArray(value)) {
    yield* arrayChunks(value.length, (i) => value[i] as unknown, splitDepth, depth);
    return;
  }
  const inner = `\n${INDENT.repeat(depth + 1)}`;
  yield '{';
  let first = true;
  const record = value as Readonly<Record<string, unknown>>;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key) || !printed(record[key])) {
      continue;
    }
    yield `${first ? '' : ','}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* prettyJsonChunks(record[key], splitDepth, depth + 1);
  }
  yield `\n${INDENT.repeat(depth)}}`;
}

/**
 * A JSON array whose members are made from `source` by `make` only when the printer reaches
 * them, so that {@link prettyJsonChunks} never holds them all at once (each service's report
 * object, with its explanation lines, lives only while it is printed). JSON.stringify prints it
 * as the array of all of them.
 */
export class LazyJsonArray<T = unknown, U = unknown> {
  public constructor(
    public readonly source: readonly T[],
    public readonly make: (item: T) => U,
  ) {}

  /** Every member, made now (what JSON.stringify prints). */
  public toJSON(): U[] {
    return this.source.map((item) => this.make(item));
  }
}
