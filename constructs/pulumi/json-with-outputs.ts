import * as pulumi from '@pulumi/pulumi';

/** Stands for the `index`-th distinct output of a value being stringified. */
class Slot {
  public constructor(public readonly index: number) {}
}

/**
 * The JSON text of `value`, whose leaves may be outputs or promises: the same string (and the
 * same known, secret and dependency state) as `pulumi.jsonStringify(value)`, at the cost of one
 * `pulumi.all` over the distinct outputs.
 *
 * `pulumi.jsonStringify` lifts every array and object that holds an output into an output of its
 * own, one per nesting level; a dashboard body has dozens of them. Without outputs the text is
 * returned as a plain string.
 */
export function jsonWithOutputs(value: unknown): pulumi.Input<string> {
  const outputs: unknown[] = [];
  const slots = new Map<unknown, Slot>();
  const template = withSlots(value, outputs, slots);
  if (outputs.length === 0) return JSON.stringify(template);
  return pulumi
    .all(outputs)
    .apply((resolved) =>
      JSON.stringify(template, (_key, v: unknown) => (v instanceof Slot ? resolved[v.index] : v)),
    );
}

/** A copy of `value` with each output replaced by its slot, walked as `pulumi.output` walks it. */
function withSlots(value: unknown, outputs: unknown[], slots: Map<unknown, Slot>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (pulumi.Output.isInstance(value) || value instanceof Promise) {
    let slot = slots.get(value);
    if (slot === undefined) {
      slot = new Slot(outputs.length);
      outputs.push(value);
      slots.set(value, slot);
    }
    return slot;
  }
  if (Array.isArray(value)) return value.map((v) => withSlots(v, outputs, slots));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[key] = withSlots((value as Record<string, unknown>)[key], outputs, slots);
  }
  return copy;
}
