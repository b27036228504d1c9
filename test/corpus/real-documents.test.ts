import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import { SHARED } from '../helpers.js';

/**
 * Regression run over real documents (as markdownlint does over real repositories): every finding on the 60
 * State Council texts and the five 工作规则 is written to a snapshot that a reviewer reads line by line. A
 * change in behaviour shows up as a diff of that file; `npx vitest run -u test/corpus` accepts it.
 */
const sets = [
  { name: 'govcn-text', dir: join(SHARED, 'corpus', 'govcn-text') },
  { name: 'regulations', dir: join(SHARED, 'regulations') },
];

describe('real documents', () => {
  for (const set of sets) {
    it.skipIf(!existsSync(set.dir))(`${set.name}: no crash, no fatal message, findings as reviewed`, async () => {
      const linter = new Linter({ noConfig: true });
      const files = readdirSync(set.dir).filter((f) => f.endsWith('.txt')).sort();
      expect(files.length).toBeGreaterThan(0);
      const lines: string[] = [];
      for (const f of files) {
        const r = await linter.lintFile(join(set.dir, f));
        expect(r.messages.filter((m) => m.fatal), f).toEqual([]);
        lines.push(`## ${basename(f)} — ${r.docType ?? '文种未识别'} · ${r.direction ?? '?'} · 正文 ${r.charCount} 字`);
        for (const m of r.messages) lines.push(`${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`);
      }
      await expect(lines.join('\n') + '\n').toMatchFileSnapshot(`./__snapshots__/${set.name}.findings.txt`);
    });
  }
});
