import { InputError } from '../model/input-error';
import { CLOUDFORMATION_YAML_TAGS } from './yaml-intrinsics';

/** Line and column (1-based) of a character offset in `text`. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const where = lc
      ? { line: Number(lc[1]), col: Number(lc[2]) }
      : lineCol(text, pos ? Number(pos[1]) : text.length);
    throw new InputError([
      {
        path: `${file}:${where.line}:${where.col}`,
        message:
          `invalid JSON (${message.split('\n')[0]}); ` +
          'fix the syntax or pass the template that `cdk synth` or your tool wrote',
      },
    ]);
  }
}

/**
 * The `yaml` package, loaded on first use: a cdk.out holds only JSON, and loading `yaml` costs
 * tens of milliseconds of `continuity check` start-up.
 */
function yaml(): typeof import('yaml') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as typeof import('yaml');
}

function parseYaml(text: string, file: string): unknown {
  const doc = yaml().parseDocument(text, {
    customTags: [...CLOUDFORMATION_YAML_TAGS],
    prettyErrors: true,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return {
          path: pos ? `${file}:${pos.line}:${pos.col}` : file,
          message: `invalid YAML (${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}); fix the syntax`,
        };
      }),
    );
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError([
      {
        path: file,
        message: `cannot read YAML (${error instanceof Error ? error.message : String(error)}); fix the document`,
      },
    ]);
  }
}

/**
 * Parses the text of a CloudFormation template, JSON or YAML (with short-form intrinsics).
 *
 * `.json` files are JSON; other files are YAML, read as JSON first when they start with `{`. Throws {@link InputError} with the line and
 * column of a syntax error.
 */
export function parseTemplateText(text: string, file: string): unknown {
  if (file.endsWith('.json')) {
    return parseJson(text, file);
  }
  if (text.trimStart().startsWith('{')) {
    // YAML files are often JSON; JSON.parse is much faster, and YAML reports errors otherwise
    try {
      return JSON.parse(text);
    } catch {
      return parseYaml(text, file);
    }
  }
  return parseYaml(text, file);
}
