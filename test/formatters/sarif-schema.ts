import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

/**
 * The OASIS SARIF 2.1.0 schema (final, "rtm.5") as shipped by @microsoft/jest-sarif. It is draft-04, so it
 * is compiled with ajv-draft-04; formats (uri, date-time) are checked with ajv-formats. The official file has
 * one pattern that is not valid under the `u` flag (`…]?$` in the language tag), hence unicodeRegExp off.
 */
export function sarifValidator(): ValidateFunction {
  if (validator) return validator;
  const Ajv = require('ajv-draft-04') as typeof import('ajv').default;
  const addFormats = require('ajv-formats') as (a: unknown) => void;
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return (validator = ajv.compile(schema));
}

export function sarifErrors(log: unknown): string[] {
  const v = sarifValidator();
  return v(log) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
