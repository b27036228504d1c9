import { createRequire } from 'node:module';

/**
 * YAML is only needed for front matter, YAML configs and --rule; the library is ~50 modules, so it is loaded
 * on first use rather than at start-up.
 */
let mod: typeof import('yaml') | undefined;

export function parseYaml(text: string): unknown {
  if (!mod) mod = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return mod.parse(text);
}
