import { METADATA_SPEC_KEY, METADATA_SPEC_REF_KEY } from '../model/disruption';
import { InputError } from '../model/input-error';
import type { InputIssue } from '../model/input-error';
import type { Inventory } from '../model/inventory';
import { Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { AssemblyIndex } from './assembly-index';
import { InventoryBuilder } from './inventory-builder';
import { isRecord } from './raw';
import type { RawObject } from './raw';
import { readAcknowledgements } from './read-acknowledgements';
import { LINKERS, READERS } from './readers';
import { readTags } from './read-tags';
import type { TemplateResource } from './resource-reader';
import { StackScope } from './stack-scope';
import type { StackTemplate, TemplateInput } from './stack-template';

const EMPTY: RawObject = Object.freeze({});

function section(template: RawObject, key: string): RawObject {
  const value = template[key];
  return isRecord(value) ? value : EMPTY;
}

/** An environment value; absent or an unresolved CDK token (`${Token[...]}`) is unresolved. */
function known(value: string | undefined, name: string): Known<string> {
  return value === undefined || value === '' || value.includes('${Token[')
    ? new Unresolved(name)
    : value;
}

/**
 * Checks that every resource has a `Type` and that its `Properties` are a map, recording issues.
 * Returns the logical ids by type: the one pass over every resource before reading, so lookups
 * of resources by type need not walk every resource again.
 */
function checkResources(
  where: string,
  resources: Readonly<Record<string, unknown>>,
  issues: InputIssue[],
): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  // `for...in`, not `Object.keys`: no array of keys per template
  for (const logicalId in resources) {
    const resource = resources[logicalId];
    if (!isRecord(resource) || typeof resource.Type !== 'string') {
      issues.push({
        path: `${where}: Resources.${logicalId}`,
        message:
          'resource has no `Type`; give every resource a CloudFormation type such as AWS::S3::Bucket',
      });
      continue;
    }
    if (resource.Properties !== undefined && !isRecord(resource.Properties)) {
      issues.push({
        path: `${where}: Resources.${logicalId}.Properties`,
        message: `\`Properties\` must be a map, got ${Array.isArray(resource.Properties) ? 'a list' : typeof resource.Properties}; fix the template`,
      });
    }
    const ids = byType.get(resource.Type);
    if (ids) {
      ids.push(logicalId);
    } else {
      byType.set(resource.Type, [logicalId]);
    }
  }
  return byType;
}

/** Checks one template's shape; returns it as a {@link StackTemplate}, or records issues. */
function checkTemplate(input: TemplateInput, issues: InputIssue[]): StackTemplate | undefined {
  const where = input.file ?? `stack ${input.stack}`;
  const { template } = input;
  const emptyStack = input.synthesized === true && isRecord(template) && !('Resources' in template);
  if (!emptyStack && (!isRecord(template) || !isRecord(template.Resources))) {
    issues.push({
      path: where,
      message:
        'not a CloudFormation template: it has no `Resources` map; ' +
        'pass a template file (`cdk synth` writes them to cdk.out) or a cdk.out directory',
    });
    return undefined;
  }
  const resources = (emptyStack ? {} : (template as RawObject).Resources) as Record<
    string,
    unknown
  >;
  const logicalIdsByType = checkResources(where, resources, issues);
  return {
    name: input.stack,
    region: known(input.region, 'AWS::Region'),
    account: known(input.account, 'AWS::AccountId'),
    ...(input.file !== undefined ? { file: input.file } : {}),
    resources: resources as Record<string, RawObject>,
    logicalIdsByType,
    parameters: section(template as RawObject, 'Parameters'),
    mappings: section(template as RawObject, 'Mappings'),
    conditions: section(template as RawObject, 'Conditions'),
    outputs: section(template as RawObject, 'Outputs'),
    metadata: section(template as RawObject, 'Metadata'),
  };
}

