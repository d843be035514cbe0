import { Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { METADATA_SPEC_KEY } from '../../lib/model';

/**
 * A stack whose template carries the spec (`ContinuityKit::Spec` metadata), so `continuity check
 * cdk.out` needs nothing else. `ContinuityStacks` makes its first stack a `SpecStack`; the others
 * point to it (`ContinuityKit::SpecRef`).
 *
 * The spec document is plain JSON data (`specToJson`), which CDK would resolve as if it might hold
 * tokens: a walk of every value of every service. This stack leaves it out of the resolution and
 * puts it back where CDK renders template metadata, so the template is byte for byte the same.
 */
export class SpecStack extends Stack {
  public constructor(
    scope: Construct,
    id: string,
    props: StackProps,
    private readonly specDocument: unknown,
  ) {
    super(scope, id, props);
    this.templateOptions.metadata = { [METADATA_SPEC_KEY]: specDocument };
  }

  protected override _toCloudFormation(): unknown {
    const metadata = this.templateOptions.metadata;
    // Anything but the untouched spec first (metadata replaced or reordered by the user) takes
    // CDK's own path.
    if (
      metadata === undefined ||
      Object.keys(metadata)[0] !== METADATA_SPEC_KEY ||
      metadata[METADATA_SPEC_KEY] !== this.specDocument
    ) {
      return super._toCloudFormation();
    }
    const { [METADATA_SPEC_KEY]: spec, ...others } = metadata;
    this.templateOptions.metadata = Object.keys(others).length > 0 ? others : undefined;
    let resolved: Record<string, unknown>;
    try {
      resolved = super._toCloudFormation() as Record<string, unknown>;
    } finally {
      this.templateOptions.metadata = metadata;
    }
    // CDK's section order: Description, Transform, AWSTemplateFormatVersion, Metadata, the rest.
    const template: Record<string, unknown> = {};
    for (const section of ['Description', 'Transform', 'AWSTemplateFormatVersion']) {
      if (section in resolved) template[section] = resolved[section];
    }
    template.Metadata = { [METADATA_SPEC_KEY]: spec, ...(resolved.Metadata as object | undefined) };
    return Object.assign(template, resolved, { Metadata: template.Metadata });
  }
}
