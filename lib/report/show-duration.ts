import { formatDuration } from '../duration/format-duration';

/**
 * Formats an achieved or declared number of seconds for people: `1h`, `15min`, `none` when not
 * recoverable (`null`), `?` when not assessed (`undefined`).
 */
export function showDuration(seconds: number | null | undefined): string {
  if (seconds === undefined) {
    return '?';
  }
  if (seconds === null) {
    return 'none';
  }
  return formatDuration(seconds);
}
