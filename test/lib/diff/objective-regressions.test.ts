import { diffAssemblies, diffObjectives } from '../../../lib/diff';
import { NO_SERVICES, side, table } from './diff-harness';
import type { Achievement, Assessment, Disruption, Finding, Objective } from '../../../lib/model';

const REGION: Objective = { rtoSeconds: 3600, rpoSeconds: 900 };

function achieved(rtoSeconds: number | null, rpoSeconds: number | null): Achievement {
  return { rtoSeconds, rpoSeconds, basis: 'documented-typical', explanation: [] };
}

/** An assessment of one service `payments` that declares `region` (and maybe more). */
function payments(
  got: Partial<Record<Disruption, Achievement>>,
  options: {
    tier?: string;
    findings?: Finding[];
    objectives?: Partial<Record<Disruption, Objective>>;
  } = {},
): Assessment {
  const objectives = options.objectives ?? { region: REGION };
  const service = {
    name: 'payments',
    tier: options.tier ?? 'gold',
    met: true,
    objectives,
    achieved: got,
    findings: options.findings ?? [],
  };
  return { met: true, services: [service], findings: [] };
}

describe('diffObjectives', () => {
  test('reports a longer RPO with the numbers before and after', () => {
    // GIVEN
    const before = payments({ region: achieved(600, 1) });
    const after = payments({ region: achieved(600, 86_400) });
    // WHEN
    const regressions = diffObjectives(before, after);
    // THEN
    expect(regressions).toEqual([
      expect.objectContaining({
        service: 'payments',
        disruption: 'region',
        rpoBefore: 1,
        rpoAfter: 86_400,
        metBefore: true,
        metAfter: false,
        worse: ['rpo', 'met'],
      }),
    ]);
  });

  test('reports recoverable -> not recoverable as worse', () => {
    // WHEN
    const regressions = diffObjectives(
      payments({ region: achieved(600, 60) }),
      payments({ region: achieved(null, null) }),
    );
    // THEN
    expect(regressions[0]).toMatchObject({
      rtoAfter: null,
      rpoAfter: null,
      worse: ['rto', 'rpo', 'met'],
    });
  });

  test('a disruption the engine did not assess counts as not recoverable (fail closed)', () => {
    // WHEN
    const regressions = diffObjectives(payments({ region: achieved(600, 60) }), payments({}));
    // THEN
    expect(regressions[0].worse).toEqual(['rto', 'rpo', 'met']);
  });

  test('reports met -> not met when an error finding names the disruption', () => {
    // GIVEN
    const finding: Finding = {
      rule: 'RR-BKP1',
      severity: 'error',
      status: 'non-compliant',
      service: 'payments',
      disruption: 'region',
      message: 'no copy',
      fix: 'copy',
    };
    // WHEN
    const regressions = diffObjectives(
      payments({ region: achieved(600, 60) }),
      payments({ region: achieved(600, 60) }, { findings: [finding] }),
    );
    // THEN
    expect(regressions).toEqual([expect.objectContaining({ worse: ['met'], metAfter: false })]);
  });

  test('a worse number still within the objective is reported, met stays true', () => {
    // WHEN
    const regressions = diffObjectives(
      payments({ region: achieved(60, 1) }),
      payments({ region: achieved(1800, 300) }, { tier: 'silver' }),
    );
    // THEN
    expect(regressions).toEqual([
      expect.objectContaining({
        worse: ['rto', 'rpo'],
        metAfter: true,
        tierBefore: 'gold',
        tierAfter: 'silver',
      }),
    ]);
  });

  test('improvements are not regressions', () => {
    // WHEN
    const regressions = diffObjectives(
      payments({ region: achieved(null, null) }),
      payments({ region: achieved(60, 1) }),
    );
    // THEN
    expect(regressions).toEqual([]);
  });

  test('new services and newly declared disruptions are not regressions', () => {
    // GIVEN
    const before = payments({ region: achieved(60, 1) });
    const after = payments(
      { region: achieved(60, 1), application: achieved(null, null) },
      { objectives: { region: REGION, application: REGION } },
    );
    // WHEN
    const regressions = diffObjectives(before, after);
    // THEN
    expect(regressions).toEqual([]);
    expect(diffObjectives(NO_SERVICES, after)).toEqual([]);
  });

  test('services match by name, case-insensitively', () => {
    // GIVEN
    const before = payments({ region: achieved(60, 1) });
    const after = { ...payments({ region: achieved(60, 3600) }) };
    const renamed: Assessment = {
      ...after,
      services: [{ ...after.services[0], name: 'Payments' }],
    };
    // WHEN
    const regressions = diffObjectives(before, renamed);
    // THEN
    expect(regressions.map((r) => r.service)).toEqual(['Payments']);
  });

  test('a regression alone makes the diff at risk', () => {
    // GIVEN
    const stacks = { Shop: { Orders: table() } };
    // WHEN
    const diff = diffAssemblies(
      side(stacks, payments({ region: achieved(60, 1) })),
      side(stacks, payments({ region: achieved(60, 86_400) })),
    );
    // THEN
    expect(diff.atRisk).toBe(true);
    expect(diff.resources).toEqual([]);
  });
});
