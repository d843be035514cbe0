import { readFileSync } from 'node:fs';
import type { LineLocator } from '../../lib/report/sarif-report';

/** A key definition, `OrdersTable: ...` or `"OrdersTable": {`; the key has none of `"' :,}`. */
const KEY_LINE = /^\s*["']?([^"'\s:,}]+)["']?\s*:/;
/** A name given at the end of a line, `- name: orders` or `"name": "orders" }`. */
const NAME_LINE = /\bname["']?\s*:\s*["']?([^"'\s:,}]+)["']?\s*[,}]?\s*$/;
/** Names {@link KEY_LINE} and {@link NAME_LINE} capture whole. */
const INDEXABLE_NAME = /^[^"'\s:,}]+$/;

/** One file's lines, with the first line defining each key and giving each name (1-based). */
interface IndexedFile {
  readonly lines: readonly string[];
  readonly keys: ReadonlyMap<string, number>;
  readonly names: ReadonlyMap<string, number>;
}

function indexFile(text: string): IndexedFile {
  const lines = text.split(/\r?\n/);
  const keys = new Map<string, number>();
  const names = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const key = KEY_LINE.exec(lines[i])?.[1];
    if (key !== undefined && !keys.has(key)) {
      keys.set(key, i + 1);
    }
    const name = NAME_LINE.exec(lines[i])?.[1];
    if (name !== undefined && !names.has(name)) {
      names.set(name, i + 1);
    }
  }
  return { lines, keys, names };
}

/**
 * A {@link LineLocator} over files on disk: the first line that defines `name` as a key
 * (`"OrdersTable": {` in JSON, `OrdersTable:` in YAML), else the first line that gives it as a
 * `name` (a service in a spec). Each file is read and indexed once, so a report of thousands of
 * findings does not scan a template per finding; unreadable files give no line.
 *
 * Only places a finding for code scanning and annotations; no verdict depends on it.
 */
export function fileLineLocator(): LineLocator {
  const cache = new Map<string, IndexedFile | undefined>();
  return (file, name) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, indexFile(readFileSync(file, 'utf8')));
      } catch {
        cache.set(file, undefined); // no line: the report falls back to line 1
      }
    }
    const indexed = cache.get(file);
    if (indexed === undefined) {
      return undefined;
    }
    if (INDEXABLE_NAME.test(name)) {
      return indexed.keys.get(name) ?? indexed.names.get(name);
    }
    return scanLines(indexed.lines, name);
  };
}

/** The first line defining `name` as a key, else giving it as a name, by testing every line. */
export function scanLines(lines: readonly string[], name: string): number | undefined {
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
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
