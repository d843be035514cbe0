import type { Known } from '../model/unresolved';
import type { RawObject } from './raw';

/** A parsed template and where it is deployed, as given to {@link inventoryFromTemplates}. */
export interface TemplateInput {
  /** Stack name; resource ids are `<stack>/<LogicalId>`. */
  readonly stack: string;
  /**
   * Region the stack is deployed to.
   *
   * @default - unresolved (an environment-agnostic stack)
   */
  readonly region?: string;
  /**
   * Account the stack is deployed to.
   *
   * @default - unresolved
   */
  readonly account?: string;
  /** The template, parsed (long-form intrinsics). */
  readonly template: unknown;
  /**
   * The template was written by `cdk synth` into a cloud assembly, where a stack with no
   * resources is written as `{}`; such a template reads as an empty stack instead of an error.
   *
   * @default false
   */
  readonly synthesized?: boolean;
  /**
   * File the template was read from, for messages.
   *
   * @default - none
   */
  readonly file?: string;
}

/** A template checked to have a `Resources` map, with its environment. */
export interface StackTemplate {
  readonly name: string;
  readonly region: Known<string>;
  readonly account: Known<string>;
  readonly file?: string;
  /**
   * The resources by logical id; none once the stack is `released`: look a resource up with
   * {@link rawResource}.
   */
  readonly resources: Readonly<Record<string, RawObject>>;
  /**
   * Set once the stack was read and its template let go (see `TemplateStream`): the resources
   * whose properties are kept (`PROPERTIES_KEPT`), by logical id.
   *
   * @default - not released: `resources` has them all
   */
  readonly released?: ReadonlyMap<string, RawObject>;
  /** Logical ids of the resources of each CloudFormation type, in template order. */
  readonly logicalIdsByType: ReadonlyMap<string, readonly string[]>;
  readonly parameters: RawObject;
  readonly mappings: RawObject;
  readonly conditions: RawObject;
  readonly outputs: RawObject;
  readonly metadata: RawObject;
}

/** Stand-ins for released resources, by type: `{ Type }` and nothing else. */
const STAND_INS = new Map<string, RawObject>();

/**
 * The raw resource `logicalId` of `stack`, or `undefined` when the stack has none. Of a released
 * stack, a resource whose properties were let go is a stand-in holding its `Type` only: what
 * references to it (`Ref`, `Fn::GetAtt`) read.
 */
export function rawResource(stack: StackTemplate, logicalId: string): RawObject | undefined {
  const { released } = stack;
  if (!released) {
    return Object.prototype.hasOwnProperty.call(stack.resources, logicalId)
      ? stack.resources[logicalId]
      : undefined;
  }
  const kept = released.get(logicalId);
  if (kept) {
    return kept;
  }
  for (const [type, ids] of stack.logicalIdsByType) {
    if (ids.includes(logicalId)) {
      let standIn = STAND_INS.get(type);
      if (!standIn) {
        standIn = Object.freeze({ Type: type });
        STAND_INS.set(type, standIn);
      }
      return standIn;
    }
  }
  return undefined;
}
