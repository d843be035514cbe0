#!/usr/bin/env node
import { existsSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { allRules, renderRulesMarkdown } from '../lib/rules';

/** RULES.md as generated from `allRules`: what the committed file must contain. */
export function rulesMarkdown(): string {
  return renderRulesMarkdown(allRules);
}

/**
 * Path of RULES.md: next to the nearest package.json above `from` (works from `bin/` and from
 * the compiled `dist/bin/`).
 *
 * @throws Error when no package.json is found
 */
export function rulesMarkdownPath(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `no package.json above ${from}; run the generator inside the continuity-kit checkout`,
      );
    }
    dir = parent;
  }
  return join(dir, 'RULES.md');
}

/** Writes RULES.md (`npm run rules`) and returns the path written. */
export function writeRulesMarkdown(file: string = rulesMarkdownPath()): string {
  writeFileSync(file, rulesMarkdown());
  return file;
}

if (require.main === module) {
  process.stdout.write(`wrote ${writeRulesMarkdown()}\n`);
}
