import {
  isSharedFate,
  propagateDependencies,
  SHARED_FATE_DISRUPTIONS,
} from '../../../lib/objectives';
import { DISRUPTIONS } from '../../../lib/model';
import type { Achievement, Disruption } from '../../../lib/model';

function achievement(rto: number | null, rpo: number | null, note = 'own'): Achievement {
  return { rtoSeconds: rto, rpoSeconds: rpo, basis: 'documented-typical', explanation: [note] };
}

function all(a: Achievement): Record<Disruption, Achievement> {
  return { application: a, az: a, region: a, account: a };
}

describe('SHARED_FATE_DISRUPTIONS', () => {
  test('are az, region and account, not application', () => {
    // WHEN / THEN
    expect([...SHARED_FATE_DISRUPTIONS]).toEqual(['az', 'region', 'account']);
    expect(DISRUPTIONS.filter(isSharedFate)).toEqual(['az', 'region', 'account']);
  });
});

describe('propagateDependencies', () => {
  const chain = {
    own: {
      web: all(achievement(60, 0)),
      orders: all(achievement(600, 60)),
      payments: all(achievement(300, 900)),
    },
    graph: { web: ['orders'], orders: ['Payments'], payments: [] },
  };

  test.each(['az', 'region', 'account'] as const)(
    'bounds a service by what it depends on, transitively, for %s',
    (d) => {
      // WHEN
      const result = propagateDependencies(chain.own, chain.graph);
      // THEN
      expect(result.get('web')?.achieved[d]).toMatchObject({ rtoSeconds: 600, rpoSeconds: 900 });
      expect(result.get('web')?.limitedBy[d]).toEqual(['payments', 'orders']);
      expect(result.get('payments')?.achieved[d]).toBe(chain.own.payments[d]);
    },
  );

  test('leaves application to the service itself', () => {
    // WHEN
    const result = propagateDependencies(chain.own, chain.graph);
    // THEN
    expect(result.get('web')?.achieved.application).toBe(chain.own.web.application);
    expect(result.get('web')?.limitedBy.application).toBeUndefined();
  });

  test('names the dependency, and the path to it, that bounds each value', () => {
    // WHEN
    const explanation = propagateDependencies(chain.own, chain.graph).get('web')?.achieved.region
      .explanation;
    // THEN
    expect(explanation).toEqual([
      'own',
      "RPO 15min bound by dependency 'payments' via 'orders' (own RPO 0s; one region event takes both down)",
      "RTO 10min bound by dependency 'orders' (own RTO 1min; one region event takes both down)",
    ]);
  });

  test('a dependency that cannot recover makes the dependent unrecoverable', () => {
    // GIVEN
    const own = { web: all(achievement(60, 0)), db: all(achievement(null, null)) };
    // WHEN
    const web = propagateDependencies(own, { web: ['db'] }).get('web');
    // THEN
    expect(web?.achieved.az).toMatchObject({ rtoSeconds: null, rpoSeconds: null });
    expect(web?.achieved.az.explanation.join('\n')).toMatch(
      /RPO not recoverable bound by dependency 'db'/,
    );
    expect(web?.achieved.application).toMatchObject({ rtoSeconds: 60, rpoSeconds: 0 });
  });

  test('takes the weakest basis of the values it combines', () => {
    // GIVEN
    const own = {
      web: all(achievement(60, 0)),
      db: all({ ...achievement(600, 600), basis: 'estimate' }),
    };
    // WHEN / THEN
    expect(propagateDependencies(own, { web: ['db'] }).get('web')?.achieved.region.basis).toBe(
      'estimate',
    );
  });

  test('a dependency no worse than the service changes nothing', () => {
    // GIVEN
    const own = { web: all(achievement(600, 600)), db: all(achievement(60, 60)) };
    // WHEN
    const web = propagateDependencies(own, { web: ['db'] }).get('web');
    // THEN
    expect(web?.achieved.region).toBe(own.web.region);
    expect(web?.limitedBy).toEqual({});
  });

  test('a dependency with no value for a disruption bounds nothing', () => {
    // GIVEN
    const own = {
      web: { region: achievement(60, 60) },
      db: { az: achievement(600, 600) },
    };
    // WHEN
    const web = propagateDependencies(own, { web: ['db'] }).get('web');
    // THEN
    expect(web?.achieved).toEqual({ region: own.web.region });
  });

  test.each([
    ['listed first', { a: all(achievement(30, 30)), b: all(achievement(20, 20)) }],
    ['listed last', { b: all(achievement(20, 20)), a: all(achievement(30, 30)) }],
  ])('gives every service on a cycle the worst value of the cycle, worst %s', (_case, own) => {
    // WHEN
    const result = propagateDependencies(own, { a: ['b'], b: ['a'] });
    // THEN
    expect(result.get('a')?.achieved.region.rtoSeconds).toBe(30);
    expect(result.get('b')?.achieved.region.rtoSeconds).toBe(30);
    expect(result.get('b')?.achieved.application.rtoSeconds).toBe(20);
  });

  test('propagates through a longer cycle into what depends on it', () => {
    // GIVEN
    const own = {
      web: all(achievement(1, 1)),
      a: all(achievement(10, 10)),
      b: all(achievement(20, 20)),
      c: all(achievement(90, 5)),
    };
    // WHEN
    const result = propagateDependencies(own, { web: ['a'], a: ['b'], b: ['c'], c: ['a'] });
    // THEN
    for (const name of ['web', 'a', 'b', 'c']) {
      expect(result.get(name)?.achieved.az).toMatchObject({ rtoSeconds: 90, rpoSeconds: 20 });
    }
    expect(result.get('web')?.achieved.az.explanation.join('\n')).toMatch(
      /RTO 1min30s bound by dependency 'c' via 'a' → 'b'/,
    );
  });

  test('ignores dependencies it has no values for', () => {
    // GIVEN
    const own = { a: all(achievement(10, 10)) };
    // WHEN
    const result = propagateDependencies(own, { a: ['ghost'], ghost: ['a'] });
    // THEN
    expect(result.get('a')?.achieved).toEqual(own.a);
    expect(result.has('ghost')).toBe(false);
  });
});
