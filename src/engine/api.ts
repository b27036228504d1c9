import { extname, resolve } from 'node:path';
import type { DeclaredMeta, GwDocument } from '../model/types.js';
import { parserFor, supportedExtensions } from '../parsers/registry.js';
import { InputError, type ByteSource, type ParseInput } from '../parsers/types.js';
import { ruleMap } from '../rules/index.js';
import { capFor } from '../rules/length-cap.js';
import { citeShort } from '../rules/lib/cites.js';
import { ConfigError, ConfigResolver, type ResolveOptions } from './config.js';
import type { ResolvedConfig } from './config-types.js';
import { applyFixes, runRules, structure, summarize } from './linter.js';
import { PluginLoader } from './plugins.js';
import { MAX_FILE_BYTES, MAX_TEXT_BYTES, decodeText, openBounded, readBounded, sniff } from './read.js';
import type { LintMessage, LintResult, Locale, Rule } from './types.js';

export interface LinterOptions extends Partial<Omit<ResolveOptions, 'rules'>> {
  cwd?: string;
  locale?: Locale;
  /** Apply fixes and return the fixed text as `output`. */
  fix?: boolean;
  /** Extra rules (plugins). */
  rules?: Rule[];
  /** Convert legacy .doc/.wps files to .docx through LibreOffice (soffice) before linting them. */
  convertLegacy?: boolean;
  /**
   * Read every file whole before parsing, instead of letting a reader that can (.docx) read an open file piece
   * by piece. For a thread that may be stopped mid-file (the audit's workers): a stopped thread's open file
   * would stay open for the life of the process.
   */
  readWholeFiles?: boolean;
  /** Given the bytes of each file lintFile reads whole (the audit hashes them, rather than reading files twice). */
  onFileRead?: (bytes: Uint8Array) => void;
  /** Given each structured document lintText builds, before the rules run (the audit reports its 发文字号, 成文日期 …). */
  onDocument?: (doc: GwDocument) => void;
}

const LEGACY = new Set(['.doc', '.wps', '.wpt', '.dot']);

/**
 * The engine as a library: the CLI, the language server and the audit all lint through this, so they agree.
 */
export class Linter {
  readonly rules: Map<string, Rule>;
  readonly resolver: ConfigResolver;
  /** Loads the `plugins` a config names into `rules` (and profiles); off with `allowPlugins: false`. */
  readonly plugins: PluginLoader;
  /** Counters for --stats and tests: how many times a draft was parsed. */
  readonly stats = { parsed: 0 };
  constructor(readonly options: LinterOptions = {}) {
    this.rules = ruleMap(options.rules ?? []);
    const profiles = new Map(options.profiles ?? []);
    this.resolver = new ConfigResolver({ ...options, rules: this.rules, profiles });
    this.plugins = new PluginLoader(this.rules, profiles, options.allowPlugins !== false);
  }

  /** Loads the plugins named by the config that applies to `filePath` (once each). Throws ConfigError. */
  async prepare(filePath: string): Promise<void> {
    const file = this.resolver.configFileFor(this.abs(filePath));
    if (file) await this.plugins.loadFor(file);
  }

  /** configFor, after loading the plugins that config needs. */
  async loadConfig(filePath: string): Promise<ResolvedConfig> {
    await this.prepare(filePath);
    return this.configFor(filePath);
  }

  configFor(filePath: string): ResolvedConfig {
    return this.resolver.resolve(this.abs(filePath));
  }

  private abs(p: string): string {
    return resolve(this.options.cwd ?? process.cwd(), p);
  }

  private locale(config: ResolvedConfig): Locale {
    return this.options.locale ?? config.locale ?? 'zh';
  }

  /** Parses and structures a draft without linting it. */
  async parse(text: string | Uint8Array | ByteSource, filePath: string, declared: DeclaredMeta = {}): Promise<GwDocument> {
    this.stats.parsed++;
    const parser = await parserFor(filePath);
    if (!parser) throw new InputError(`不支持的文件类型“${extname(filePath) || '（无扩展名）'}”`, `gwlint 读取：${supportedExtensions().join(' ')}`);
    let input: ParseInput;
    if (typeof text === 'string') input = parser.binary ? { filePath, bytes: Buffer.from(text), declared } : { filePath, text, declared };
    else if (parser.binary && parser.readsSource && !(text instanceof Uint8Array)) input = { filePath, source: text, declared };
    else {
      const bytes = text instanceof Uint8Array ? text : text.read(0, text.length);
      input = parser.binary ? { filePath, bytes, declared } : { filePath, text: decodeText(bytes).text, declared };
    }
    return structure(await parser.parse(input));
  }

