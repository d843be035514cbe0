import { bestAchievable } from '../../../lib/facts';
import { DISRUPTIONS, STRATEGIES } from '../../../lib/model';
import type { StoreKind } from '../../../lib/model';
import {
  BUILT_IN_TIERS,
  BUILT_IN_TIER_NAMES,
  Tiers,
  isBuiltInTier,
  looserDisruptions,
} from '../../../lib/tiers';

const MIN = 60;
const HOUR = 3_600;
const DAY = 86_400;

describe('built-in tiers', () => {
  it.each([
    ['platinum', 15 * MIN, 1 * MIN, 1 * HOUR, 5 * MIN, 'active-active'],
    ['gold', 1 * HOUR, 15 * MIN, 4 * HOUR, 15 * MIN, 'warm-standby'],
    ['silver', 4 * HOUR, 1 * HOUR, 8 * HOUR, 1 * HOUR, 'pilot-light'],
    ['bronze', 1 * DAY, 1 * DAY, 1 * DAY, 1 * DAY, 'backup-restore'],
  ] as const)(
    '%s promises the catalogue objectives',
    (name, regionRto, regionRpo, appRto, appRpo, strategy) => {
      // GIVEN the built-in catalogue
      // WHEN
      const tier = BUILT_IN_TIERS[name];
      // THEN
      expect(tier.name).toBe(name);
      expect(tier.objectives.region).toEqual({ rtoSeconds: regionRto, rpoSeconds: regionRpo });
      expect(tier.objectives.application).toEqual({ rtoSeconds: appRto, rpoSeconds: appRpo });
      expect(tier.strategy).toBe(strategy);
    },
  );

  it('orders the tiers strictest first, each no looser than the next on any disruption', () => {
    // GIVEN consecutive pairs of built-in tiers
    for (let i = 0; i + 1 < BUILT_IN_TIER_NAMES.length; i++) {
      const stricter = BUILT_IN_TIERS[BUILT_IN_TIER_NAMES[i]];
      const looser = BUILT_IN_TIERS[BUILT_IN_TIER_NAMES[i + 1]];
      // WHEN / THEN the stricter tier is not looser on anything the looser one declares
      expect(looserDisruptions(stricter, looser)).toEqual([]);
      expect(looserDisruptions(looser, stricter).length).toBeGreaterThan(0);
    }
  });

  it('declares account objectives and immutability for platinum and gold only', () => {
    // GIVEN / WHEN / THEN
    expect(BUILT_IN_TIERS.platinum.objectives.account).toBeDefined();
    expect(BUILT_IN_TIERS.gold.objectives.account).toBeDefined();
    expect(BUILT_IN_TIERS.silver.objectives.account).toBeUndefined();
    expect(BUILT_IN_TIERS.bronze.objectives.account).toBeUndefined();
    expect(BUILT_IN_TIERS.platinum.immutable).toBe(true);
    expect(BUILT_IN_TIERS.silver.immutable).toBe(false);
  });

  it('never promises a looser az objective than its region objective', () => {
    for (const tier of Object.values(BUILT_IN_TIERS)) {
      // GIVEN / WHEN / THEN
      const az = tier.objectives.az!;
      const region = tier.objectives.region!;
      expect(az.rtoSeconds).toBeLessThanOrEqual(region.rtoSeconds);
      expect(az.rpoSeconds).toBeLessThanOrEqual(region.rpoSeconds);
    }
  });

  it('drills and reviews stricter tiers more often', () => {
    // GIVEN / WHEN
    const drills = BUILT_IN_TIER_NAMES.map((n) => BUILT_IN_TIERS[n].drillEveryDays);
    const reviews = BUILT_IN_TIER_NAMES.map((n) => BUILT_IN_TIERS[n].reviewEveryDays);
    // THEN
    expect(drills).toEqual([30, 90, 180, 365]);
    expect(reviews).toEqual([90, 180, 180, 365]);
  });

  it('uses known strategies and sane retention', () => {
    for (const tier of Object.values(BUILT_IN_TIERS)) {
      // GIVEN / WHEN / THEN
      expect(STRATEGIES).toContain(tier.strategy);
      expect(tier.retentionDays).toBeGreaterThanOrEqual(7);
      expect(tier.retentionDays).toBeLessThanOrEqual(35);
    }
  });

  it('keeps every built-in tier reachable for the stores the example assigns to it', () => {
    // GIVEN the stores each tier is meant for
    const fits: Record<string, StoreKind[]> = {
      platinum: ['dynamodb', 'aurora'],
      gold: ['dynamodb', 'aurora', 'rds', 's3'],
      silver: ['dynamodb', 'aurora', 'rds', 's3'],
      bronze: ['dynamodb', 'aurora', 'rds', 's3', 'efs', 'ebs'],
    };
    for (const [name, kinds] of Object.entries(fits)) {
      const tier = BUILT_IN_TIERS[name as keyof typeof BUILT_IN_TIERS];
      for (const kind of kinds) {
        for (const disruption of DISRUPTIONS) {
          const wanted = tier.objectives[disruption];
          if (!wanted) continue;
          // WHEN
          const best = bestAchievable(kind, disruption);
          // THEN
          expect({
            name,
            kind,
            disruption,
            reachable:
              best !== undefined &&
              best.rpoSeconds <= wanted.rpoSeconds &&
              best.rtoSeconds <= wanted.rtoSeconds,
          }).toEqual({ name, kind, disruption, reachable: true });
        }
      }
    }
  });

  it('returns a fresh, changeable copy from each factory while the record stays frozen', () => {
    // GIVEN
    const copy = Tiers.gold() as { retentionDays?: number };
    // WHEN
    copy.retentionDays = 1;
    // THEN
    expect(Tiers.gold().retentionDays).toBe(35);
    expect(Object.isFrozen(BUILT_IN_TIERS.gold.objectives.region)).toBe(true);
    expect(Tiers.gold()).toEqual(BUILT_IN_TIERS.gold);
  });

  it('tells built-in names apart', () => {
    // GIVEN / WHEN / THEN
    expect(isBuiltInTier('gold')).toBe(true);
    expect(isBuiltInTier('gold-eu')).toBe(false);
  });
});

describe('looserDisruptions', () => {
  it('counts a missing objective, a larger rto or a larger rpo as looser', () => {
    // GIVEN a reference with application and region objectives
    const reference = {
      ...Tiers.silver(),
      objectives: {
        application: { rtoSeconds: 100, rpoSeconds: 100 },
        region: { rtoSeconds: 100, rpoSeconds: 100 },
      },
    };
    // WHEN / THEN
    expect(
      looserDisruptions(
        { ...reference, objectives: { region: { rtoSeconds: 100, rpoSeconds: 100 } } },
        reference,
      ),
    ).toEqual(['application']);
    expect(
      looserDisruptions(
        {
          ...reference,
          objectives: {
            application: { rtoSeconds: 101, rpoSeconds: 1 },
            region: { rtoSeconds: 1, rpoSeconds: 101 },
          },
        },
        reference,
      ),
    ).toEqual(['application', 'region']);
    expect(
      looserDisruptions(
        {
          ...reference,
          objectives: { ...reference.objectives, account: { rtoSeconds: 1, rpoSeconds: 1 } },
        },
        reference,
      ),
    ).toEqual([]);
  });
});