/** Reads one resource into the inventory: its entry, then what its type's reader finds. */
function readResource(
  scope: StackScope,
  logicalId: string,
  raw: RawObject,
  out: InventoryBuilder,
): void {
  const { stack } = scope;
  const type = raw.Type as string;
  const properties = isRecord(raw.Properties) ? raw.Properties : EMPTY;
  const metadata = isRecord(raw.Metadata) ? raw.Metadata : undefined;
  const path = metadata?.['aws:cdk:path'];
  // one object per resource, of one shape (no conditional spreads): it is the inventory
  // resource and the entry every reader copies its common fields from
  const resource: TemplateResource = {
    id: scope.idOf(logicalId),
    location: {
      stack: stack.name,
      logicalId,
      type,
      path: typeof path === 'string' ? path : undefined,
      file: stack.file,
    },
    region: stack.region,
    account: stack.account,
    tags: readTags(scope, type, properties),
    type,
    deletionPolicy: typeof raw.DeletionPolicy === 'string' ? raw.DeletionPolicy : undefined,
    updateReplacePolicy:
      typeof raw.UpdateReplacePolicy === 'string' ? raw.UpdateReplacePolicy : undefined,
    properties,
  };
  out.addResource(resource);
  READERS.get(type)?.(resource, scope, out);
  // most metadata is only the CDK path; acknowledgements live under `cdk_nag`
  if (metadata?.cdk_nag !== undefined) {
    out.acknowledgements.push(...readAcknowledgements(metadata, resource.id, resource.location));
  }
}

function readStack(scope: StackScope, out: InventoryBuilder): void {
  const { stack } = scope;
  // the loop only dispatches: V8 then optimizes `readResource` once, instead of compiling this
  // whole loop twice (on-stack replacement, then the next call)
  const { resources } = stack;
  for (const logicalId in resources) {
    const raw = resources[logicalId];
    // a resource whose condition is false is not deployed
    if (typeof raw.Condition !== 'string' || scope.condition(raw.Condition) !== false) {
      readResource(scope, logicalId, raw, out);
    }
  }
  if (stack.metadata[METADATA_SPEC_KEY] !== undefined) {
    out.embeddedSpecs.push({ stack: stack.name, spec: stack.metadata[METADATA_SPEC_KEY] });
  }
  const reference = stack.metadata[METADATA_SPEC_REF_KEY];
  if (reference !== undefined) {
    readSpecReference(stack.name, reference, out);
  }
}

/** Records a well-formed `ContinuityKit::SpecRef`; any other value points nowhere and is left. */
function readSpecReference(stack: string, value: unknown, out: InventoryBuilder): void {
  if (typeof value !== 'object' || value === null) {
    return;
  }
  const { stack: specStack, sha256 } = value as Record<string, unknown>;
  if (typeof specStack === 'string' && typeof sha256 === 'string') {
    out.specReferences.push({ stack, specStack, sha256 });
  }
}

/**
 * Builds the neutral {@link Inventory} from templates the caller already holds (tests, the
 * cdk-nag pack, benchmarks). References between templates (`Fn::ImportValue`, CDK cross-region
 * references) are followed when both stacks are given.
 *
 * Throws {@link InputError} listing every template that is not a CloudFormation template.
 */
export function inventoryFromTemplates(templates: readonly TemplateInput[]): Inventory {
  const issues: InputIssue[] = [];
  const stacks: StackTemplate[] = [];
  const names = new Set<string>();
  for (const input of templates) {
    if (names.has(input.stack)) {
      issues.push({
        path: input.file ?? `stack ${input.stack}`,
        message: `two templates are named '${input.stack}'; give each stack a distinct name`,
      });
    }
    names.add(input.stack);
    const stack = checkTemplate(input, issues);
    if (stack) {
      stacks.push(stack);
    }
  }
  if (issues.length > 0) {
    throw new InputError(issues);
  }
  const index = new AssemblyIndex(stacks);
  const scopes = new Map(stacks.map((s) => [s.name, new StackScope(s, index)]));
  const out = new InventoryBuilder();
  for (const scope of scopes.values()) {
    readStack(scope, out);
  }
  for (const link of LINKERS) {
    link(out, scopes);
  }
  return out.build();
}
