import { deepEqual, hasIntrinsic, isIntrinsic } from '../../../lib/diff';
import { Unresolved } from '../../../lib/model';

describe('deepEqual', () => {
  it.each([
    ['equal primitives', 'a', 'a', true],
    ['different primitives', 1, '1', false],
    ['objects with keys in another order', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    ['arrays in another order', [1, 2], [2, 1], false],
    ['an absent key and an undefined one', { a: 1, b: undefined }, { a: 1 }, true],
    ['an extra key', { a: 1 }, { a: 1, b: 2 }, false],
    ['equal intrinsics', { Ref: 'X' }, { Ref: 'X' }, true],
    ['different intrinsics', { Ref: 'X' }, { Ref: 'Y' }, false],
    ['an array and an object', [], {}, false],
    ['null and an object', null, {}, false],
    ['equal unresolved values', new Unresolved('x'), new Unresolved('x'), true],
  ])('%s', (_case, a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
    expect(deepEqual(b, a)).toBe(expected);
  });
});

describe('hasIntrinsic', () => {
  it.each([
    ['a Ref', { Ref: 'P' }, true],
    ['a nested Fn::GetAtt', { a: [{ 'Fn::GetAtt': ['K', 'Arn'] }] }, true],
    ['an unresolved value', new Unresolved('x'), true],
    ['a literal object', { Key: 'Ref' }, false],
    ['an object with Ref and another key', { Ref: 'P', Other: 1 }, false],
    ['a string', 'Fn::Sub', false],
  ])('%s', (_case, value, expected) => {
    expect(hasIntrinsic(value)).toBe(expected);
  });

  test('isIntrinsic is only true at the top level', () => {
    expect(isIntrinsic({ a: { Ref: 'P' } })).toBe(false);
  });
});
