import { assess } from '../../lib/engine';
import { DISRUPTIONS } from '../../lib/model';
import type { Assessment, ContinuityPlan, ContinuitySpec } from '../../lib/model';
import { planContinuity } from '../../lib/planner';
import { loadSpec } from '../../lib/spec';
import { EXAMPLE_SPEC, EXAMPLE_TODAY, exampleCdkInventory } from '../parity/example-app';

/** `service disruption: rto=… rpo=…` for each declared disruption, from predicted or achieved. */
function objectives(
  spec: ContinuitySpec,
  pick: (
    service: string,
  ) => Partial<Record<string, { rtoSeconds: number | null; rpoSeconds: number | null }>>,
): string[] {
  return spec.services.flatMap((s) => {
    const declared = spec.tiers[s.tier]?.objectives ?? {};
    const values = pick(s.name);
    return DISRUPTIONS.filter((d) => declared[d] !== undefined).map((d) => {
      const v = values[d];
      return `${s.name} ${d}: rto=${v?.rtoSeconds ?? 'none'}s rpo=${v?.rpoSeconds ?? 'none'}s`;
    });
  });
}

/**
 * PREDICTED == ACHIEVED: the example CDK app renders the plan of examples/continuity.yaml, and
 * `continuity check` on what it synthesizes finds exactly the RTO/RPO the planner predicted, per
 * service and declared disruption. A difference means the renderer built something other than
 * the plan, the reader misread it, or the planner assumed something that is not rendered.
 */
describe('example shop: planned and checked objectives agree', () => {
  let spec: ContinuitySpec;
  let plan: ContinuityPlan;
  let assessment: Assessment;

  beforeAll(() => {
    spec = loadSpec(EXAMPLE_SPEC, { now: EXAMPLE_TODAY });
    plan = planContinuity(spec);
    assessment = assess(spec, exampleCdkInventory(), { today: EXAMPLE_TODAY });
  }, 300_000);

  test('the plan predicts every service meets its tier', () => {
    // GIVEN / WHEN
    const findings = plan.services.flatMap((s) => s.findings.filter((f) => f.severity === 'error'));
    // THEN
    expect(findings.map((f) => f.message)).toEqual([]);
  });

  test('the achieved RTO and RPO equal the predicted ones for every service and disruption', () => {
    // GIVEN
    const predicted = objectives(
      spec,
      (name) => plan.services.find((s) => s.service === name)?.predicted ?? {},
    );
    // WHEN
    const achieved = objectives(
      spec,
      (name) => assessment.services.find((s) => s.name === name)?.achieved ?? {},
    );
    // THEN
    expect(achieved).toEqual(predicted);
    expect(achieved.length).toBeGreaterThanOrEqual(spec.services.length * 3);
  });

  test('every service is met and the check finds nothing to fix', () => {
    // GIVEN / WHEN
    const open = assessment.findings.filter(
      (f) => !f.suppressed && (f.severity === 'error' || f.severity === 'warning'),
    );
    // THEN
    expect(assessment.services.filter((s) => !s.met).map((s) => s.name)).toEqual([]);
    expect(open.map((f) => `${f.rule} ${f.service ?? ''}: ${f.message}`)).toEqual([]);
    expect(assessment.met).toBe(true);
  });
});
