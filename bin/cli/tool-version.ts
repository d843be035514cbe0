import { readFileSync } from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The version of continuity-kit, read from its `package.json` (found by walking up from this
 * file, which works both from the sources and from `dist/`).
 */
export function toolVersion(): string {
  if (cached !== undefined) {
    return cached;
  }
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'continuity-kit' && typeof pkg.version === 'string') {
        cached = pkg.version;
        return cached;
      }
    } catch {
      // no package.json at this level: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      cached = '0.0.0';
      return cached;
    }
    dir = parent;
  }
}
