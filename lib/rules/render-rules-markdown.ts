import type { Rule } from '../model';

/** Metadata of a rule, all {@link renderRulesMarkdown} reads. */
export type RuleMetadata = Pick<
  Rule,
  'id' | 'name' | 'title' | 'violation' | 'rationale' | 'fix' | 'severity' | 'docsUrl'
>;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * Renders the rule catalogue as Markdown (the content of RULES.md): a summary table, then one
 * section per rule with what it checks, why, and how to fix it.
 */
export function renderRulesMarkdown(rules: readonly RuleMetadata[]): string {
  const lines: string[] = [
    '# continuity-kit rules',
    '',
    '<!-- Generated from allRules (lib/rules). Do not edit by hand. -->',
    '',
    'A finding is `non-compliant` when a rule fails, or `unknown` when a value it needs is known only at deploy time (unknowns fail closed). Error-level findings fail `continuity check` and `cdk synth` unless suppressed with a reason.',
    '',
    '| id | name | severity | compliant when |',
    '|---|---|---|---|',
    ...rules.map(
      (r) =>
        `| [${r.id}](#${r.id.toLowerCase()}) | \`${r.name}\` | ${r.severity} | ${cell(r.title)} |`,
    ),
    '',
  ];
  for (const r of rules) {
    lines.push(
      `## ${r.id}`,
      '',
      `**${r.title}** (\`${r.name}\`, ${r.severity})`,
      '',
      `- **Violation:** ${r.violation}`,
      `- **Why it matters:** ${r.rationale}`,
      `- **Fix:** ${r.fix}`,
      `- **AWS documentation:** <${r.docsUrl}>`,
      '',
    );
  }
  return lines.join('\n');
}
