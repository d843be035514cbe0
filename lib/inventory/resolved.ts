import type { ResourceId } from '../model/inventory';
import type { Unresolved } from '../model/unresolved';

/**
 * A template value after intrinsic resolution.
 *
 * - `literal`: a plain value (objects and arrays are kept raw, their members are resolved on
 *   demand); `undefined` for an absent value or `AWS::NoValue`.
 * - `ref`: a `Ref` or `Fn::GetAtt` to a resource of the inventory.
 * - `concat`: a string built from literal parts and references (`Fn::Join`, `Fn::Sub`).
 * - `unresolved`: not known until deploy.
 */
export type Resolved =
  | { readonly kind: 'literal'; readonly value: unknown }
  | {
      readonly kind: 'ref';
      readonly id: ResourceId;
      readonly type: string;
      readonly attribute?: string;
    }
  | { readonly kind: 'concat'; readonly parts: readonly (string | Resolved)[] }
  | { readonly kind: 'unresolved'; readonly unresolved: Unresolved };
