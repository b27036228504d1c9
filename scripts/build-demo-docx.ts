import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixture } from '../fixtures/docx/build.js';

/**
 * Writes the Word drafts the demo lints (`npm run fixtures:docx`), built in code with the `docx` library from
 * the same specs the layout tests use: one GB/T 9704-compliant 请示 in each script and three with one fault
 * each. test/fixtures.test.ts checks that the committed files are exactly what this builds.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_DOCX: [file: string, variant: string, script: 'simplified' | 'traditional'][] = [
  ['请示-合规.docx', 'compliant', 'simplified'],
  ['請示-合規-繁體.docx', 'compliant', 'traditional'],
  ['请示-天头30毫米.docx', 'top-margin-30mm', 'simplified'],
  ['请示-正文宋体.docx', 'body-songti', 'simplified'],
  ['请示-页码居中.docx', 'page-number-centred', 'simplified'],
];

export async function buildDemoDocx(outDir = join(ROOT, 'fixtures', 'docx')): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const out: string[] = [];
  for (const [file, id, script] of DEMO_DOCX) {
    const bytes = await buildFixture(id, script);
    writeFileSync(join(outDir, file), bytes);
    out.push(join(outDir, file));
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of await buildDemoDocx()) process.stdout.write(`${f}\n`);
}
