import { AssemblyIndex } from '../../../lib/inventory/assembly-index';
import { StackScope } from '../../../lib/inventory/stack-scope';
import type { StackTemplate } from '../../../lib/inventory/stack-template';
import { readNumber, readReference, readString } from '../../../lib/inventory/values';
import { isUnresolved } from '../../../lib/model/unresolved';

/** A scope over one stack with a table `T` and a key `K`. */
function scope(): StackScope {
  const stack: StackTemplate = {
    name: 'S',
    region: 'eu-west-1',
    account: '123456789012',
    resources: { T: { Type: 'AWS::DynamoDB::Table' }, K: { Type: 'AWS::KMS::Key' } },
    logicalIdsByType: new Map([
      ['AWS::DynamoDB::Table', ['T']],
      ['AWS::KMS::Key', ['K']],
    ]),
    parameters: { P: { Type: 'String', Default: 'orders' } },
    mappings: {},
    conditions: {},
    outputs: {},
    metadata: {},
  };
  return new StackScope(stack, new AssemblyIndex([stack]));
}

describe('readReference', () => {
  test.each([
    ['a string', 'orders', { literal: 'orders' }],
    ['a number', 42, { literal: '42' }],
    ['a Ref', { Ref: 'T' }, { id: 'S/T' }],
    ['a Fn::GetAtt', { 'Fn::GetAtt': ['T', 'Arn'] }, { id: 'S/T' }],
    ['a Ref of a parameter with a default', { Ref: 'P' }, { literal: 'orders' }],
    [
      'an ARN joined around one Ref',
      { 'Fn::Join': ['', ['arn:aws:dynamodb:::table/', { Ref: 'T' }]] },
      { id: 'S/T' },
    ],
  ])('reads %s', (_case, raw, expected) => {
    // WHEN
    const reference = readReference(scope(), raw);
    // THEN
    expect(reference).toEqual(expected);
  });

  test.each([
    ['a boolean', true],
    ['a Ref to a resource of another type', { Ref: 'K' }],
    ['a string built from two resources', { 'Fn::Join': ['/', [{ Ref: 'T' }, { Ref: 'K' }]] }],
    ['a dynamic reference', '{{resolve:ssm:/table/name}}'],
  ])('leaves %s unresolved', (_case, raw) => {
    // WHEN
    const reference = readReference(scope(), raw, ['AWS::DynamoDB::Table']);
    // THEN
    expect(isUnresolved(reference)).toBe(true);
  });

  test.each([
    ['absent', undefined],
    ['null', null],
  ])('reads %s as undefined', (_case, raw) => {
    expect(readReference(scope(), raw)).toBeUndefined();
  });
});

describe('scalar values', () => {
  test('reads numeric strings as numbers and other strings as unresolved numbers', () => {
    // WHEN
    const numeric = readNumber(scope(), ' 35 ');
    const text = readNumber(scope(), 'thirty');
    // THEN
    expect(numeric).toBe(35);
    expect(isUnresolved(text)).toBe(true);
  });

  test('reads numbers and booleans as strings, objects as unresolved', () => {
    // WHEN
    const values = [7, false, { Ref: 'P' }, { Name: 'x' }].map((v) => readString(scope(), v));
    // THEN
    expect(values.slice(0, 3)).toEqual(['7', 'false', 'orders']);
    expect(isUnresolved(values[3])).toBe(true);
  });

  test('reads null as absent', () => {
    expect(readNumber(scope(), null)).toBeUndefined();
  });
});
