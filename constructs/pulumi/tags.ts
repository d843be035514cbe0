import { TAG_SERVICE, TAG_TIER } from '../../lib/model';

/** The `continuity:service` / `continuity:tier` tags on every protected resource. */
export function continuityTags(
  service: string,
  tier: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return { ...extra, [TAG_SERVICE]: service, [TAG_TIER]: tier };
}

/** The AWS Backup selection condition key that matches the tier tag. */
export const TIER_CONDITION_KEY = `aws:ResourceTag/${TAG_TIER}`;
