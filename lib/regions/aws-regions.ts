/**
 * AWS commercial Region codes (partition `aws`), pinned as of November 2026.
 *
 * Source: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html and
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html
 * (the same 34 codes as aws-cdk-lib's region-info `AWS_REGIONS` for the `aws` partition).
 * A new Region needs a release; until then the spec reports it as unknown.
 */
export const AWS_COMMERCIAL_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'ca-west-1',
  'mx-central-1',
  'sa-east-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'af-south-1',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
] as const;

/**
 * AWS GovCloud (US) Region codes (partition `aws-us-gov`).
 *
 * Source: https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/using-govcloud-endpoints.html
 */
export const AWS_GOVCLOUD_REGIONS = ['us-gov-east-1', 'us-gov-west-1'] as const;

/**
 * AWS China Region codes (partition `aws-cn`).
 *
 * Source: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 * (China Regions are operated separately and need their own accounts).
 */
export const AWS_CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'] as const;

/** The partition a Region belongs to; copies and replicas cannot cross partitions. */
export type AwsPartition = 'aws' | 'aws-us-gov' | 'aws-cn';

/** Every Region code continuity-kit accepts, all partitions. */
export const AWS_REGIONS: readonly string[] = [
  ...AWS_COMMERCIAL_REGIONS,
  ...AWS_GOVCLOUD_REGIONS,
  ...AWS_CHINA_REGIONS,
];

/** True when `code` is a known AWS Region code (commercial, GovCloud or China). */
export function isAwsRegion(code: string): boolean {
  return AWS_REGIONS.includes(code);
}

/** The partition of a known Region code, or `undefined` for an unknown code. */
export function regionPartition(code: string): AwsPartition | undefined {
  if ((AWS_COMMERCIAL_REGIONS as readonly string[]).includes(code)) {
    return 'aws';
  }
  if ((AWS_GOVCLOUD_REGIONS as readonly string[]).includes(code)) {
    return 'aws-us-gov';
  }
  if ((AWS_CHINA_REGIONS as readonly string[]).includes(code)) {
    return 'aws-cn';
  }
  return undefined;
}
