/** One step of a path into the spec: an object key or an array index. */
export type PathSegment = string | number;

/** Renders a path the way users read it: `services[2].resources[0].kind`, `tiers.gold-eu.region`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(segment)}]`;
    }
  }
  return text;
}

/** Shows a received value in a message: strings quoted, long values cut, `nothing` for absent. */
export function showValue(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (typeof value === 'string') {
    return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  return typeof value;
}

const SECTIONS = ['', 'regions', 'tiers', 'services', 'suppressions'];

/**
 * Orders issues by section (top level, regions, tiers, services, suppressions), then by item
 * index; a stable sort keeps the order of checks within one item.
 */
export function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const rank = (path: readonly PathSegment[]): [number, number] => {
    const section = path.length === 0 ? 0 : SECTIONS.indexOf(String(path[0]));
    return [section === -1 ? 0 : section, typeof path[1] === 'number' ? path[1] : -1];
  };
  const [sectionA, indexA] = rank(a);
  const [sectionB, indexB] = rank(b);
  return sectionA - sectionB || indexA - indexB;
}
