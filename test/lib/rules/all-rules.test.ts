import { allRules, renderRulesMarkdown } from '../../../lib/rules';

describe('allRules', () => {
  test('lists exactly these rule ids and severities', () => {
    expect(allRules.map((r) => `${r.id} ${r.severity}`)).toEqual([
      'RR-OBJ1 error',
      'RR-OBJ2 warning',
      'RR-OBJ3 warning',
      'RR-INV1 warning',
      'RR-INV2 error',
      'RR-INV3 error',
      'RR-BKP1 warning',
      'RR-BKP2 warning',
      'RR-BKP3 warning',
      'RR-BKP4 warning',
      'RR-BKP5 warning',
      'RR-BKP6 error',
      'RR-BKP7 warning',
      'RR-VLT1 warning',
      'RR-VLT2 error',
      'RR-VLT3 error',
      'RR-MON1 warning',
      'RR-MON2 warning',
      'RR-GOV1 warning',
      'RR-GOV2 warning',
      'RR-SUP1 error',
      'RR-ENG1 error',
    ]);
  });

  test('every rule has a unique id, a camelCase name and complete metadata', () => {
    expect(new Set(allRules.map((r) => r.id)).size).toBe(allRules.length);
    expect(new Set(allRules.map((r) => r.name)).size).toBe(allRules.length);
    for (const r of allRules) {
      expect(r.id).toMatch(/^RR-[A-Z]+\d+$/);
      expect(r.name).toMatch(/^[a-z][a-zA-Z]+$/);
      expect(r.docsUrl).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
      for (const text of [r.title, r.violation, r.rationale, r.fix]) {
        expect(text.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('renderRulesMarkdown', () => {
  test('renders a table row and a section per rule', () => {
    // WHEN
    const md = renderRulesMarkdown(allRules);
    // THEN
    for (const r of allRules) {
      expect(md).toContain(`| [${r.id}](#${r.id.toLowerCase()}) | \`${r.name}\` | ${r.severity} |`);
      expect(md).toContain(`## ${r.id}\n`);
      expect(md).toContain(`<${r.docsUrl}>`);
    }
  });

  test('escapes pipes in table cells', () => {
    const md = renderRulesMarkdown([{ ...allRules[0], title: 'a | b' }]);
    expect(md).toContain('a \\| b');
  });
});
