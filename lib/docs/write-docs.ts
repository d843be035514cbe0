import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Assessment } from '../model/assessment';
import type { ContinuityPlan } from '../model/plan';
import type { ContinuitySpec } from '../model/spec';
import { renderHtmlReport } from './render-html-report';
import { renderIndex, servicePlanFile } from './render-index';
import { renderServicePlan } from './render-service-plan';
import type { DocsOptions } from './render-service-plan';

/**
 * Writes `index.md`, one `<service>.md` plan per service and `report.html` into `outDir`
 * (created if missing; files of the same names are overwritten).
 *
 * @returns the paths written
 */
export function writeDocs(
  outDir: string,
  spec: ContinuitySpec,
  plan: ContinuityPlan,
  assessment?: Assessment,
  options: DocsOptions = {},
): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: [string, string][] = [
    ['index.md', renderIndex(spec, plan, assessment, options)],
    ...spec.services.map((service): [string, string] => [
      servicePlanFile(service.name),
      renderServicePlan(service, spec, plan, assessment, options),
    ]),
    ['report.html', renderHtmlReport(spec, plan, assessment, options)],
  ];
  return files.map(([name, content]) => {
    const path = join(outDir, name);
    writeFileSync(path, content, 'utf8');
    return path;
  });
}
