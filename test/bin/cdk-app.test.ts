import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { buildApp, SPEC_CONTEXT_KEY } from '../../bin/cdk-app';
import { METADATA_SPEC_KEY, METADATA_SPEC_REF_KEY } from '../../lib/model';
import { specDigest } from '../../lib/spec';

const SPEC = path.join(__dirname, '..', '..', 'examples', 'continuity.yaml');

function newApp(builtinCloudFormationValidation = false): App {
  return new App({
    outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-app-')),
    context: { [SPEC_CONTEXT_KEY]: SPEC },
    builtinCloudFormationValidation,
  });
}

function acknowledgements(app: App): { id: string; reason: string }[] {
  return app.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, { reason?: string } | string>))
      .map(([id, value]) => ({
        id,
        reason: typeof value === 'string' ? value : String(value?.reason ?? ''),
      })),
  );
}

describe('example CDK app', () => {
  test('passes AwsSolutions with every acknowledgement carrying a reason', () => {
    // GIVEN
    const { app } = buildApp(newApp());
    // WHEN
    const assembly = app.synth();
    // THEN
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Primary'),
        expect.stringContaining('RecoveryFoundation'),
      ]),
    );
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length).toBeGreaterThan(40);
    }
    // the spec is embedded once, and every other stack points to that stack
    const holders = assembly.stacks.filter((s) => s.template.Metadata[METADATA_SPEC_KEY]);
    expect(holders.map((s) => s.stackName)).toEqual([
      expect.stringContaining('RecoveryFoundation'),
    ]);
    for (const stack of assembly.stacks.filter((s) => !holders.includes(s))) {
      expect(stack.template.Metadata[METADATA_SPEC_REF_KEY]).toEqual({
        stack: holders[0].stackName,
        sha256: specDigest(holders[0].template.Metadata[METADATA_SPEC_KEY]),
      });
    }
  });

  test('also passes with aws-cdk-lib CloudFormation template validation on', () => {
    // GIVEN
    const { app } = buildApp(newApp(true));
    // WHEN / THEN
    expect(() => app.synth()).not.toThrow();
  });

  test('fails with a message naming the context key when no spec is given', () => {
    // GIVEN
    const app = new App({ context: { [SPEC_CONTEXT_KEY]: '' } });
    // WHEN / THEN
    expect(() => buildApp(app)).toThrow(
      /context 'continuity:spec' is "".*pass -c continuity:spec=/,
    );
  });
});
