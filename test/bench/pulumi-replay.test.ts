import {
  DerivedText,
  MOCK_ACCOUNT,
  MockedInput,
  mockedValues,
  prepareReplay,
} from '../../bench/pulumi-replay';
import type { RecordedResource } from '../../bench/pulumi-replay';

const BUCKET_ARN = `arn:aws:s3:eu-west-1:${MOCK_ACCOUNT}:bucket/orders-bucket-mock`;

const recorded: RecordedResource[] = [
  { type: 'aws:s3/bucket:Bucket', name: 'orders-bucket', inputs: { region: 'eu-west-1' } },
  {
    type: 'aws:iam/role:Role',
    name: 'orders-role',
    inputs: { name: 'fixed-role-name', assumeRolePolicy: '{}' },
  },
  {
    type: 'aws:iam/rolePolicy:RolePolicy',
    name: 'orders-policy',
    inputs: {
      role: 'orders-role-id',
      policy: JSON.stringify({ Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`] }),
      // a later resource's value is not known yet here: it stays text
      tags: { next: 'orders-later-id', bucket: 'orders-bucket-mock' },
    },
  },
  { type: 'aws:sns/topic:Topic', name: 'orders-later', inputs: {} },
];

describe('mockedValues', () => {
  test('id and ARN of every resource; the name the mocks add, as `bucket` for a bucket', () => {
    expect(mockedValues(recorded[0]!)).toEqual([
      ['orders-bucket-id', 'id'],
      [BUCKET_ARN, 'arn'],
      ['orders-bucket-mock', 'bucket'],
    ]);
    // a resource given its name keeps it: no mocked name
    expect(mockedValues(recorded[1]!).map(([, output]) => output)).toEqual(['id', 'arn']);
    expect(mockedValues(recorded[3]!)[2]).toEqual(['orders-later-mock', 'name']);
  });
});

describe('prepareReplay', () => {
  const inputs = prepareReplay(recorded) as Record<string, unknown>[];
  const policy = inputs[2]!;

  test('an input equal to an earlier mocked value refers to that resource output', () => {
    expect(policy.role).toEqual(new MockedInput('orders-role-id', { producer: 1, output: 'id' }));
    expect((policy.tags as Record<string, unknown>).bucket).toEqual(
      new MockedInput('orders-bucket-mock', { producer: 0, output: 'bucket' }),
    );
  });

  test('text that embeds mocked values is split around them, in order', () => {
    const derived = policy.policy as DerivedText;
    expect(derived).toBeInstanceOf(DerivedText);
    expect(derived.values).toEqual([
      { producer: 0, output: 'arn' },
      { producer: 0, output: 'arn' },
    ]);
    expect(derived.literals).toEqual(['{"Resource":["', '","', '/*"]}']);
    // put back together, it is the recorded text
    const rebuilt = derived.literals.reduce((text, literal) => text + BUCKET_ARN + literal);
    expect(rebuilt).toBe(derived.text);
    expect(rebuilt).toBe(recorded[2]!.inputs.policy);
  });

  test("a later resource's value, and text with none, stay as recorded", () => {
    expect((policy.tags as Record<string, unknown>).next).toBe('orders-later-id');
    expect(inputs[1]).toEqual({ name: 'fixed-role-name', assumeRolePolicy: '{}' });
    expect(inputs[0]).toEqual({ region: 'eu-west-1' });
  });

  test('the longest value wins where one is a prefix of another', () => {
    const [withPrefix] = prepareReplay([
      { type: 'aws:sns/topic:Topic', name: 'a', inputs: {} },
      { type: 'aws:sns/topic:Topic', name: 'a-id', inputs: {} },
      { type: 'aws:sns/topic:Topic', name: 'c', inputs: { note: 'x a-id-id y' } },
    ]).slice(2) as Record<string, DerivedText>[];
    expect(withPrefix!.note!.values).toEqual([{ producer: 1, output: 'id' }]);
    expect(withPrefix!.note!.literals).toEqual(['x ', ' y']);
  });
});
