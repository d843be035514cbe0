import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/** What is asked once per explicit provider: its partition and managed policy ARNs. */
interface ProviderFacts {
  readonly partition: pulumi.Output<string>;
  readonly policyArns: Map<string, pulumi.Output<string>>;
}

const byProvider = new WeakMap<pulumi.ProviderResource, ProviderFacts>();

/** Resource options a partition lookup runs with (the children's options). */
interface PartitionOptions {
  readonly parent?: pulumi.Resource;
  readonly provider?: pulumi.ProviderResource;
}

function factsOf(provider: pulumi.ProviderResource): ProviderFacts {
  let facts = byProvider.get(provider);
  if (facts === undefined) {
    facts = {
      partition: aws.getPartitionOutput({}, { provider }).partition,
      policyArns: new Map(),
    };
    byProvider.set(provider, facts);
  }
  return facts;
}

/**
 * The AWS partition (`aws`, `aws-cn`, `aws-us-gov`) the resources of `opts` live in.
 *
 * The answer depends only on the provider, so with an explicit provider the invoke runs once per
 * provider, however many components ask (each FaultInjection asked again for its role).
 */
export function awsPartition(opts: PartitionOptions): pulumi.Output<string> {
  if (opts.provider === undefined) return aws.getPartitionOutput({}, opts).partition;
  return factsOf(opts.provider).partition;
}

/**
 * ARN of an AWS managed IAM policy (`service-role/AWSBackupServiceRolePolicyForBackup`) in the
 * partition of `opts`; with an explicit provider, one output per policy shared by every role.
 */
export function managedPolicyArn(opts: PartitionOptions, policy: string): pulumi.Output<string> {
  // One apply: pulumi.interpolate wraps its placeholders in pulumi.all first.
  const arnOf = (partition: pulumi.Output<string>): pulumi.Output<string> =>
    partition.apply((p) => `arn:${p}:iam::aws:policy/${policy}`);
  if (opts.provider === undefined) return arnOf(awsPartition(opts));
  const facts = factsOf(opts.provider);
  let arn = facts.policyArns.get(policy);
  if (arn === undefined) {
    arn = arnOf(facts.partition);
    facts.policyArns.set(policy, arn);
  }
  return arn;
}
