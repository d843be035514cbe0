import { App, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { TAG_SERVICE } from '../../../lib/model';
import { ENV } from './apps';
import { specOf } from './harness';
import { SMALL_SPEC } from './small-spec';
import type { AppProps } from 'aws-cdk-lib';

/** {@link SMALL_SPEC}, resolved. */
export const smallSpec = (): ReturnType<typeof specOf> => specOf(SMALL_SPEC);

/**
 * One stack with the `orders` table (PITR on, but deleted with its stack: RR-INV3 error) and an
 * unrelated retained, tagged bucket. Service-wide warnings RR-GOV1/RR-GOV2 land on the table.
 */
export function smallApp(props: AppProps = {}): {
  app: App;
  stack: Stack;
  table: dynamodb.Table;
  bucket: s3.Bucket;
} {
  const app = new App(props);
  const stack = new Stack(app, 'Small', { env: ENV });
  const table = new dynamodb.Table(stack, 'Orders', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  Tags.of(table).add(TAG_SERVICE, 'orders');
  const bucket = new s3.Bucket(stack, 'Logs', { removalPolicy: RemovalPolicy.RETAIN });
  Tags.of(bucket).add('continuity:tier', 'basic');
  return { app, stack, table, bucket };
}
