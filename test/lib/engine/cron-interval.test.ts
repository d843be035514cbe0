import { cronIntervalSeconds } from '../../../lib/engine';

describe('cronIntervalSeconds', () => {
  it.each([
    ['hourly', 'cron(0 * * * ? *)', 3600],
    ['every 4 hours', 'cron(0 0/4 * * ? *)', 4 * 3600],
    ['twice a day at uneven hours (worst gap)', 'cron(0 5,9 * * ? *)', 20 * 3600],
    ['daily', 'cron(0 5 ? * * *)', 86_400],
    ['weekdays only (weekend gap)', 'cron(0 5 ? * MON-FRI *)', 3 * 86_400],
    ['weekly on Sunday', 'cron(0 5 ? * 1 *)', 7 * 86_400],
    ['monthly (longest month)', 'cron(0 5 1 * ? *)', 31 * 86_400],
  ])('%s', (_case, expression, seconds) => {
    expect(cronIntervalSeconds(expression)).toBe(seconds);
  });

  it.each([
    ['a rate expression', 'rate(1 hour)'],
    ['a last-day-of-month schedule', 'cron(0 5 L * ? *)'],
    ['a fixed year', 'cron(0 5 1 1 ? 2027)'],
    ['garbage', 'cron(a b c d e f)'],
  ])('is undefined for %s', (_case, expression) => {
    expect(cronIntervalSeconds(expression)).toBeUndefined();
  });
});
