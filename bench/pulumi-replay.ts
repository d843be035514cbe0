/**
 * How the Pulumi benchmark's baseline replays what ours registered: the recorded inputs with
 * every mocked id, ARN or name of an earlier resource turned back into a reference to that
 * resource, worked out before the timed run. Kept apart from `pulumi-child.ts` (and free of
 * Pulumi) so that it can be tested on its own.
 */

/** The account the benchmark's mocks put in every ARN. */
export const MOCK_ACCOUNT = '123456789012';

/** One custom resource registered by ours, replayed by the baseline. */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** Name of the explicit provider resource, if any. */
  readonly provider?: string;
}

/** Which output of a replayed resource a mocked value stands for. */
export type OutputName = 'id' | 'arn' | 'name' | 'bucket';

/** A mocked value in the recording, and the resource and output it came from. */
export interface MockedValue {
  /** Position of the producing resource in the recording. */
  readonly producer: number;
  readonly output: OutputName;
}

/** An input that embeds mocked values in text (a JSON policy naming a bucket's ARN). */
export class DerivedText {
  /**
   * @param text the input as recorded
   * @param literals text around the values: one more than `values`, as a template literal has
   * @param values the values, in order of appearance
   */
  public constructor(
    public readonly text: string,
    public readonly literals: readonly string[],
    public readonly values: readonly MockedValue[],
  ) {}
}

/** An input that is exactly one mocked value. */
export class MockedInput {
  /**
   * @param text the input as recorded
   * @param value the value it is
   */
  public constructor(
    public readonly text: string,
    public readonly value: MockedValue,
  ) {}
}

/** An input as the baseline replays it. */
export type ReplayInput =
  | MockedInput
  | DerivedText
  | string
  | number
  | boolean
  | null
  | readonly ReplayInput[]
  | { readonly [key: string]: ReplayInput };

/** What the benchmark's mocks answer a registration with, besides echoing its inputs. */
export interface MockedState {
  readonly id: string;
  readonly arn: string;
  /** Only when the inputs left `name` out. */
  readonly name?: string;
  /** Only for a bucket whose inputs left `bucket` out. */
  readonly bucket?: string;
}

/** The state the mocks (pulumi-child.ts) give a resource of `type` named `name` in `region`. */
export function mockedState(
  type: string,
  name: string,
  inputs: Readonly<Record<string, unknown>>,
  region: string,
): MockedState {
  const service = (type.split(':')[1] ?? 'x').split('/')[0];
  const kind = (type.split(':')[2] ?? 'resource').toLowerCase();
  const mockedName = `${name}-mock`;
  return {
    id: `${name}-id`,
    arn: `arn:aws:${service}:${region}:${MOCK_ACCOUNT}:${kind}/${mockedName}`,
    ...(inputs.name === undefined ? { name: mockedName } : {}),
    ...(type === 'aws:s3/bucket:Bucket' && inputs.bucket === undefined
      ? { bucket: mockedName }
      : {}),
  };
}

/** The values the mocks answer a registration of `resource` with, and the output each is. */
export function mockedValues(resource: RecordedResource): [string, OutputName][] {
  const region = typeof resource.inputs.region === 'string' ? resource.inputs.region : 'us-east-1';
  const state = mockedState(resource.type, resource.name, resource.inputs, region);
  const values: [string, OutputName][] = [
    [state.id, 'id'],
    [state.arn, 'arn'],
  ];
  // a bucket answers its mocked name as `bucket` too: the replay refers to that output
  if (state.bucket !== undefined) {
    values.push([state.bucket, 'bucket']);
  } else if (state.name !== undefined) {
    values.push([state.name, 'name']);
  }
  return values;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The recorded inputs of each resource as the baseline replays them: a string equal to a value
 * mocked for an earlier resource becomes a {@link MockedInput}, and a string with such values
 * inside it a {@link DerivedText}, so the baseline depends on those resources as a hand-written
 * program must (it cannot know an ARN before the resource exists). A value mocked for the same
 * or a later resource stays text.
 */
export function prepareReplay(recorded: readonly RecordedResource[]): ReplayInput[] {
  const producers = new Map<string, MockedValue>();
  recorded.forEach((resource, producer) => {
    for (const [value, output] of mockedValues(resource)) {
      // the first resource to answer with a value is the one a reference means
      if (!producers.has(value)) producers.set(value, { producer, output });
    }
  });
  // longest first, so that `x-bucket-mock` is not read as `x-bucket` followed by text
  const pattern = new RegExp(
    [...producers.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  const convert = (value: unknown, position: number): ReplayInput => {
    if (typeof value === 'string') return text(value, position);
    if (Array.isArray(value)) return value.map((v) => convert(v, position));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, convert(v, position)] as const),
      );
    }
    return value as ReplayInput;
  };
  const text = (value: string, position: number): ReplayInput => {
    const whole = producers.get(value);
    if (whole && whole.producer < position) return new MockedInput(value, whole);
    if (!value.includes('-mock') && !value.includes('-id')) return value;
    const literals: string[] = [];
    const values: MockedValue[] = [];
    let from = 0;
    for (const match of value.matchAll(pattern)) {
      const found = producers.get(match[0])!;
      if (found.producer >= position) continue;
      literals.push(value.slice(from, match.index));
      values.push(found);
      from = match.index + match[0].length;
    }
    if (values.length === 0) return value;
    literals.push(value.slice(from));
    return new DerivedText(value, literals, values);
  };
  return recorded.map((resource, position) => convert(resource.inputs, position));
}