  /**
   * Lints text (or bytes, or an open file's ByteSource) as if it were the file at `filePath` (the path picks
   * the parser and the config).
   */
  async lintText(text: string | Uint8Array | ByteSource, filePath = 'stdin.md'): Promise<LintResult> {
    await this.prepare(filePath);
    const config = this.configFor(filePath);
    const locale = this.locale(config);
    let doc: GwDocument;
    try {
      doc = await this.parse(text, filePath, config.declared);
    } catch (e) {
      return fatalResult(filePath, e, locale);
    }
    // Parsed: the input (a .docx's bytes, a text file's raw string) is not needed while the rules run.
    text = '';
    this.options.onDocument?.(doc);
    let messages = runRules(doc, config, { locale, rules: this.rules });
    let output: string | undefined;
    const original = doc.data.source;
    if (this.options.fix && doc.data.kind !== 'docx' && messages.some((m) => m.fix)) {
      // Re-lint after each pass, as fixes can uncover or resolve others; stop when nothing changes.
      let source = doc.data.source;
      for (let pass = 0; pass < 10; pass++) {
        const { output: next, applied } = applyFixes(source, messages);
        if (applied === 0 || next === source) break;
        source = next;
        doc = await this.parse(source, filePath, config.declared);
        messages = runRules(doc, config, { locale, rules: this.rules });
      }
      output = source;
    }
    const capSetting = config.rules['length-cap'];
    const cap = capSetting && capSetting.severity !== 'off' ? capFor(doc.data.category.value, capSetting.options as never) : undefined;
    const cites = capSetting?.cites?.length ? capSetting.cites : this.rules.get('length-cap')?.meta.cites ?? [];
    const result = summarize(filePath, doc, messages, cap ? { limit: cap, basis: cites.map(citeShort).join('、') } : null);
    if (output !== undefined) {
      result.output = output;
      result.source = original;
    }
    return result;
  }

  /** Lints a file from disk. Never throws for the file's own faults: they become a fatal message. */
  async lintFile(filePath: string): Promise<LintResult> {
    const abs = this.abs(filePath);
    let locale: Locale = this.options.locale ?? 'zh';
    try {
      await this.prepare(abs);
      const config = this.configFor(abs);
      locale = this.locale(config);
      const ext = extname(abs).toLowerCase();
      if (LEGACY.has(ext)) return await this.lintLegacy(abs, ext);
      const parser = await parserFor(abs);
      if (!parser) throw new InputError(`不支持的文件类型“${ext || '（无扩展名）'}”`, `gwlint 读取：${supportedExtensions().join(' ')}`);
      if (parser.binary && parser.readsSource && !this.options.readWholeFiles) {
        // Read from the open file as the reader needs it: a large .docx is never held whole.
        const file = openBounded(abs, MAX_FILE_BYTES);
        try {
          if (file.source.length === 0) throw new InputError('文件是空的', '确认保存了正确的文件');
          const result = await this.lintText(file.source, abs);
          result.filePath = abs;
          return result;
        } finally {
          file.close();
        }
      }
      // The bytes go straight into lintText, which lets go of them once parsed: no variable here keeps a
      // 20 MB file alive while the rules run.
      const result = await this.lintText(await readChecked(abs, parser.binary === true, ext, this.options.onFileRead), abs);
      result.filePath = abs;
      return result;
    } catch (e) {
      // A configuration error is the user's to fix for every file: let it stop the run (exit 2). Anything
      // else stays with this file, so one broken draft never stops an archive run.
      if (e instanceof ConfigError) throw e;
      if (e instanceof InputError) return fatalResult(abs, e, locale);
      return fatalResult(abs, new InputError(`读取时出错：${(e as Error)?.message ?? String(e)}`, '这可能是 gwlint 的缺陷，请附上该文件报告问题'), locale);
    }
  }

