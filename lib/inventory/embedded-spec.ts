import { METADATA_SPEC_KEY, METADATA_SPEC_REF_KEY } from '../model/disruption';
import { specDigest } from '../spec/spec-digest';
import type { Inventory, SpecReference } from '../model/inventory';

/** Which embedded spec a reader of an inventory uses, and what disagrees with it. */
export interface EmbeddedSpecChoice {
  /** The first spec embedded in the stacks read; `undefined` when none embeds one. */
  readonly embedded?: Inventory['embeddedSpecs'][number];
  /**
   * The stacks that embed a different spec than `embedded`, or point (`ContinuityKit::SpecRef`)
   * to a spec whose digest differs: they were built from another version of the spec.
   */
  readonly differing: readonly string[];
  /** With no spec embedded in the stacks read: the first stack that points to one elsewhere. */
  readonly elsewhere?: SpecReference;
}

/**
 * The one rule for finding the spec embedded in templates, used by `continuity check`,
 * `continuity diff` and the cdk-nag pack: the first `ContinuityKit::Spec` read wins, and stacks
 * that embed or point to another spec are named so the caller can warn.
 */
export function chooseEmbeddedSpec(
  inventory: Pick<Inventory, 'embeddedSpecs' | 'specReferences'>,
): EmbeddedSpecChoice {
  const [first, ...others] = inventory.embeddedSpecs;
  const references = inventory.specReferences ?? [];
  if (first === undefined) {
    return { differing: [], elsewhere: references[0] };
  }
  const text = JSON.stringify(first.spec);
  const differing = others.filter((o) => JSON.stringify(o.spec) !== text).map((o) => o.stack);
  if (references.length > 0) {
    const digest = specDigest(first.spec);
    differing.push(...references.filter((r) => r.sha256 !== digest).map((r) => r.stack));
  }
  return { embedded: first, differing };
}

/** What to tell a user who read a stack whose spec is embedded in a stack they did not read. */
export function specElsewhereMessage(reference: SpecReference): string {
  return (
    `stack ${reference.stack} points to the spec embedded in stack ${reference.specStack} ` +
    `(${METADATA_SPEC_REF_KEY}), which was not read: read the whole cdk.out, or include the ` +
    `template of ${reference.specStack}, which holds ${METADATA_SPEC_KEY}`
  );
}
