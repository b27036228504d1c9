import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { rulesDataPath } from '../util/paths.js';

/**
 * ajv validators for configs, profiles and rule options. ajv is loaded on first use: linting with the
 * built-in defaults never pays for it.
 */
const validators = new Map<string, ValidateFunction>();
let ajv: import('ajv').default | undefined;

function instance(): import('ajv').default {
  if (!ajv) {
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv') as typeof import('ajv').default;
    ajv = new Ajv({ allErrors: true, strict: false, useDefaults: false });
  }
  return ajv;
}

/** A named schema from rules/schema (config, profile), or an inline one (rule options). */
export function getValidator(name: string, schema?: Record<string, unknown>): ValidateFunction {
  const hit = validators.get(name);
  if (hit) return hit;
  const s = schema ?? (JSON.parse(readFileSync(rulesDataPath('schema', `${name}.schema.json`), 'utf8')) as Record<string, unknown>);
  const { $id: _drop, ...rest } = s as { $id?: string };
  const v = instance().compile(rest);
  validators.set(name, v);
  return v;
}

function keyPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * One readable sentence from ajv's errors: the deepest path wins (an `anyOf` at the top says little), and
 * "must be …" becomes what was expected, in Chinese.
 */
export function formatAjvErrors(errors: ErrorObject[]): { path: string; expected: string } {
  if (errors.length === 0) return { path: '', expected: '格式不正确' };
  const depth = (e: ErrorObject): number => e.instancePath.split('/').length;
  const deepest = Math.max(...errors.map(depth));
  const at = errors.filter((e) => depth(e) === deepest && e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const chosen = at.length ? at : errors;
  const path = keyPath(chosen[0]!.instancePath);
  const parts = new Set<string>();
  for (const e of chosen) parts.add(describe(e));
  return { path, expected: [...parts].join('；或') };
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, any>;
  switch (e.keyword) {
    case 'enum':
      return `应为以下之一：${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join('、')}`;
    case 'type':
      return `应为${({ string: '字符串', number: '数字', integer: '整数', boolean: '布尔值', object: '对象', array: '数组' } as Record<string, string>)[p.type] ?? p.type}`;
    case 'additionalProperties':
      return `不认识的键“${p.additionalProperty}”`;
    case 'required':
      return `缺少必需的键“${p.missingProperty}”`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `应不小于 ${p.limit}`;
    case 'maximum':
      return `应不大于 ${p.limit}`;
    case 'minItems':
      return `至少 ${p.limit} 项`;
    case 'maxItems':
      return `至多 ${p.limit} 项`;
    case 'minLength':
      return `不能为空`;
    case 'pattern':
      return `应符合格式 ${p.pattern}`;
    default:
      return e.message ?? '格式不正确';
  }
}
