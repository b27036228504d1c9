import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parseYaml } from '../util/yaml.js';
import type { Nodes, Root, RootContent } from 'mdast';
import { BlockBuilder } from '../model/builder.js';
import { assembleDocument, type RawBlock } from '../model/document.js';
import type { Directive, GwBlock, GwDocument, ReaderNotice } from '../model/types.js';
import { readDeclared } from './declared.js';
import type { ParseInput, Parser } from './types.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * GFM (for tables) pulls in the whole Markdown serialiser, ~80 modules: loaded only for a draft that has a
 * table (a header row followed by a |---| delimiter row), so the common draft starts fast.
 */
const TABLE = /^ {0,3}\|?[^\n]*\|[^\n]*\n {0,3}\|? *:?-+:? *(\|[^\n]*)?$/m;
let tableProcessor: Promise<typeof processor> | undefined;
function withTables(): Promise<typeof processor> {
  tableProcessor ??= import('remark-gfm').then((m) => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(m.default) as unknown as typeof processor);
  return tableProcessor;
}

const DIRECTIVE = /<!--\s*gwlint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

function readDirectives(value: string, line: number, out: Directive[]): void {
  for (const m of value.matchAll(DIRECTIVE)) {
    const names = m[2]!
      .split(/[\s,，]+/)
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('--'));
    out.push({ kind: m[1] as Directive['kind'], rules: names.length ? names : 'all', line });
  }
}

/**
 * Maps a text node whose value differs from its source (backslash escapes, character references) piece by
 * piece, so that a finding after an `&amp;` still points at its own characters. Line breaks end the block.
 * Returns false when the two cannot be aligned; the caller then maps the node as a whole.
 */
function alignInto(ctx: { cur: BlockBuilder; flush: () => void }, value: string, slice: string, start: number): boolean {
  const pieces: { v: string; at: number; len: number; linear: boolean }[] = [];
  let i = 0;
  let j = 0;
  while (i < value.length) {
    const c = value[i]!;
    const ref = slice[j] === '&' ? /^&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.exec(slice.slice(j, j + 34)) : null;
    if (ref && (c !== '&' || ref[1] === 'amp')) {
      // A character reference decodes to one or two UTF-16 units (astral characters).
      const units = value.codePointAt(i)! > 0xffff ? 2 : 1;
      pieces.push({ v: value.slice(i, i + units), at: j, len: ref[0].length, linear: false });
      i += units;
      j += ref[0].length;
    } else if (slice[j] === c) {
      pieces.push({ v: c, at: j, len: 1, linear: true });
      i++;
      j++;
    } else if (slice[j] === '\\' && slice[j + 1] === c) {
      pieces.push({ v: c, at: j, len: 2, linear: false });
      i++;
      j += 2;
    } else {
      return false;
    }
  }
  let run = '';
  let runAt = 0;
  const flushRun = (): void => {
    if (run) ctx.cur.addLinear(run, start + runAt);
    run = '';
  };
  for (const p of pieces) {
    if (p.v === '\n') {
      flushRun();
      ctx.flush();
    } else if (p.linear) {
      if (!run) runAt = p.at;
      run += p.v;
    } else {
      flushRun();
      ctx.cur.addMapped(p.v, start + p.at, p.len);
    }
  }
  flushRun();
  return true;
}

/**
 * Markdown drafts through unified + remark-parse. Each line of a paragraph becomes its own block: 公文 parts
 * (主送机关, 署名, 成文日期, 抄送 …) are line-oriented, and Chinese prose is not hard-wrapped, so a soft line
 * break in a draft almost always separates two parts.
 */
export const markdownParser: Parser = {
  kind: 'markdown',
  extensions: ['.md', '.markdown', '.mdown', '.mkd'],
  binary: false,
  parse(input) {
    const source = (input.text ?? '').replace(/^\uFEFF/, '');
    if (TABLE.test(source)) return withTables().then((p) => fromTree(p.parse(source) as Root, source, input));
    return fromTree(processor.parse(source) as Root, source, input);
  },
};

