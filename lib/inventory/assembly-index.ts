import type { ResourceId } from '../model/inventory';
import { CROSS_REGION_WRITER, PROPERTIES_KEPT } from './kept-properties';
import { isRecord } from './raw';
import type { RawObject } from './raw';
import { rawResource } from './stack-template';
import type { StackTemplate } from './stack-template';

/** Where an exported value is defined: the stack and the raw value expression. */
export interface ExportSource {
  readonly stack: StackTemplate;
  readonly value: unknown;
}

/** A raw resource and the stack that holds it. */
export interface FoundResource {
  readonly stack: StackTemplate;
  readonly logicalId: string;
  readonly raw: RawObject;
}

/**
 * A lookup made across stacks while the index was partial, with a test of whether the whole
 * index gives the same answer (see {@link AssemblyIndex.record}).
 */
export type RecordedLookup = () => boolean;

/** CDK's SSM parameter prefix for cross-region references (`crossRegionReferences: true`). */
const CDK_EXPORTS_PREFIX = '/cdk/exports/';

/** Adds the exports of `stack` to `into`; a later stack's export of the same name wins. */
function indexExports(stack: StackTemplate, into: Map<string, ExportSource>): void {
  for (const output of Object.values(stack.outputs)) {
    const exportName = isRecord(output) && isRecord(output.Export) ? output.Export.Name : undefined;
    if (isRecord(output) && typeof exportName === 'string') {
      into.set(exportName, { stack, value: output.Value });
    }
  }
}

/** Adds the values the CDK cross-region export writers of `stack` write to `into`. */
function indexCrossRegion(stack: StackTemplate, into: Map<string, ExportSource>): void {
  for (const logicalId of stack.logicalIdsByType.get(CROSS_REGION_WRITER) ?? []) {
    const raw = rawResource(stack, logicalId);
    if (!raw || !isRecord(raw.Properties)) {
      continue;
    }
    const writer = raw.Properties.WriterProps;
    const exports = isRecord(writer) ? writer.exports : undefined;
    for (const [key, value] of Object.entries(isRecord(exports) ? exports : {})) {
      into.set(key, { stack, value });
    }
  }
}

/** Adds the ids of the resources of `type` in `stack` by their literal `property` to `into`. */
function indexNames(
  stack: StackTemplate,
  type: string,
  property: string,
  into: Map<string, ResourceId[]>,
): void {
  for (const logicalId of stack.logicalIdsByType.get(type) ?? []) {
    const properties = rawResource(stack, logicalId)?.Properties;
    const value = isRecord(properties) ? properties[property] : undefined;
    if (typeof value === 'string') {
      const ids = into.get(value);
      const id = `${stack.name}/${logicalId}`;
      if (ids) {
        ids.push(id);
      } else {
        into.set(value, [id]);
      }
    }
  }
}

/**
 * Every stack of an inventory and the lookups that cross stacks: exports, CDK cross-region
 * export writers, resources by physical name.
 *
 * The index may be filled one stack at a time ({@link add}), each stack read as soon as it is in,
 * and a lookup answers from the stacks added so far. While a log is open ({@link record}), each
 * lookup whose answer a stack added later could change (an export, a cross-region value,
 * resources by physical name, a resource of a stack not added yet) is logged with a test of
 * whether the answer is still the same, so that once every stack is in, the reader can tell
 * which stacks must be read again. A stack already added does not change.
 */
export class AssemblyIndex {
  private readonly byName = new Map<string, StackTemplate>();
  private exportsByName?: Map<string, ExportSource>;
  private crossRegionByName?: Map<string, ExportSource>;
  private readonly namesByType = new Map<
    string,
    { type: string; property: string; ids: Map<string, ResourceId[]> }
  >();
  private log: RecordedLookup[] | undefined;

  public constructor(stacks: readonly StackTemplate[] = []) {
    for (const stack of stacks) {
      this.add(stack);
    }
  }

