import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench`: runs every bench/*.bench.ts section (compiled to dist/bench). Each section measures its
 * subject against a baseline measured in the same run and prints ratios: these machines are shared and noisy,
 * so bare seconds mean little. `npm run bench -- core` runs only sections whose file name contains "core".
 */
export interface BenchSection {
  title: string;
  run(): Promise<string>;
}

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { section: BenchSection };
  process.stdout.write(`\n## ${mod.section.title}\n\n`);
  const t = Date.now();
  process.stdout.write((await mod.section.run()) + '\n');
  process.stdout.write(`(section took ${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
}
