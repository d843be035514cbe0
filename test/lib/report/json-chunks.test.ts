import * as fc from 'fast-check';
import { mixedAssessment, metAssessment, ruleMetadata } from './assessment-fixtures';
import { LazyJsonArray, prettyJsonChunks } from '../../../lib/report/json-chunks';
import { toJson, toJsonChunks } from '../../../lib/report/json-report';
import { toSarif, toSarifChunks } from '../../../lib/report/sarif-report';

const joined = (pieces: Iterable<string>): string => [...pieces].join('');

describe('prettyJsonChunks', () => {
  test('prints any JSON value as JSON.stringify(value, undefined, 2) does, at any split depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, splitDepth) => {
        // GIVEN a JSON value and how deep to split it
        // WHEN it is printed in pieces
        const text = joined(prettyJsonChunks(value, splitDepth));
        // THEN the pieces spell what JSON.stringify prints
        expect(text).toBe(JSON.stringify(value, undefined, 2));
      }),
      { numRuns: 300 },
    );
  });

  test('leaves out undefined and function members and prints them as null in arrays', () => {
    // GIVEN members JSON.stringify does not print as such
    const value = {
      a: undefined,
      b: [undefined, () => 1, 2],
      c: { d: undefined },
      e: () => 1,
      f: { g: 1, h: undefined },
    };
    // WHEN
    const text = joined(prettyJsonChunks(value, 3));
    // THEN
    expect(text).toBe(JSON.stringify(value, undefined, 2));
  });

  test('prints values with toJSON whole, as JSON.stringify does', () => {
    // GIVEN a Date, which JSON.stringify prints through its toJSON
    const value = { when: new Date(Date.UTC(2026, 11, 7)), list: [new Date(0)] };
    // WHEN
    const text = joined(prettyJsonChunks(value, 4));
    // THEN
    expect(text).toBe(JSON.stringify(value, undefined, 2));
  });

  test('splits the document into one piece per member down to the split depth', () => {
    // GIVEN an array of three objects
    const value = { items: [{ a: 1 }, { a: 2 }, { a: 3 }] };
    // WHEN split below the array, and not at all
    const split = [...prettyJsonChunks(value, 2)];
    const unsplit = [...prettyJsonChunks(value, 0)];
    // THEN each item is its own piece when split, and the document one piece when not
    expect(split.filter((piece) => piece.includes('"a"'))).toHaveLength(3);
    expect(unsplit).toHaveLength(1);
  });
});

describe('LazyJsonArray', () => {
  test('prints as the array of its made members, as JSON.stringify prints it, at any split depth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (source, splitDepth) => {
          // GIVEN a document with a lazy array of wrapped members next to plain data
          const make = (item: unknown): unknown => ({ item, list: [item] });
          const value = { before: 1, lazy: new LazyJsonArray(source, make), after: [2] };
          // WHEN it is printed in pieces
          const text = joined(prettyJsonChunks(value, splitDepth));
          // THEN it reads as the eager document does, and as JSON.stringify prints the lazy one
          const eager = { before: 1, lazy: source.map(make), after: [2] };
          expect(text).toBe(JSON.stringify(eager, undefined, 2));
          expect(text).toBe(JSON.stringify(value, undefined, 2));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('makes each member only when the printer reaches it', () => {
    // GIVEN a lazy array that records when its members are made
    const events: string[] = [];
    const lazy = new LazyJsonArray(['a', 'b', 'c'], (item) => {
      events.push(`make ${item}`);
      return { item };
    });
    // WHEN its pieces are taken one by one
    for (const piece of prettyJsonChunks({ lazy }, 2)) {
      const printed = /"item": "(\w)"/.exec(piece);
      if (printed) events.push(`print ${printed[1]}`);
    }
    // THEN no member is made before the one before it was printed
    expect(events).toEqual(['make a', 'print a', 'make b', 'print b', 'make c', 'print c']);
  });
});

describe('report pieces', () => {
  test.each([
    ['a mixed assessment', mixedAssessment],
    ['a met assessment', metAssessment],
    ['an empty assessment', { met: true, services: [], findings: [] }],
  ])('toJsonChunks spells toJson for %s', (_case, assessment) => {
    // GIVEN an assessment
    // WHEN rendered whole and in pieces
    const pieces = joined(toJsonChunks(assessment));
    // THEN the texts are the same, byte for byte
    expect(pieces).toBe(toJson(assessment));
  });

  test.each([
    ['a mixed assessment', mixedAssessment],
    ['a met assessment', metAssessment],
  ])('toSarifChunks spells toSarif for %s', (_case, assessment) => {
    // GIVEN an assessment and the SARIF options of the CLI
    const options = { rules: ruleMetadata, specFile: 'continuity.yaml', toolVersion: '0.1.0' };
    // WHEN rendered whole and in pieces
    const pieces = joined(toSarifChunks(assessment, options));
    // THEN the texts are the same, byte for byte
    expect(pieces).toBe(toSarif(assessment, options));
  });
});
