import { AWS_REGIONS, isAwsRegion } from './aws-regions';
import { closestMatch } from './closest-match';

/**
 * The known Region code closest to a mistyped one, e.g. `us-east1` → `us-east-1`.
 *
 * Tolerates case and separators (`US_EAST_1`, `useast1`); returns `undefined` when `input` is a
 * known code already or nothing is close.
 */
export function suggestRegion(input: string): string | undefined {
  if (isAwsRegion(input)) {
    return undefined;
  }
  const normalized = input
    .trim()
    .toLowerCase()
    .replace(/[_\s.]+/g, '-');
  if (isAwsRegion(normalized)) {
    return normalized;
  }
  const compact = normalized.replace(/-/g, '');
  const exact = AWS_REGIONS.find((code) => code.replace(/-/g, '') === compact);
  return exact ?? closestMatch(normalized, AWS_REGIONS, 3);
}
