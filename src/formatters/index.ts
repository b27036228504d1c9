import type { Formatter } from './types.js';

/** Output formats by name; loaded on demand. A new format is a file here and a line in this table. */
const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
};

export function formatterNames(): string[] {
  return Object.keys(FORMATTERS);
}

export function registerFormatter(name: string, load: () => Promise<Formatter>): void {
  FORMATTERS[name] = load;
}

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const load = FORMATTERS[name];
  return load ? load() : undefined;
}
