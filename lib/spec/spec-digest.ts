let crypto: typeof import('node:crypto') | undefined;

/**
 * Hex SHA-256 of `text`. `node:crypto` loads on first use: only a `ContinuityKit::SpecRef` and the
 * SARIF report's fingerprints need it, and loading it costs a few milliseconds of every start-up.
 */
export function sha256Hex(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  crypto ??= require('node:crypto') as typeof import('node:crypto');
  // `crypto.hash` (Node 20.12 and later) digests in one call, without a Hash object per text.
  return typeof crypto.hash === 'function'
    ? crypto.hash('sha256', text)
    : crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * SHA-256 (hex) of a spec document's JSON: what a `ContinuityKit::SpecRef` carries, so a reader
 * can tell whether the stack pointing to a spec was built from the spec it finds.
 *
 * The document is hashed as `JSON.stringify` writes it; a template read back with `JSON.parse`
 * keeps its key order, so the digest of the embedded document matches.
 */
export function specDigest(document: unknown): string {
  return sha256Hex(JSON.stringify(document) ?? '');
}
