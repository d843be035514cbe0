import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Aspects, Validations } from 'aws-cdk-lib';
import { assess } from '../../../lib/engine';
import { readInventory } from '../../../lib/inventory';
import {
  acknowledgeContinuityRule,
  ContinuityChecks,
  WriteContinuityAcknowledgements,
} from '../../../policies/cdk-nag';
import { TODAY } from './harness';
import { smallApp, smallSpec } from './small-app';
import type { ContinuityChecksProps } from '../../../policies/cdk-nag';
import type { Assessment, Finding } from '../../../lib/model';
import type { App } from 'aws-cdk-lib';

const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function outdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-ack-'));
  dirs.push(dir);
  return dir;
}

/** Synthesizes `app` quietly (the pack prints its warnings) and returns the table's metadata. */
function synthTable(app: App): Record<string, unknown> | undefined {
  const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const template = app.synth().getStackByName('Small').template as {
      Resources: Record<string, { Type: string; Metadata?: Record<string, unknown> }>;
    };
    return Object.values(template.Resources).find((r) => r.Type === 'AWS::DynamoDB::Table')
      ?.Metadata;
  } finally {
    printed.mockRestore();
  }
}

function findings(a: Assessment): Finding[] {
  return [...a.services.flatMap((s) => s.findings), ...a.findings];
}

function withPack(props: Partial<ContinuityChecksProps> = {}) {
  const dir = outdir();
  const { app, table, stack } = smallApp({ outdir: dir });
  Validations.of(app).addPlugins(
    new ContinuityChecks(app, { spec: smallSpec(), today: TODAY, ...props }),
  );
  return { app, table, stack, dir };
}

describe('an acknowledged finding, synthesized to cdk.out', () => {
  test('continuity check on cdk.out shows it suppressed with the reason', () => {
    // GIVEN
    const { app, table, stack, dir } = withPack();
    acknowledgeContinuityRule(table, 'RR-INV3', 'orders is rebuilt from the event log');
    Validations.of(stack).acknowledge({ id: 'AwsSolutions-DDB3', reason: 'another pack' });
    // WHEN
    const metadata = synthTable(app);
    const assessment = assess(smallSpec(), readInventory([dir]), { today: TODAY });
    // THEN
    expect(metadata?.cdk_nag).toEqual({
      rules_to_suppress: [
        { id: 'Continuity-RR-INV3', reason: 'orders is rebuilt from the event log' },
      ],
    });
    const inv3 = findings(assessment).filter((f) => f.rule === 'RR-INV3');
    expect(inv3).toHaveLength(1);
    expect(inv3[0].suppressed).toEqual({ reason: 'orders is rebuilt from the event log' });
    expect(assessment.met).toBe(true);
  });

  test('without the acknowledgement, continuity check on cdk.out fails on it', () => {
    // GIVEN
    const dir = outdir();
    const { app } = smallApp({ outdir: dir });
    // WHEN
    const metadata = synthTable(app);
    const assessment = assess(smallSpec(), readInventory([dir]), { today: TODAY });
    // THEN
    expect(metadata?.cdk_nag).toBeUndefined();
    expect(findings(assessment).find((f) => f.rule === 'RR-INV3')?.suppressed).toBeUndefined();
    expect(assessment.met).toBe(false);
  });

  test('an acknowledgement on the stack reaches the service-wide findings too', () => {
    // GIVEN
    const { app, stack, dir } = withPack();
    acknowledgeContinuityRule(stack, 'RR-INV3', 'rebuilt');
    acknowledgeContinuityRule(stack, 'RR-GOV1', 'reviewed in the yearly audit');
    // WHEN
    synthTable(app);
    const assessment = assess(smallSpec(), readInventory([dir]), { today: TODAY });
    // THEN
    expect(findings(assessment).find((f) => f.rule === 'RR-GOV1')?.suppressed).toEqual({
      reason: 'reviewed in the yearly audit',
    });
  });

  test('an acknowledgement without a reason accepts nothing and fails with RR-CDK2', () => {
    // GIVEN the aspect alone: with the pack registered, synth itself would fail on RR-CDK2
    const dir = outdir();
    const { app, table } = smallApp({ outdir: dir });
    Aspects.of(app).add(new WriteContinuityAcknowledgements());
    Validations.of(table).acknowledge({ id: 'Continuity-RR-INV3', reason: '' });
    // WHEN
    synthTable(app);
    const assessment = assess(smallSpec(), readInventory([dir]), { today: TODAY });
    // THEN
    expect(findings(assessment).find((f) => f.rule === 'RR-INV3')?.suppressed).toBeUndefined();
    expect(findings(assessment).find((f) => f.rule === 'RR-CDK2')).toMatchObject({
      severity: 'error',
      service: 'orders',
      message: expect.stringMatching(/^Continuity-RR-INV3 is acknowledged on 'Small\/Orders/),
    });
    expect(assessment.met).toBe(false);
  });
});

describe('writeSuppressionsToCloudFormation', () => {
  test('false writes no acknowledgement into the template', () => {
    // GIVEN
    const { app, table } = withPack({ writeSuppressionsToCloudFormation: false });
    acknowledgeContinuityRule(table, 'RR-INV3', 'rebuilt');
    // WHEN / THEN
    expect(synthTable(app)?.cdk_nag).toBeUndefined();
  });

  test("true writes every pack's acknowledgements, continuity ones once", () => {
    // GIVEN
    const { app, table, stack } = withPack({ writeSuppressionsToCloudFormation: true });
    acknowledgeContinuityRule(table, 'RR-INV3', 'rebuilt');
    Validations.of(stack).acknowledge({ id: 'AwsSolutions-DDB3', reason: 'another pack' });
    // WHEN
    const rules = (synthTable(app)?.cdk_nag as { rules_to_suppress: { id: string }[] })
      .rules_to_suppress;
    // THEN
    expect(rules.map((r) => r.id).sort()).toEqual(['AwsSolutions-DDB3', 'Continuity-RR-INV3']);
  });

  test('the nearest acknowledgement wins, the plugin-qualified id normalized', () => {
    // GIVEN
    const { app, table, stack } = withPack();
    Validations.of(table).acknowledge({ id: 'Continuity::Continuity-RR-INV3', reason: 'table' });
    acknowledgeContinuityRule(stack, 'RR-INV3', 'stack');
    // WHEN / THEN
    expect(synthTable(app)?.cdk_nag).toEqual({
      rules_to_suppress: [{ id: 'Continuity-RR-INV3', reason: 'table' }],
    });
  });
});
