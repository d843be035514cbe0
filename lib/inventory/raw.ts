/** A plain object read from a template. */
export type RawObject = Readonly<Record<string, unknown>>;

/** True when `value` is a plain (non-array, non-null) object. */
export function isRecord(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as an array: an array as is, a single value wrapped, absent as empty. */
export function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/** A short, bounded description of a template value for messages. */
export function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
