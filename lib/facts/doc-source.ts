import type { Basis } from '../model';

/** An AWS documentation page a number comes from. */
export interface DocSource {
  /** Page title as AWS publishes it. */
  readonly title: string;
  /** Canonical URL of the page. */
  readonly url: string;
}

/** One number about AWS behaviour, with how sure we are of it and where it comes from. */
export interface Fact {
  /** The value, in seconds. */
  readonly seconds: number;
  /** Guaranteed (`sla`), documented as typical, or our own `estimate`. */
  readonly basis: Basis;
  /** Where AWS states it (or, for estimates, the page the estimate is derived from). */
  readonly source: DocSource;
  /** What the number means, in one sentence. */
  readonly note: string;
}

/** Order of bases from strongest to weakest. */
export const BASIS_ORDER: readonly Basis[] = ['sla', 'documented-typical', 'estimate'];

/** The weaker of two bases (an `estimate` beats `documented-typical`, which beats `sla`). */
export function weakestBasis(a: Basis, b: Basis): Basis {
  return BASIS_ORDER.indexOf(b) > BASIS_ORDER.indexOf(a) ? b : a;
}
