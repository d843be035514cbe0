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
  readonly resources: Readonly<Record<string, RawObject>>;
  /** Logical ids of the resources of each CloudFormation type, in template order. */
  readonly logicalIdsByType: ReadonlyMap<string, readonly string[]>;
  readonly parameters: RawObject;
  readonly mappings: RawObject;
  readonly conditions: RawObject;
  readonly outputs: RawObject;
  readonly metadata: RawObject;
}