  /** .doc/.wps: a .docx under the old name is read as one; real legacy files only through --convert-legacy. */
  private async lintLegacy(abs: string, ext: string): Promise<LintResult> {
    const bytes = await readBounded(abs, MAX_FILE_BYTES);
    this.options.onFileRead?.(bytes);
    if (sniff(bytes) === 'empty') throw new InputError('文件是空的', '确认保存了正确的文件');
    const asDocx = abs.slice(0, abs.length - ext.length) + '.docx';
    let note: string;
    let docx: Uint8Array;
    if (sniff(bytes) === 'zip') {
      docx = bytes;
      note = `文件扩展名是 ${ext}，内容其实是 .docx，已按 .docx 检查`;
    } else if (this.options.convertLegacy) {
      const { convertLegacy } = await import('../parsers/docx/convert.js');
      docx = await convertLegacy(abs);
      note = `已由 LibreOffice 把 ${ext} 转换为 .docx 后检查；版式以转换结果为准，定稿请另存为 .docx`;
    } else {
      throw new InputError(`旧版 Word/WPS 二进制格式（${ext}）无法直接读取`, '用 Word、WPS 或 LibreOffice 另存为 .docx 后再检查，或加 --convert-legacy 由 LibreOffice 自动转换');
    }
    const result = await this.lintText(docx, asDocx);
    result.filePath = abs;
    result.messages.unshift({ ruleId: 'input/converted', severity: 'warning', message: note, line: 1, column: 1, endLine: 1, endColumn: 1, cites: [] });
    result.warningCount++;
    return result;
  }
}

/** A file's bytes, refused with a clear reason when they are not what its extension says. */
async function readChecked(abs: string, binary: boolean, ext: string, onRead?: (bytes: Uint8Array) => void): Promise<Uint8Array> {
  const bytes = await readBounded(abs, binary ? MAX_FILE_BYTES : MAX_TEXT_BYTES);
  onRead?.(bytes);
  const kind = sniff(bytes);
  if (kind === 'empty') throw new InputError('文件是空的', '确认保存了正确的文件');
  if (!binary) {
    const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (kind === 'zip') throw new InputError(`内容是 zip/docx 文件，但扩展名是 ${ext}`, '把扩展名改为 .docx');
    if (kind === 'ole') throw new InputError(`内容是旧版 Word（.doc）或加密的 Word 文件，但扩展名是 ${ext}`, '用 Word 另存为 .docx');
    if (kind === 'pdf') throw new InputError(`内容是 PDF，但扩展名是 ${ext}`, 'gwlint 不检查 PDF；请提供 .docx、.md 或 .txt 草稿');
    if (kind === 'binary' && !bom16) throw new InputError('这不是文本文件（含有二进制内容）', '确认文件类型和扩展名一致');
  }
  return bytes;
}

export function fatalResult(filePath: string, e: unknown, locale: Locale): LintResult {
  const err = e as Error & { hint?: string };
  const reason = err?.message ?? String(e);
  const message: LintMessage = {
    ruleId: null,
    fatal: true,
    severity: 'error',
    message:
      locale === 'en'
        ? `Cannot lint this file: ${reason}${err?.hint ? `. ${err.hint}` : ''}`
        : `无法检查此文件：${reason}${err?.hint ? `。${err.hint}` : ''}`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    cites: [],
  };
  return {
    filePath,
    docType: null,
    direction: null,
    category: null,
    charCount: null,
    messages: [message],
    errorCount: 1,
    warningCount: 0,
    fixableCount: 0,
  };
}

/** One-shot helpers for library users. */
export async function lintText(text: string, options: LinterOptions & { filePath?: string } = {}): Promise<LintResult> {
  return new Linter(options).lintText(text, options.filePath ?? 'stdin.md');
}

export async function lintFile(filePath: string, options: LinterOptions = {}): Promise<LintResult> {
  return new Linter(options).lintFile(filePath);
}

/** The configuration that applies to a file, with the plugins it names loaded (what --print-config shows). */
export async function loadConfig(filePath: string, options: LinterOptions = {}): Promise<ResolvedConfig> {
  return new Linter(options).loadConfig(filePath);
}
