import type { Disruption } from './disruption';

/** How bad a finding is. `error` fails `continuity check` and `cdk synth`. */
export type Severity = 'error' | 'warning' | 'info';

/** Outcome of one rule on one subject. */
export type CheckStatus = 'compliant' | 'non-compliant' | 'not-applicable' | 'unknown';

/** Where a finding points. */
export interface ResourceLocation {
  /** Stack (or Pulumi stack/project) name. */
  readonly stack?: string;
  /** CloudFormation logical ID or Pulumi resource name. */
  readonly logicalId?: string;
  /** CDK construct path or Pulumi URN, when known. */
  readonly path?: string;
  /** CloudFormation type, e.g. `AWS::DynamoDB::Table`. */
  readonly type?: string;
  /** File the resource came from (template or spec). */
  readonly file?: string;
}

/** One reported problem. */
export interface Finding {
  /** Rule id, e.g. `RR-OBJ1`. */
  readonly rule: string;
  readonly severity: Severity;
  /** `non-compliant`, or `unknown` when a value could not be assessed (fails closed). */
  readonly status: 'non-compliant' | 'unknown';
  readonly service?: string;
  readonly disruption?: Disruption;
  readonly resource?: ResourceLocation;
  /** What is wrong, with numbers. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** Set when a suppression or acknowledgement accepts the finding. */
  readonly suppressed?: { readonly reason: string; readonly expires?: string };
}
