import type { RegionPair } from '../model/spec';
import { isAwsRegion, regionPartition } from '../regions/aws-regions';
import { suggestRegion } from '../regions/suggest-region';
import type { SpecIssue } from './spec-issue';

/** Both Regions are real AWS Region codes, different, and in the same partition. */
export function checkRegions(regions: RegionPair): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const key of ['primary', 'recovery'] as const) {
    const code = regions[key];
    if (!isAwsRegion(code)) {
      const suggestion = suggestRegion(code);
      issues.push({
        segments: ['regions', key],
        message:
          `unknown AWS Region '${code}'` +
          (suggestion ? ` (did you mean '${suggestion}'?)` : '') +
          '; use an AWS Region code such as us-east-1 or eu-west-1',
      });
    }
  }
  if (issues.length > 0) {
    return issues;
  }
  if (regions.primary === regions.recovery) {
    issues.push({
      segments: ['regions', 'recovery'],
      message:
        `recovery Region '${regions.recovery}' is the primary Region too; a Regional outage would take ` +
        'both down, so choose another Region, e.g. us-west-2 for us-east-1',
    });
  } else if (regionPartition(regions.primary) !== regionPartition(regions.recovery)) {
    issues.push({
      segments: ['regions', 'recovery'],
      message:
        `recovery Region '${regions.recovery}' is in partition ${regionPartition(regions.recovery)}, ` +
        `but primary '${regions.primary}' is in ${regionPartition(regions.primary)}; copies and replicas ` +
        'cannot cross partitions, so choose a recovery Region in the same partition',
    });
  }
  return issues;
}
