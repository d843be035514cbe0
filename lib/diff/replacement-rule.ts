import type { InventoryResource } from '../model/inventory';

/** Update behaviour of one type, as in `REPLACEMENT_PROPERTIES`. */
export interface ReplacementRule {
  /** CloudFormation template reference page of the type. */
  readonly docsUrl: string;
  /** An application reads and writes its data: a new copy starts empty for the application. */
  readonly liveData: boolean;
  /** "Update requires: Replacement" (schema `createOnlyProperties`). */
  readonly replacement: readonly string[];
  /** Replaces the resource in some cases: reported as "may replace". */
  readonly conditional: readonly string[];
  /** Flagged by the schema spec, documented as an interruption only. */
  readonly interruptionOnly: readonly string[];
  /** Immutable: CloudFormation fails the update instead of replacing. */
  readonly updateFails: readonly string[];
  /** Per `@pulumi/aws` type token that reads as this type: its inputs that force a replacement. */
  readonly pulumi: Readonly<Record<string, PulumiReplacementRule>>;
}

/** The inputs of one `@pulumi/aws` type whose change makes Pulumi replace the resource. */
export interface PulumiReplacementRule {
  /** Pulumi registry page of the type. */
  readonly docsUrl: string;
  /** Inputs marked "forces new resource" (ForceNew). */
  readonly replacement: readonly string[];
  /** Inputs that force a new resource in some cases only: reported as "may replace". */
  readonly conditional: readonly string[];
}

/** The names and values a change to one resource is judged by, in its backend's terms. */
export interface ReplacementCheck {
  /** The tool that would replace the resource. */
  readonly tool: 'CloudFormation' | 'Pulumi';
  /** Where the lists come from. */
  readonly docsUrl: string;
  readonly replacement: readonly string[];
  readonly conditional: readonly string[];
  readonly updateFails: readonly string[];
}

/**
 * The lists of `rule` that apply to `resource`: the CloudFormation property names, or for a
 * resource read from Pulumi the `@pulumi/aws` input names of its type token (none when the
 * token has no entry, which a test of the table rules out for every mapped token).
 */
export function replacementCheck(
  resource: InventoryResource,
  rule: ReplacementRule,
): ReplacementCheck {
  const origin = resource.origin;
  if (origin?.backend !== 'pulumi') {
    return { tool: 'CloudFormation', ...pick(rule), updateFails: rule.updateFails };
  }
  const inputs = Object.prototype.hasOwnProperty.call(rule.pulumi, origin.type)
    ? rule.pulumi[origin.type]
    : undefined;
  return inputs === undefined
    ? { tool: 'Pulumi', docsUrl: rule.docsUrl, replacement: [], conditional: [], updateFails: [] }
    : { tool: 'Pulumi', ...pick(inputs), updateFails: [] };
}

function pick(
  from: Pick<ReplacementRule, 'docsUrl' | 'replacement' | 'conditional'>,
): Pick<ReplacementCheck, 'docsUrl' | 'replacement' | 'conditional'> {
  return { docsUrl: from.docsUrl, replacement: from.replacement, conditional: from.conditional };
}

/**
 * The properties of `resource` under the names its own backend uses: the Pulumi inputs and
 * outputs for a resource read from Pulumi, the template properties otherwise.
 */
export function nativeProperties(resource: InventoryResource): Readonly<Record<string, unknown>> {
  return resource.origin?.backend === 'pulumi' ? resource.origin.properties : resource.properties;
}