  /** The stacks by name, in the order they were added. */
  public get stacks(): ReadonlyMap<string, StackTemplate> {
    return this.byName;
  }

  /** Adds a stack; the lookups built so far take it in. */
  public add(stack: StackTemplate): void {
    this.byName.set(stack.name, stack);
    if (this.exportsByName) {
      indexExports(stack, this.exportsByName);
    }
    if (this.crossRegionByName) {
      indexCrossRegion(stack, this.crossRegionByName);
    }
    for (const { type, property, ids } of this.namesByType.values()) {
      indexNames(stack, type, property, ids);
    }
  }

  /** Logs, until {@link stopRecording}, the lookups a stack added later could answer otherwise. */
  public record(): RecordedLookup[] {
    this.log = [];
    return this.log;
  }

  /** Closes the log {@link record} opened. */
  public stopRecording(): void {
    this.log = undefined;
  }

  /** The raw resource and its stack for an id, if in the inventory. */
  public resource(id: ResourceId): FoundResource | undefined {
    const slash = id.lastIndexOf('/');
    const stack = this.byName.get(id.slice(0, slash));
    const logicalId = id.slice(slash + 1);
    const raw = stack ? rawResource(stack, logicalId) : undefined;
    if (!stack && this.log) {
      // a stack already in stays as it is; one not in yet may come and hold the resource
      this.log.push(() => this.resource(id) === undefined);
    }
    return stack && raw ? { stack, logicalId, raw } : undefined;
  }

  /** CloudFormation type of a resource id, if in the inventory. */
  public typeOf(id: ResourceId): string | undefined {
    const type = this.resource(id)?.raw.Type;
    return typeof type === 'string' ? type : undefined;
  }

  /** Value exported under `name` (`Outputs.*.Export.Name`) by any stack. */
  public exportNamed(name: string): ExportSource | undefined {
    if (!this.exportsByName) {
      this.exportsByName = new Map();
      for (const stack of this.byName.values()) {
        indexExports(stack, this.exportsByName);
      }
    }
    const found = this.exportsByName.get(name);
    this.log?.push(() => this.exportNamed(name) === found);
    return found;
  }

  /**
   * Value written by a CDK `Custom::CrossRegionExportWriter` under the SSM parameter `name`
   * (`/cdk/exports/<consumer stack>/<id>`).
   */
  public crossRegionExport(name: string): ExportSource | undefined {
    if (!name.startsWith(CDK_EXPORTS_PREFIX)) {
      return undefined;
    }
    if (!this.crossRegionByName) {
      this.crossRegionByName = new Map();
      for (const stack of this.byName.values()) {
        indexCrossRegion(stack, this.crossRegionByName);
      }
    }
    const found = this.crossRegionByName.get(name);
    this.log?.push(() => this.crossRegionExport(name) === found);
    return found;
  }

  /**
   * Resources of `type` whose literal `property` (e.g. `BucketName`) equals `name`, in any stack.
   * `type` must be one whose properties are kept ({@link PROPERTIES_KEPT}).
   */
  public findByName(type: string, property: string, name: string): readonly ResourceId[] {
    if (!PROPERTIES_KEPT.has(type)) {
      throw new Error(`findByName(${type}): add the type to PROPERTIES_KEPT`);
    }
    const key = `${type}\u0000${property}`;
    let index = this.namesByType.get(key);
    if (!index) {
      index = { type, property, ids: new Map() };
      for (const stack of this.byName.values()) {
        indexNames(stack, type, property, index.ids);
      }
      this.namesByType.set(key, index);
    }
    const found = index.ids.get(name) ?? [];
    if (this.log) {
      // a list only grows (a later stack's resource of the same name), so its length tells
      const { length } = found;
      this.log.push(() => {
        const now = this.findByName(type, property, name);
        return now.length === length && (length === 0 || now === found);
      });
    }
    return found;
  }
}
