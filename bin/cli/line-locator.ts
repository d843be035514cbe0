import { readFileSync } from 'node:fs';
import type { LineLocator } from '../../lib/report/sarif-report';

/** A key definition, `OrdersTable: ...` or `"OrdersTable": {`; the key has none of `"' :,}`. */
const KEY_LINE = /^\s*["']?([^"'\s:,}]+)["']?\s*:/;
/** A name given at the end of a line, `- name: orders` or `"name": "orders" }`. */
const NAME_LINE = /\bname["']?\s*:\s*["']?([^"'\s:,}]+)["']?\s*[,}]?\s*$/;
/** Names {@link KEY_LINE} and {@link NAME_LINE} capture whole. */
const INDEXABLE_NAME = /^[^"'\s:,}]+$/;

/**
 * One file's text, searched for one name at a time: only the lines holding the name are tested
 * against the patterns, and the text is split into lines only for a name the patterns cannot
 * capture whole. (Indexing every line of every template took 55 ms and 7 MB of kept lines on an
 * estate of 10,002 resources, for the few hundred names a report asks for.)
 */
class SearchedFile {
  private newlines: number[] | undefined;
  private lines: readonly string[] | undefined;

  public constructor(private readonly text: string) {}

  /** The first line defining `name` as a key, else the first giving it as a name (1-based). */
  public lineOf(name: string): number | undefined {
    if (!INDEXABLE_NAME.test(name)) {
      this.lines ??= this.text.split(/\r?\n/);
      return scanLines(this.lines, name);
    }
    return this.firstLine(name, KEY_LINE) ?? this.firstLine(name, NAME_LINE);
  }

  /** The first line on which `pattern` captures exactly `name`. */
  private firstLine(name: string, pattern: RegExp): number | undefined {
    const { text } = this;
    let from = 0;
    for (;;) {
      const at = text.indexOf(name, from);
      if (at < 0) {
        return undefined;
      }
      const start = text.lastIndexOf('\n', at) + 1;
      const newline = text.indexOf('\n', at);
      const end = newline < 0 ? text.length : newline;
      // a line ends before `\r\n` or `\n`, as `split(/\r?\n/)` cuts it
      const line = text.slice(
        start,
        newline > 0 && text.charCodeAt(end - 1) === CR ? end - 1 : end,
      );
      if (pattern.exec(line)?.[1] === name) {
        return this.lineAt(start);
      }
      from = end + 1;
    }
  }

  /** The 1-based number of the line starting at `offset`. */
  private lineAt(offset: number): number {
    if (this.newlines === undefined) {
      const newlines: number[] = [];
      for (let at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1)) {
        newlines.push(at);
      }
      this.newlines = newlines;
    }
    // lines before it = newlines before `offset`
    let low = 0;
    let high = this.newlines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.newlines[mid] < offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low + 1;
  }
}

const CR = 13;

/**
 * A {@link LineLocator} over files on disk: the first line that defines `name` as a key
 * (`"OrdersTable": {` in JSON, `OrdersTable:` in YAML), else the first line that gives it as a
 * `name` (a service in a spec). It holds one file at a time, read when first asked about, so
 * callers ask file by file (`locateLines` in lib/report does); unreadable files give no line.
 *
 * Only places a finding for code scanning and annotations; no verdict depends on it.
 */
export function fileLineLocator(): LineLocator {
  let current: { readonly file: string; readonly searched: SearchedFile | undefined } | undefined;
  return (file, name) => {
    if (current?.file !== file) {
      let searched: SearchedFile | undefined;
      try {
        searched = new SearchedFile(readFileSync(file, 'utf8'));
      } catch {
        searched = undefined; // no line: the report falls back to line 1
      }
      current = { file, searched };
    }
    return current.searched?.lineOf(name);
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
