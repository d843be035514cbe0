import type { ResourceId } from '../model/inventory';
import { isRecord } from './raw';
import type { RawObject } from './raw';
import type { StackTemplate } from './stack-template';

/** Where an exported value is defined: the stack and the raw value expression. */
export interface ExportSource {
  readonly stack: StackTemplate;
  readonly value: unknown;
}

/** CDK's SSM parameter prefix for cross-region references (`crossRegionReferences: true`). */
const CDK_EXPORTS_PREFIX = '/cdk/exports/';

/** The custom resource CDK writes cross-region references with. */
const CROSS_REGION_WRITER = 'Custom::CrossRegionExportWriter';

/**
 * Every stack of an inventory and the lookups that cross stacks: exports, CDK cross-region
 * export writers, resources by physical name.
 */
export class AssemblyIndex {
  public readonly stacks: ReadonlyMap<string, StackTemplate>;
  private exportsByName?: Map<string, ExportSource>;
  private crossRegionByName?: Map<string, ExportSource>;
  private readonly namesByType = new Map<string, Map<string, ResourceId[]>>();

  public constructor(stacks: readonly StackTemplate[]) {
    this.stacks = new Map(stacks.map((s) => [s.name, s]));
  }

  /** The raw resource and its stack for an id, if in the inventory. */
  public resource(
    id: ResourceId,
  ): { stack: StackTemplate; logicalId: string; raw: RawObject } | undefined {
    const slash = id.lastIndexOf('/');
    const stack = this.stacks.get(id.slice(0, slash));
    const logicalId = id.slice(slash + 1);
    const raw =
      stack && Object.prototype.hasOwnProperty.call(stack.resources, logicalId)
        ? stack.resources[logicalId]
        : undefined;
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
      for (const stack of this.stacks.values()) {
        for (const output of Object.values(stack.outputs)) {
          const exportName =
            isRecord(output) && isRecord(output.Export) ? output.Export.Name : undefined;
          if (isRecord(output) && typeof exportName === 'string') {
            this.exportsByName.set(exportName, { stack, value: output.Value });
          }
        }
      }
    }
    return this.exportsByName.get(name);
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
      for (const stack of this.stacks.values()) {
        for (const logicalId of stack.logicalIdsByType.get(CROSS_REGION_WRITER) ?? []) {
          const raw = stack.resources[logicalId];
          if (!isRecord(raw.Properties)) {
            continue;
          }
          const writer = raw.Properties.WriterProps;
          const exports = isRecord(writer) ? writer.exports : undefined;
          for (const [key, value] of Object.entries(isRecord(exports) ? exports : {})) {
            this.crossRegionByName.set(key, { stack, value });
          }
        }
      }
    }
    return this.crossRegionByName.get(name);
  }

  /**
   * Resources of `type` whose literal `property` (e.g. `BucketName`) equals `name`, in any stack.
   */
  public findByName(type: string, property: string, name: string): readonly ResourceId[] {
    const key = `${type}\u0000${property}`;
    let index = this.namesByType.get(key);
    if (!index) {
      index = this.nameIndex(type, property);
      this.namesByType.set(key, index);
    }
    return index.get(name) ?? [];
  }

  /** Ids of the resources of `type` by their literal `property`. */
  private nameIndex(type: string, property: string): Map<string, ResourceId[]> {
    const index = new Map<string, ResourceId[]>();
    for (const stack of this.stacks.values()) {
      for (const logicalId of stack.logicalIdsByType.get(type) ?? []) {
        const properties = stack.resources[logicalId].Properties;
        const value = isRecord(properties) ? properties[property] : undefined;
        if (typeof value === 'string') {
          const ids = index.get(value);
          const id = `${stack.name}/${logicalId}`;
          if (ids) {
            ids.push(id);
          } else {
            index.set(value, [id]);
          }
        }
      }
    }
    return index;
  }
}
