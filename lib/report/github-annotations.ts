import { allFindings, describeLocation, isActive, sortFindings } from './verdict';
import type { Assessment } from '../model/assessment';
import type { Severity } from '../model/finding';
import { findingPlaces, locateLines, placeOf } from './sarif-report';
import type { LineLocator } from './sarif-report';

/** Options of {@link toGithubAnnotations}. */
export interface GithubAnnotationOptions {
  /**
   * File to annotate for findings that point at no template (usually the spec).
   *
   * @default - such annotations name no file
   */
  readonly specFile?: string;
  /**
   * Finds the line of a logical ID (or service name) in a file, for `line=`.
   *
   * @default - annotations name no line
   */
  readonly locateLine?: LineLocator;
}

const COMMANDS: Readonly<Record<Severity, string>> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

/**
 * Renders the active findings of an assessment as GitHub Actions workflow commands
 * (`::error file=...,title=...::message`), one per line, so they show as annotations.
 *
 * Suppressed findings are left out. Values are escaped as the runner expects: `%`, CR and LF in
 * the message; also `:` and `,` in properties
 * (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions).
 */
export function toGithubAnnotations(
  assessment: Assessment,
  options: GithubAnnotationOptions = {},
): string {
  const findings = sortFindings(allFindings(assessment).filter(isActive));
  const locateLine =
    options.locateLine &&
    locateLines(options.locateLine, findingPlaces(findings, options.specFile));
  const lines = findings.map((finding) => {
    const { file, logicalName: name } = placeOf(finding, options.specFile);
    const subject = [finding.service, finding.disruption, describeLocation(finding.resource)]
      .filter((x) => x !== undefined)
      .join(' ');
    const line = file !== undefined && name !== undefined ? locateLine?.(file, name) : undefined;
    const properties = [
      ...(file !== undefined ? [`file=${escapeProperty(file.split('\\').join('/'))}`] : []),
      ...(line !== undefined ? [`line=${line}`] : []),
      `title=${escapeProperty(`${finding.rule}${subject ? ` ${subject}` : ''}`)}`,
    ];
    const message = `${finding.message}\nfix: ${finding.fix}`;
    return `::${COMMANDS[finding.severity]} ${properties.join(',')}::${escapeData(message)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
