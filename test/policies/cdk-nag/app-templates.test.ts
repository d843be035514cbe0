import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import type { IPolicyValidationContext } from 'aws-cdk-lib';
import { readAppTemplates } from '../../../policies/cdk-nag/app-templates';

describe('readAppTemplates', () => {
  test('gives each resource the logical id of its template, overridden ids included', () => {
    // GIVEN an app synthesized without aws:cdk:path metadata (as outside the CDK CLI)
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'app-templates-')) });
    const stack = new Stack(app, 'Shop');
    const plain = new CfnResource(stack, 'Queue', { type: 'AWS::SQS::Queue' });
    const renamed = new CfnResource(stack, 'Table', { type: 'AWS::DynamoDB::Table' });
    renamed.overrideLogicalId('OrdersTable');
    const assembly = app.synth();
    const templatePath = assembly.getStackByName('Shop').templateFullPath;

    // WHEN
    const read = readAppTemplates(app, {
      templatePaths: [templatePath],
    } as IPolicyValidationContext);

    // THEN
    const template = read.templates[0].template as { Resources: Record<string, unknown> };
    expect(Object.keys(template.Resources).sort()).toEqual(
      [read.byNode.get(plain)?.logicalId, read.byNode.get(renamed)?.logicalId].sort(),
    );
    expect(read.byNode.get(renamed)?.logicalId).toBe('OrdersTable');
    expect(read.resources.get('Shop/OrdersTable')?.node).toBe(renamed);
  });
});
