import fc from 'fast-check';

import { xmlEscape, xmlText } from '../../../lib/report/xml-escape';

/** The escaping spelled out one rule at a time: the definition the one-pass version must match. */
function referenceEscape(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Text with the characters that matter: markup, line breaks, controls, surrogates. */
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('&', '<', '>', '"', "'", '\r', '\n', '\t', '\u0000', 'a') }),
  fc.string({ unit: fc.constantFrom('\ud83d', '\ude80', '\ufffe', '\uffff', '&#10;', 'x') }),
);

describe('xmlEscape', () => {
  test('escapes markup and line breaks, and drops what XML cannot carry', () => {
    // GIVEN
    const input = `a&b<c>"d'\r\n\t\u0000\ufffe🚀\ud83d`;
    // WHEN
    const escaped = xmlEscape(input);
    // THEN
    expect(escaped).toBe('a&amp;b&lt;c&gt;&quot;d&apos;&#13;&#10;&#9;🚀');
  });

  test('matches escaping one rule at a time on any text', () => {
    fc.assert(
      fc.property(text, (input) => xmlEscape(input) === referenceEscape(input)),
      { numRuns: 2000 },
    );
  });
});

describe('xmlText', () => {
  test('keeps line breaks and tabs of element content as they are', () => {
    fc.assert(
      fc.property(
        text,
        (input) =>
          xmlText(input) === referenceEscape(input).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t'),
      ),
      { numRuns: 2000 },
    );
  });
});
