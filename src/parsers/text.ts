import { BlockBuilder } from '../model/builder.js';
import { assembleDocument, type RawBlock } from '../model/document.js';
import type { ReaderNotice } from '../model/types.js';
import { readDeclared } from './declared.js';
import type { Parser } from './types.js';
import { parseYaml } from '../util/yaml.js';

/**
 * Plain-text drafts: one line, one paragraph (as a drafter types them and as web extractions of 公文 come).
 *
 * Metadata may open the file either as YAML front matter between `---` lines, or as `# key: value` header
 * lines (the form the govcn-text corpus uses: `# 发文字号: 国发〔2018〕44号`).
 */
export const textParser: Parser = {
  kind: 'text',
  extensions: ['.txt', '.text'],
  binary: false,
  parse(input) {
    const source = (input.text ?? '').replace(/^\uFEFF/, '');
    const lines = source.split('\n');
    let raw: Record<string, unknown> = {};
    const notices: ReaderNotice[] = [];
    let first = 0;
    if (/^---\s*$/.test(lines[0] ?? '')) {
      const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
      if (end > 0) {
        try {
          const y = parseYaml(lines.slice(1, end).join('\n'));
          if (y && typeof y === 'object') raw = y as Record<string, unknown>;
        } catch (e) {
          notices.push({ id: 'front-matter', severity: 'warning', message: `开头的 YAML 元数据无法解析，已忽略：${(e as Error).message.split('\n')[0]}`, line: 1, column: 1 });
        }
        first = end + 1;
      }
    } else {
      while (first < lines.length && /^#\s*[^\s:：]+\s*[:：]/.test(lines[first]!)) {
        const m = /^#\s*([^\s:：]+)\s*[:：]\s*(.*)$/.exec(lines[first]!)!;
        raw[m[1]!] = m[2]!.trim();
        first++;
      }
    }
    const { declared, problems } = readDeclared(raw);
    for (const p of problems) {
      notices.push({ id: 'front-matter', severity: 'warning', message: `元数据“${p.key}: ${String(p.value)}”无法识别，应为：${p.expected}`, line: 1, column: 1 });
    }

    const blocks: RawBlock[] = [];
    let offset = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (i >= first) {
        const b = new BlockBuilder();
        b.addLinear(line.replace(/\r$/, ''), offset);
        blocks.push({ builder: b, type: 'paragraph' });
      }
      offset += line.length + 1;
    }
    return assembleDocument({
      kind: 'text',
      filePath: input.filePath,
      source,
      blocks,
      declared: { ...input.declared, ...declared },
      notices,
    });
  },
};
