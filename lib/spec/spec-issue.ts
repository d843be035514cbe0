import type { PathSegment } from './issue-path';

/** An input issue before its path is rendered, so issues can be sorted and mapped to lines. */
export interface SpecIssue {
  readonly segments: readonly PathSegment[];
  readonly message: string;
}
