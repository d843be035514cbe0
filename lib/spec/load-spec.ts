import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

import type { Document, LineCounter } from 'yaml';

import { InputError } from '../model/input-error';
import type { ContinuitySpec } from '../model/spec';
import { formatPath } from './issue-path';
import type { PathSegment } from './issue-path';
import { validateSpecIssues } from './validate-spec';
import type { ValidateSpecOptions } from './validate-spec';

/**
 * Reads, validates and resolves a spec file (`continuity.yaml`, `.yml` or `.json`).
 *
 * The format follows the extension; any other extension is read as JSON when the content starts
 * with `{`, else as YAML. Every issue names the file, the line and column, and the spec path.
 *
 * @throws InputError when the file cannot be read, does not parse, or does not validate
 */
export function loadSpec(file: string, options: ValidateSpecOptions = {}): ContinuitySpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : String((error as Error).message);
    throw new InputError([
      {
        path: file,
        message: `cannot read the spec file (${reason}); check the path, e.g. --spec continuity.yaml`,
      },
    ]);
  }
  const extension = extname(file).toLowerCase();
  const asJson =
    extension === '.json' ||
    (!['.yaml', '.yml'].includes(extension) && text.trimStart().startsWith('{'));
  // JSON specs skip the YAML parser; its document (for line and column) is built on errors only.
  let parsed: ParsedYaml | undefined = asJson ? undefined : parseYamlDocument(text);
  const raw = parsed === undefined ? parseJson(text, file) : parseYaml(parsed, file);
  if (raw === undefined || raw === null) {
    throw new InputError([
      {
        path: file,
        message:
          'the spec file is empty; start from examples/continuity.yaml with regions and services',
      },
    ]);
  }
  const { spec, issues } = validateSpecIssues(raw, options);
  if (spec === undefined) {
    parsed ??= parseYamlDocument(text);
    const { document, lines } = parsed;
    const located = issues.map((issue) => ({
      offset: offsetOf(document, issue.segments),
      path: formatPath(issue.segments),
      message: issue.message,
    }));
    // In a file, line order reads best; a stable sort keeps document order for ties.
    located.sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1));
    throw new InputError(
      located.map(({ offset, path, message }) => {
        const where = offset === undefined ? file : position(file, lines, offset);
        return { path: path === '' ? where : `${where} ${path}`, message };
      }),
    );
  }
  return spec;
}

interface ParsedYaml {
  readonly document: Document;
  readonly lines: LineCounter;
}

/** Loads `yaml` only when needed: YAML specs, and line numbers of invalid specs. */
function parseYamlDocument(text: string): ParsedYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('yaml') as typeof import('yaml');
  const lines = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter: lines, prettyErrors: false });
  return { document, lines };
}

function parseYaml({ document, lines }: ParsedYaml, file: string): unknown {
  if (document.errors.length > 0) {
    throw new InputError(
      document.errors.map((error) => {
        const where = position(file, lines, error.pos[0]);
        const reason = error.message.split(/ at line \d+/)[0];
        return {
          path: where,
          message: `invalid YAML: ${lowerFirst(reason)}; fix the file at this line`,
        };
      }),
    );
  }
  return document.toJS();
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message);
    const where = offset ? textPosition(file, text, Number(offset[1])) : file;
    const reason = lowerFirst(message.replace(/ in JSON at position \d+.*$/, ''));
    throw new InputError([
      { path: where, message: `invalid JSON: ${reason}; fix the file at this point` },
    ]);
  }
}

/** `file:line:col` of `offset` in `text` (1-based, as `yaml`'s LineCounter counts). */
function textPosition(file: string, text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `${file}:${line}:${offset - lineStart + 1}`;
}

/** Offset of the deepest node of `segments` found in the document (keys point at the key). */
function offsetOf(document: Document, segments: readonly PathSegment[]): number | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isMap, isSeq } = require('yaml') as typeof import('yaml');
  let node: unknown = document.contents;
  let offset: number | undefined = (node as { range?: number[] } | null)?.range?.[0];
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => (item.key as { value?: unknown } | null)?.value === segment,
      );
      if (!pair) {
        break;
      }
      offset = (pair.key as { range?: number[] } | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
      offset = (node as { range?: number[] }).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function position(file: string, lines: LineCounter, offset: number): string {
  const { line, col } = lines.linePos(offset);
  return `${file}:${line}:${col}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
