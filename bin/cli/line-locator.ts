import { readFileSync } from 'node:fs';
import type { LineLocator } from '../../lib/report/sarif-report';

/**
 * A {@link LineLocator} over files on disk: the first line that defines `name` as a key
 * (`"OrdersTable": {` in JSON, `OrdersTable:` in YAML), else the first line that gives it as a
 * `name` (a service in a spec). Files are read once; unreadable files give no line.
 *
 * Only places a finding for code scanning and annotations; no verdict depends on it.
 */
export function fileLineLocator(): LineLocator {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file, name) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
      } catch {
        cache.set(file, undefined); // no line: the report falls back to line 1
      }
    }
    const lines = cache.get(file);
    if (lines === undefined) {
      return undefined;
    }
    const quoted = escapeRegExp(name);
    const patterns = [
      new RegExp(`^\\s*["']?${quoted}["']?\\s*:`),
      new RegExp(`\\bname["']?\\s*:\\s*["']?${quoted}["']?\\s*[,}]?\\s*$`),
    ];
    for (const pattern of patterns) {
      const index = lines.findIndex((line) => pattern.test(line));
      if (index >= 0) {
        return index + 1;
      }
    }
    return undefined;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
