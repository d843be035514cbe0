import { inventoryFromTemplates } from '../../../lib/inventory';
import type { AssembledState } from '../../../lib/diff';
import type { Assessment } from '../../../lib/model';

/** An assessment with no services: for diffs that only look at resources. */
export const NO_SERVICES: Assessment = { met: true, services: [], findings: [] };

/** A raw CloudFormation resource. */
export interface RawResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Metadata?: Record<string, unknown>;
}

/** One side of a diff from stacks of raw resources (stack name → logical ID → resource). */
export function side(
  stacks: Record<string, Record<string, RawResource>>,
  assessment: Assessment = NO_SERVICES,
): AssembledState {
  const inventory = inventoryFromTemplates(
    Object.entries(stacks).map(([stack, resources]) => ({
      stack,
      region: 'us-east-1',
      template: { Resources: resources },
    })),
  );
  return { inventory, assessment };
}

/** A retained DynamoDB table. */
export function table(properties: Record<string, unknown> = {}, policy = 'Retain'): RawResource {
  return {
    Type: 'AWS::DynamoDB::Table',
    DeletionPolicy: policy,
    UpdateReplacePolicy: policy,
    Properties: {
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      ...properties,
    },
  };
}
