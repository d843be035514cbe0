import { readFileSync } from 'fs';
import { join } from 'path';
import { rulesMarkdown, rulesMarkdownPath } from '../bin/generate-rules-md';
import { allRules } from '../lib/rules';

describe('RULES.md', () => {
  test('is what the generator renders from allRules (regenerate with `npm run rules`)', () => {
    // GIVEN
    const committed = readFileSync(join(__dirname, '..', 'RULES.md'), 'utf8');
    // WHEN
    const fresh = committed === rulesMarkdown();
    // THEN
    expect(
      fresh ? 'up to date' : 'RULES.md is stale: run `npm run rules` and commit RULES.md',
    ).toBe('up to date');
  });

  test('documents every rule of the catalogue', () => {
    // WHEN
    const md = rulesMarkdown();
    // THEN
    for (const r of allRules) {
      expect(md).toContain(`## ${r.id}\n`);
    }
  });

  test('lives at the package root, from the sources and from dist/bin', () => {
    // GIVEN
    const root = join(__dirname, '..');
    // THEN
    expect(rulesMarkdownPath(join(root, 'bin'))).toBe(join(root, 'RULES.md'));
    expect(rulesMarkdownPath(join(root, 'dist', 'bin'))).toBe(join(root, 'RULES.md'));
  });
});
