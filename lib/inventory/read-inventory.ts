import { readFileSync, statSync } from 'fs';
import { basename, dirname } from 'path';
import { InputError } from '../model/input-error';
import type { Inventory } from '../model/inventory';
import { TemplateStream } from './inventory-from-templates';
import { parseTemplateText } from './parse-template';
import { listAssemblyStacks } from './read-assembly';
import type { TemplateInput } from './stack-template';

/** Options of {@link readInventory}. */
export interface ReadInventoryOptions {
  /**
   * Region of templates given as files (they carry none); stacks in a `cdk.out` take theirs from
   * the manifest.
   *
   * @default - unresolved
   */
  readonly region?: string;
  /**
   * Account of templates given as files.
   *
   * @default - unresolved
   */
  readonly account?: string;
  /**
   * Stack name of templates given as files, e.g. to read two versions of one stack under one name.
   *
   * @default - the file name without its template suffix (`orders.template.json` → `orders`)
   */
  readonly stack?: string;
}

const TEMPLATE_SUFFIXES = [
  '.template.json',
  '.template.yaml',
  '.template.yml',
  '.json',
  '.yaml',
  '.yml',
  '.template',
];

/** Stack name of a template file: its name without the template suffix. */
export function templateStackName(file: string): string {
  const name = basename(file);
  const suffix = TEMPLATE_SUFFIXES.find(
    (s) => name.toLowerCase().endsWith(s) && name.length > s.length,
  );
  return suffix ? name.slice(0, name.length - suffix.length) : name;
}

function readTemplateFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError([
      { path: file, message: `cannot read template (${code}); check the path` },
    ]);
  }
  return parseTemplateText(text, file);
}

/**
 * The cloud assembly directory `path` names (a `cdk.out` directory, or its `manifest.json`), or
 * `undefined` when `path` is a template file.
 *
 * @throws InputError when `path` does not exist or cannot be read
 */
export function cloudAssemblyDirectory(path: string): string | undefined {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError([
      {
        path,
        message: `cannot read (${code}); pass an existing template file or cdk.out directory`,
      },
    ]);
  }
  if (isDirectory) {
    return path;
  }
  return basename(path) === 'manifest.json' ? dirname(path) : undefined;
}

/**
 * Reads CloudFormation templates (`.json`, `.yaml`, `.yml`, `.template.json`) and `cdk.out`
 * directories into the neutral {@link Inventory}.
 *
 * A `cdk.out` may be given as the directory or as its `manifest.json`. Its stacks take their name
 * and Region from the manifest, nested assemblies (stages) included. Throws {@link InputError} naming the file and the fix for a missing file,
 * invalid JSON/YAML (with line and column), or a file that is not a template.
 */
export function readInventory(
  paths: readonly string[],
  options: ReadInventoryOptions = {},
): Inventory {
  if (paths.length === 0) {
    throw new InputError([
      { path: 'paths', message: 'no template given; pass template files or a cdk.out directory' },
    ]);
  }
  // each template is read as soon as it is parsed, then let go (see TemplateStream)
  const stream = new TemplateStream({ reparse: (input) => readTemplateFile(input.file as string) });
  const seen = new Map<string, number>();
  const add = (input: Omit<TemplateInput, 'template'> & { file: string }): void => {
    // two files named alike (a/template.yaml, b/template.yaml): prefix the folder name
    const count = seen.get(input.stack) ?? 0;
    seen.set(input.stack, count + 1);
    const stack = count === 0 ? input.stack : `${basename(dirname(input.file))}-${input.stack}`;
    stream.add({ ...input, stack, template: readTemplateFile(input.file) });
  };
  for (const path of paths) {
    const assembly = cloudAssemblyDirectory(path);
    if (assembly !== undefined) {
      listAssemblyStacks(assembly).forEach((stack) => add({ ...stack, synthesized: true }));
    } else {
      add({
        stack: options.stack ?? templateStackName(path),
        file: path,
        ...(options.region !== undefined ? { region: options.region } : {}),
        ...(options.account !== undefined ? { account: options.account } : {}),
      });
    }
  }
  return stream.finish();
}
