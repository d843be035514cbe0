import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The floor of the check benchmark (`node dist/bench/floor.js <cdk.out> <spec>`): reads and
 * `JSON.parse`s the manifest, every stack template it lists and the spec, and nothing else. No
 * checker that reads the same files in Node can be faster.
 */
export function readAssemblyFloor(dir: string, specFile: string): number {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { type: string; properties: { templateFile: string } }>;
  };
  let resources = 0;
  for (const artifact of Object.values(manifest.artifacts)) {
    if (artifact.type === 'aws:cloudformation:stack') {
      const template = JSON.parse(
        readFileSync(join(dir, artifact.properties.templateFile), 'utf8'),
      ) as { Resources: Record<string, unknown> };
      resources += Object.keys(template.Resources).length;
    }
  }
  JSON.parse(readFileSync(specFile, 'utf8'));
  return resources;
}

if (require.main === module) {
  const [dir, spec] = process.argv.slice(2);
  if (!dir || !spec) {
    throw new Error('usage: node dist/bench/floor.js <cdk.out dir> <spec file>');
  }
  process.stdout.write(
    `${JSON.stringify({ resources: readAssemblyFloor(dir, spec), dir: dirname(dir) })}\n`,
  );
}
