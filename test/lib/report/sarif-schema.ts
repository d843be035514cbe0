import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

// The official SARIF 2.1.0 schema (rtm.5, JSON Schema draft-04) as shipped by Microsoft's SARIF
// tooling; draft-04 is why the validator is ajv-draft-04, and its language pattern
// (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is only valid without the regexp `u` flag.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

/** A validator of SARIF 2.1.0 logs against the official schema; `errors` lists the last failures. */
export function sarifValidator(): ((data: unknown) => boolean) & { errors?: unknown } {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
