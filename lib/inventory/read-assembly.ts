import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { InputError } from '../model/input-error';
import { isRecord } from './raw';

/** Deepest nesting of cloud assemblies (CDK stages) followed. */
const MAX_NESTING = 16;

/** Reads a JSON file, throwing {@link InputError} naming it when missing or invalid. */
export function readJsonFile(file: string, what: string, fix: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError([{ path: file, message: `cannot read ${what} (${code}); ${fix}` }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError([
      { path: file, message: `${what} is not valid JSON (${(error as Error).message}); ${fix}` },
    ]);
  }
}

/** `aws://account/region` → account and region, leaving out CDK's `unknown-*` placeholders. */
function environment(value: unknown): { account?: string; region?: string } {
  const match = typeof value === 'string' ? /^aws:\/\/([^/]*)\/(.*)$/.exec(value) : null;
  if (!match) {
    return {};
  }
  const [, account, region] = match;
  return {
    ...(account && account !== 'unknown-account' ? { account } : {}),
    ...(region && region !== 'unknown-region' ? { region } : {}),
  };
}

/** Files of the stacks of a cloud assembly (`cdk.out`), with nested assemblies (stages). */
export function listAssemblyStacks(
  dir: string,
  depth = 0,
): { stack: string; region?: string; account?: string; file: string }[] {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new InputError([
      {
        path: dir,
        message:
          'directory is not a cloud assembly: it has no manifest.json; ' +
          'pass a cdk.out directory (run `cdk synth`) or template files',
      },
    ]);
  }
  const fix = 'run `cdk synth` again to rewrite cdk.out';
  const manifest = readJsonFile(manifestFile, 'the cloud assembly manifest', fix);
  const artifacts = isRecord(manifest) && isRecord(manifest.artifacts) ? manifest.artifacts : {};
  const stacks: { stack: string; region?: string; account?: string; file: string }[] = [];
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact)) {
      continue;
    }
    const props = isRecord(artifact.properties) ? artifact.properties : {};
    if (artifact.type === 'aws:cloudformation:stack') {
      if (typeof props.templateFile !== 'string') {
        throw new InputError([
          {
            path: manifestFile,
            message: `stack artifact '${artifactId}' has no templateFile; ${fix}`,
          },
        ]);
      }
      const file = join(dir, props.templateFile);
      if (!existsSync(file)) {
        throw new InputError([
          {
            path: manifestFile,
            message: `stack '${artifactId}' points at ${file}, which does not exist; ${fix}`,
          },
        ]);
      }
      const stack = typeof props.stackName === 'string' ? props.stackName : artifactId;
      stacks.push({ stack, file, ...environment(artifact.environment) });
    } else if (artifact.type === 'cdk:cloud-assembly' && typeof props.directoryName === 'string') {
      if (depth >= MAX_NESTING) {
        throw new InputError([
          {
            path: manifestFile,
            message: `cloud assemblies nest deeper than ${MAX_NESTING} levels; ${fix}`,
          },
        ]);
      }
      stacks.push(...listAssemblyStacks(join(dir, props.directoryName), depth + 1));
    }
  }
  return stacks;
}