function fromTree(tree: Root, source: string, input: ParseInput): GwDocument {
  const blocks: RawBlock[] = [];
  const directives: Directive[] = [];
  const notices: ReaderNotice[] = [];
  let raw: Record<string, unknown> = {};

  // Collects inline content; a newline inside a text node ends the current block.
  const inline = (node: Nodes, ctx: { cur: BlockBuilder; flush: () => void }): void => {
    const pos = node.position;
    switch (node.type) {
      case 'text': {
        const start = pos?.start.offset ?? 0;
        const end = pos?.end.offset ?? start;
        const slice = source.slice(start, end);
        if (slice === node.value) {
          // Split at line breaks, keeping offsets exact.
          let off = 0;
          for (const part of node.value.split('\n')) {
            if (off > 0) ctx.flush();
            ctx.cur.addLinear(part, start + off);
            off += part.length + 1;
          }
        } else if (!alignInto(ctx, node.value, slice, start)) {
          ctx.cur.addMapped(node.value, start, end - start);
        }
        return;
      }
      case 'inlineCode': {
        const start = pos?.start.offset ?? 0;
        const end = pos?.end.offset ?? start;
        const inner = source.slice(start, end).indexOf(node.value);
        if (inner >= 0) ctx.cur.addLinear(node.value, start + inner);
        else ctx.cur.addMapped(node.value, start, end - start);
        return;
      }
      case 'break':
        ctx.flush();
        return;
      case 'html':
        readDirectives(node.value, pos?.start.line ?? 1, directives);
        return;
      case 'image':
        return;
      default:
        if ('children' in node) for (const c of node.children as Nodes[]) inline(c, ctx);
    }
  };

  const blockOf = (node: Nodes, type: GwBlock['type'], markdownDepth?: number): void => {
    let cur = new BlockBuilder();
    const flush = (): void => {
      blocks.push({ builder: cur, type, extra: markdownDepth !== undefined ? { markdownDepth } : {} });
      cur = new BlockBuilder();
    };
    const ctx = {
      get cur() {
        return cur;
      },
      flush,
    };
    if ('children' in node) for (const c of node.children as Nodes[]) inline(c, ctx);
    flush();
  };

  const walk = (node: Nodes | RootContent, inList: boolean): void => {
    switch (node.type) {
      case 'yaml': {
        try {
          const y = parseYaml(node.value);
          if (y && typeof y === 'object') raw = y as Record<string, unknown>;
        } catch (e) {
          notices.push({ id: 'front-matter', severity: 'warning', message: `YAML 元数据无法解析，已忽略：${(e as Error).message.split('\n')[0]}`, line: 1, column: 1 });
        }
        return;
      }
      case 'heading':
        blockOf(node, 'heading', node.depth);
        return;
      case 'paragraph':
        blockOf(node, inList ? 'listItem' : 'paragraph');
        return;
      case 'tableCell':
        blockOf(node, 'tableCell');
        return;
      case 'html':
        readDirectives(node.value, node.position?.start.line ?? 1, directives);
        return;
      case 'code':
        return;
      case 'listItem':
        for (const c of node.children) walk(c, true);
        return;
      default:
        if ('children' in node) for (const c of node.children as Nodes[]) walk(c, inList);
    }
  };
  walk(tree, false);

  const { declared, problems } = readDeclared(raw);
  for (const p of problems) {
    notices.push({ id: 'front-matter', severity: 'warning', message: `元数据“${p.key}: ${String(p.value)}”无法识别，应为：${p.expected}`, line: 1, column: 1 });
  }
  return assembleDocument({
    kind: 'markdown',
    filePath: input.filePath,
    source,
    blocks,
    declared: { ...input.declared, ...declared },
    directives,
    notices,
  });
}
