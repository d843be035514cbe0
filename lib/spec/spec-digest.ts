/**
 * `node:crypto`, loaded on first use: most checks read no `ContinuityKit::SpecRef`, and loading
 * the module costs a few milliseconds of every `continuity` start-up.
 */
function crypto(): typeof import('node:crypto') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto') as typeof import('node:crypto');
}

/**
 * SHA-256 (hex) of a spec document's JSON: what a `ContinuityKit::SpecRef` carries, so a reader
 * can tell whether the stack pointing to a spec was built from the spec it finds.
 *
 * The document is hashed as `JSON.stringify` writes it; a template read back with `JSON.parse`
 * keeps its key order, so the digest of the embedded document matches.
 */
export function specDigest(document: unknown): string {
  return crypto()
    .createHash('sha256')
    .update(JSON.stringify(document) ?? '')
    .digest('hex');
}
