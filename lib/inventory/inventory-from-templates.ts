import { METADATA_SPEC_KEY, METADATA_SPEC_REF_KEY } from '../model/disruption';
import { InputError } from '../model/input-error';
import type { InputIssue } from '../model/input-error';
import type { Inventory } from '../model/inventory';
import { Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { AssemblyIndex } from './assembly-index';
import type { RecordedLookup } from './assembly-index';
import { InventoryBuilder } from './inventory-builder';
import { PROPERTIES_KEPT } from './kept-properties';
import { isRecord } from './raw';
import type { RawObject } from './raw';
import { readAcknowledgements } from './read-acknowledgements';
import { LINKERS, READERS } from './readers';
import { readTags } from './read-tags';
import type { TemplateResource } from './resource-reader';
import { StackScope } from './stack-scope';
import type { StackTemplate, TemplateInput } from './stack-template';

const EMPTY: RawObject = Object.freeze({});

/** The `resources` of a released stack (its kept ones are in `released`). */
const EMPTY_RESOURCES: StackTemplate['resources'] = Object.freeze({});

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
  if (!PROPERTIES_KEPT.has(type)) {
    // read: nothing reads them again (see PROPERTIES_KEPT), so they need not stay in memory
    (resource as { properties: RawObject }).properties = EMPTY;
  }
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

/** Options of {@link TemplateStream}. */
export interface TemplateStreamOptions {
  /**
   * Parses a template again. Given, the stream lets go of each template once its stack is read,
   * keeping only the resources whose properties are kept ({@link PROPERTIES_KEPT}) and the type
   * of the others, so that a parsed template can be collected while the next one is read; a
   * stack that must be read again (see {@link TemplateStream}) is parsed again with this. For
   * templates read from files; the templates themselves are not changed.
   *
   * @default - every template is held until the inventory is built
   */
  readonly reparse?: (input: Omit<TemplateInput, 'template'>) => unknown;
  /**
   * Read each stack as soon as it is added. `false` reads every stack once all are in, when
   * {@link TemplateStream.finish} is called: the inventory reading them as they come must equal,
   * entry for entry.
   *
   * @default true
   */
  readonly readEarly?: boolean;
}

/** A stack added to a {@link TemplateStream}, and what reading it alone gave. */
interface StreamedStack {
  readonly input: Omit<TemplateInput, 'template'>;
  readonly scope: StackScope;
  /** What reading the stack alone gave; `undefined` when reading it failed. */
  readonly read: InventoryBuilder | undefined;
  /** The cross-stack lookups that reading made, each testing its answer again. */
  readonly lookups: readonly RecordedLookup[];
}

/** Where a template comes from, without the template (which the stream lets go of). */
function withoutTemplate(input: TemplateInput): Omit<TemplateInput, 'template'> {
  return {
    stack: input.stack,
    ...(input.region !== undefined ? { region: input.region } : {}),
    ...(input.account !== undefined ? { account: input.account } : {}),
    ...(input.synthesized !== undefined ? { synthesized: input.synthesized } : {}),
    ...(input.file !== undefined ? { file: input.file } : {}),
  };
}

/** A stack not read as it came: {@link TemplateStream.finish} reads it. */
const NOT_READ: Pick<StreamedStack, 'read' | 'lookups'> = { read: undefined, lookups: [] };

/**
 * Reads templates one at a time into one {@link Inventory}: each stack is read when it is added,
 * its lookups across stacks (exports, CDK cross-region references, resources named by physical
 * name) answered from the stacks added so far and logged. {@link finish} asks each logged lookup
 * again of the whole assembly and reads again every stack that got a different answer (in a
 * cloud assembly, stacks come after the stacks they reference, so this is rare), and every stack
 * whose reading failed, so that a failure surfaces where it would have with every stack in.
 * The inventory is the same as reading every stack once all are in, entry for entry and in the
 * same order; with `reparse`, an assembly of thousands of resources is never held whole.
 */
export class TemplateStream {
  private readonly index = new AssemblyIndex();
  private readonly issues: InputIssue[] = [];
  private readonly names = new Set<string>();
  private readonly stacks: StreamedStack[] = [];

  public constructor(private readonly options: TemplateStreamOptions = {}) {}

  /** Checks a template and reads its stack, unless a template so far was invalid. */
  public add(input: TemplateInput): void {
    if (this.names.has(input.stack)) {
      this.issues.push({
        path: input.file ?? `stack ${input.stack}`,
        message: `two templates are named '${input.stack}'; give each stack a distinct name`,
      });
    }
    this.names.add(input.stack);
    const stack = checkTemplate(input, this.issues);
    if (!stack) {
      return;
    }
    this.index.add(stack);
    const scope = new StackScope(stack, this.index);
    // once a template is invalid, `finish` throws: no need to read what follows
    const early = this.options.readEarly !== false && this.issues.length === 0;
    const { read, lookups } = early ? this.readAlone(scope) : NOT_READ;
    if (read !== undefined && this.options.reparse !== undefined) {
      this.release(stack);
    }
    this.stacks.push({ input: withoutTemplate(input), scope, read, lookups });
  }

  /**
   * Reads again the stacks that must be, links across stacks and returns the inventory.
   *
   * Throws {@link InputError} listing every template that is not a CloudFormation template.
   */
  public finish(): Inventory {
    if (this.issues.length > 0) {
      throw new InputError(this.issues);
    }
    const out = new InventoryBuilder();
    const scopes = new Map<string, StackScope>();
    for (const streamed of this.stacks) {
      const { scope, read } = streamed;
      scopes.set(scope.stack.name, scope);
      if (read && streamed.lookups.every((sameAnswer) => sameAnswer())) {
        out.absorb(read);
      } else {
        readStack(this.whole(streamed), out);
      }
    }
    for (const link of LINKERS) {
      link(out, scopes);
    }
    return out.build();
  }

  /** Reads a stack as it comes, logging its lookups across stacks. */
  private readAlone(scope: StackScope): Pick<StreamedStack, 'read' | 'lookups'> {
    const lookups = this.index.record();
    try {
      const read = new InventoryBuilder();
      readStack(scope, read);
      return { read, lookups };
    } catch {
      return NOT_READ;
    } finally {
      this.index.stopRecording();
    }
  }

  /** A scope over the whole template of a stack: parsed again if it was released. */
  private whole(streamed: StreamedStack): StackScope {
    const { reparse } = this.options;
    if (streamed.scope.stack.released === undefined || reparse === undefined) {
      return streamed.scope;
    }
    const issues: InputIssue[] = [];
    const stack = checkTemplate({ ...streamed.input, template: reparse(streamed.input) }, issues);
    if (!stack) {
      throw new InputError(issues);
    }
    return new StackScope(stack, this.index);
  }

  /** Lets the template go but for the resources whose properties are kept. */
  private release(stack: StackTemplate): void {
    const kept = new Map<string, RawObject>();
    for (const [type, ids] of stack.logicalIdsByType) {
      if (PROPERTIES_KEPT.has(type)) {
        for (const logicalId of ids) {
          kept.set(logicalId, stack.resources[logicalId]);
        }
      }
    }
    const released = stack as { resources: StackTemplate['resources']; released?: unknown };
    released.resources = EMPTY_RESOURCES;
    released.released = kept;
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
  const stream = new TemplateStream();
  for (const input of templates) {
    stream.add(input);
  }
  return stream.finish();
}
