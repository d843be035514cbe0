import { parseDuration } from '../../../lib/duration';
import { isInputError } from '../../../lib/model';

function issueOf(input: string | number): { path: string; message: string } {
  try {
    parseDuration(input, 'tiers.gold.region.rpo');
  } catch (error) {
    if (isInputError(error)) {
      return { ...error.issues[0] };
    }
    throw error;
  }
  throw new Error(`expected ${String(input)} to be rejected`);
}

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['15min', 900],
    ['15 min', 900],
    ['15mins', 900],
    ['4h', 14_400],
    ['1d', 86_400],
    ['2w', 1_209_600],
    ['1h30min', 5_400],
    ['1h 30min', 5_400],
    ['1d2h', 93_600],
    ['1.5h', 5_400],
    ['0', 0],
    ['0s', 0],
    [0, 0],
    ['PT15M', 900],
    ['PT1H30M', 5_400],
    ['P1D', 86_400],
    ['P1DT2H', 93_600],
    ['PT45S', 45],
    ['pt15m', 900],
    ['P2W', 1_209_600],
    ['  4h  ', 14_400],
  ])('reads %p as %p seconds', (input, seconds) => {
    // GIVEN a duration as a user writes it
    // WHEN
    const parsed = parseDuration(input, 'field');
    // THEN
    expect(parsed).toBe(seconds);
  });

  it.each([
    [
      'throws on ambiguous m',
      '15m',
      /unit 'm' is ambiguous \(minutes or months\?\).*received '15m'.*write 15min/,
    ],
    ['throws on ambiguous m in a compound', '1h5m', /ambiguous.*write 5min/],
    ['throws on months', '1mo', /unit 'mo' varies in length.*30d/],
    ['throws on years', '1y', /unit 'y' varies in length.*365d/],
    ['throws on ISO months', 'P1M', /years and months vary in length.*P30D/],
    ['throws on a negative duration', '-5min', /must not be negative.*received '-5min'/],
    ['throws on a negative number', -5, /must not be negative.*received -5/],
    ['throws on an empty string', '', /duration is empty/],
    ['throws on whitespace', '   ', /duration is empty/],
    ['throws on a bare number', 15, /a bare number has no unit, received 15; write 15min, not 15/],
    ['throws on a bare number string', '15', /write 15min, not 15/],
    ['throws on NaN', Number.NaN, /finite/],
    ['throws on Infinity', Number.POSITIVE_INFINITY, /finite/],
    [
      'throws on an unknown unit',
      '5fortnights',
      /unknown unit 'fortnights'.*use s, min, h, d or w/,
    ],
    ['throws on text without a number', 'soon', /cannot read 'soon'/],
    ['throws on a repeated unit', '1h2h', /unit 'h' is given twice/],
    ['throws on a bad ISO duration', 'PT', /not a valid ISO 8601 duration/],
    ['throws on a lone P', 'P', /not a valid ISO 8601 duration/],
    ['throws on fractions of a second', '0.5s', /whole number of seconds/],
    ['throws on trailing garbage', '15min!', /cannot read '!'/],
  ])('%s', (_case, input, message) => {
    // GIVEN a bad duration
    // WHEN
    const issue = issueOf(input);
    // THEN the issue names the field, the value and the fix
    expect(issue.path).toBe('tiers.gold.region.rpo');
    expect(issue.message).toMatch(message);
    expect(issue.message).toMatch(/^[a-z]/);
    expect(issue.message).not.toMatch(/\.$/);
  });

  it('throws on a value that is neither text nor a number', () => {
    // GIVEN an object where a duration belongs (e.g. from untyped JSON)
    // WHEN / THEN
    expect(() => parseDuration({} as unknown as string, 'x')).toThrow(/duration must be text/);
  });
});
