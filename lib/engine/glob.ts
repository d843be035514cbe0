/** True when `text` matches `pattern`, where `*` stands for any run of characters. */
export function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(text);
}

/**
 * Whether `pattern` matches `prefix` followed by an unknown string.
 *
 * `true` when it matches whatever follows (`table/*`), `false` when it matches nothing that starts
 * with `prefix` (`bucket/*` for prefix `table/`), `'unknown'` otherwise (`table/Orders`).
 */
export function globMatchesPrefix(pattern: string, prefix: string): boolean | 'unknown' {
  const star = pattern.indexOf('*');
  const literal = star < 0 ? pattern : pattern.slice(0, star);
  if (!literal.startsWith(prefix) && !prefix.startsWith(literal)) {
    return false;
  }
  if (star >= 0 && literal.length <= prefix.length && /^\**$/.test(pattern.slice(star))) {
    return true;
  }
  return 'unknown';
}
