import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { Command, CommanderError, Option } from 'commander';
import { parseYaml } from '../util/yaml.js';
import { Linter } from '../engine/api.js';
import { ConfigError } from '../engine/config.js';
import type { RuleEntry } from '../engine/config-types.js';
import type { LintResult, Locale } from '../engine/types.js';
import { parserFor, supportedExtensions } from '../parsers/registry.js';
import { formatterNames, loadFormatter } from '../formatters/index.js';
import { citeShort } from '../rules/lib/cites.js';
import { listFiles, NoFilesError } from './files.js';
import { writeFixed } from './fix-write.js';
import { LintCache } from './cache.js';
import { ChangedFilesError, changedSince, onlyChanged } from './changed.js';
import { readVersion } from './version.js';
import { tuneForBatch } from '../util/v8-tuning.js';

/** Exit codes, as ESLint's: 0 clean, 1 lint errors (or too many warnings), 2 usage or configuration error. */
export const EXIT = { OK: 0, LINT: 1, USAGE: 2 } as const;

class UsageError extends Error {}

interface CliOptions {
  format: string;
  outputFile?: string;
  profile?: string;
  rule?: string[];
  maxWarnings?: string;
  quiet?: boolean;
  printConfig?: string;
  listRules?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  locale?: string;
  config?: string;
  configLookup: boolean;
  docType?: string;
  category?: string;
  direction?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  ignorePath?: string;
  ignore: boolean;
  color?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  changedSince?: string;
  stats?: boolean;
  convertLegacy?: boolean;
}

function parseRuleFlag(s: string): Record<string, RuleEntry> {
  let v: unknown;
  try {
    v = s.trim().startsWith('{') ? JSON.parse(s) : parseYaml(s);
  } catch (e) {
    throw new UsageError(`--rule “${s}” 无法解析：${(e as Error).message.split('\n')[0]}。示例：--rule 'length-cap: off' 或 --rule 'length-cap: [error, {caps: {专项: 3000}}]'`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`--rule “${s}” 应为“规则: 级别”形式，例如 --rule 'signer-required: warn'`);
  return v as Record<string, RuleEntry>;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function write(text: string, outputFile?: string): void {
  if (outputFile) {
    mkdirSync(dirname(resolve(outputFile)), { recursive: true });
    writeFileSync(outputFile, text);
  } else {
    process.stdout.write(text);
  }
}

export async function main(argv: string[]): Promise<number> {
  if (argv[2] === 'audit') {
    // Batch audit of archives has its own options and subcommands (merge, report): its own parser.
    const { auditMain } = await import('../audit/cli.js');
    return auditMain(argv.slice(3));
  }
  if (argv.slice(2).includes('--lsp')) {
    // The language server owns stdin/stdout from here on; it ends with the client's `exit` or a closed input.
    const { runStdio } = await import('../lsp/stdio.js');
    runStdio();
    return new Promise<number>((done) => process.stdin.on('close', () => done(EXIT.OK)));
  }
  const program = new Command();
  program
    .name('gwlint')
    .description('公文合规检查：按 GB/T 9704-2012、《党政机关公文处理工作条例》和各地工作规则检查公文草稿')
    .version(readVersion(), '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .argument('[files...]', '要检查的文件、文件夹或 glob')
    .addOption(new Option('-f, --format <name>', `输出格式：${formatterNames().join(' | ')}`).default('stylish'))
    .option('-o, --output-file <path>', '把结果写入文件')
    .option('-p, --profile <name>', '适用的工作规则（national, jinghai, tongzhou …）')
    .option('--rule <rule>', "规则设置，可重复：--rule 'length-cap: off'", (v: string, prev: string[] = []) => [...prev, v])
    .option('--max-warnings <n>', '警告超过该数目时以 1 退出')
    .option('--quiet', '只报告错误')
    .option('--print-config <file>', '打印适用于该文件的配置（含规则依据）')
    .option('--list-rules', '列出全部规则')
    .option('--stdin', '从标准输入读取草稿')
    .option('--stdin-filename <name>', '标准输入内容的文件名（决定格式和配置）')
    .option('--locale <zh|en>', '消息语言（默认中文）')
    .option('-c, --config <file>', '使用指定的配置文件')
    .option('--no-config-lookup', '不查找配置文件，只用内置默认')
    .option('--doc-type <文种>', '声明文种（草稿无法判断时）')
    .option('--category <类别>', '声明类别：综合 | 专项 | 简报 | 研究报告')
    .option('--direction <方向>', '声明行文方向：上行 | 平行 | 下行')
    .option('--fix', '自动修正可安全修正的问题并写回文件')
    .option('--fix-dry-run', '显示自动修正的结果，不写回')
    .option('--ignore-path <file>', '忽略文件（默认 .gwlintignore）')
    .option('--no-ignore', '不使用忽略文件')
    .option('--cache', '缓存结果：内容、配置和 gwlint 都未变的文件不再解析（存于 .gwlintcache）')
    .option('--cache-location <path>', '缓存文件或所在文件夹（默认 ./.gwlintcache）')
    .option('--changed-since <ref>', '只检查相对 git 引用有改动的文件（含未提交和未跟踪的文件）')
    .option('--stats', '在标准错误输出中报告文件数、解析次数和缓存命中数')
    .option('--convert-legacy', '旧版 .doc/.wps 先由 LibreOffice（soffice）转换为 .docx 再检查')
    .option('--color', '彩色输出')
    .option('--no-color', '不用彩色输出')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      [
        '',
        '其他用法：',
        '  gwlint audit <文件夹…> [--report audit.html]   批量审查档案：并行、可续查，生成数据库和 HTML 报告（gwlint audit --help）',
        '  gwlint --lsp                                  以语言服务器方式运行（stdio），供 VS Code、Neovim 等编辑器使用',
        '',
        '退出码：0 无错误；1 有错误或警告超过 --max-warnings；2 用法或配置错误。',
      ].join('\n'),
    );

  let opts: CliOptions;
  let patterns: string[];
  try {
    program.parse(argv);
    opts = program.opts<CliOptions>();
    patterns = program.args;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    throw e;
  }

  const cwd = process.cwd();
  const locale: Locale | undefined = opts.locale === 'en' ? 'en' : opts.locale === 'zh' ? 'zh' : undefined;
  try {
    if (opts.locale && !locale) throw new UsageError(`--locale 只能是 zh 或 en，收到“${opts.locale}”`);
    const cliRules: Record<string, RuleEntry> = {};
    for (const r of opts.rule ?? []) Object.assign(cliRules, parseRuleFlag(r));
    const cliSettings: Record<string, unknown> = {};
    if (opts.docType) cliSettings.docType = opts.docType;
    if (opts.category) cliSettings.category = opts.category;
    if (opts.direction) cliSettings.direction = opts.direction;
    const linter = new Linter({
      cwd,
      ...(locale ? { locale } : {}),
      ...(opts.config ? { configFile: resolve(cwd, opts.config) } : {}),
      noConfig: !opts.configLookup,
      ...(opts.profile ? { profile: opts.profile } : {}),
      cliRules,
      cliSettings,
      fix: Boolean(opts.fix || opts.fixDryRun),
      ...(opts.convertLegacy ? { convertLegacy: true } : {}),
    });

    if (opts.listRules) {
      await linter.prepare(resolve(cwd, '__gwlint__.md'));
      const lines = [...linter.rules.values()].map((r) => {
        const d = locale === 'en' ? r.meta.description.en : r.meta.description.zh;
        return `${r.meta.id.padEnd(24)} ${r.meta.severity === 'error' ? '错误' : '警告'}${r.meta.fixable ? ' 可修正' : ''}  ${d}\n${' '.repeat(25)}依据：${r.meta.cites.map(citeShort).join('；')}`;
      });
      write(lines.join('\n') + '\n', opts.outputFile);
      return EXIT.OK;
    }
    if (opts.printConfig) {
      const cfg = await linter.loadConfig(resolve(cwd, opts.printConfig));
      const rules = Object.fromEntries(
        Object.entries(cfg.rules).map(([id, s]) => [
          id,
          {
            severity: s.severity,
            // The options the rule runs with: its defaults under what the config and profile set (as the runner merges them).
            options: { ...(linter.rules.get(id)?.meta.defaultOptions ?? {}), ...s.options },
            cites: s.cites?.length ? s.cites : linter.rules.get(id)?.meta.cites ?? [],
            source: s.source,
          },
        ]),
      );
      write(JSON.stringify({ profile: cfg.profile ?? null, declared: cfg.declared, sources: cfg.sources, rules }, null, 2) + '\n', opts.outputFile);
      return EXIT.OK;
    }

    const formatter = await loadFormatter(opts.format);
    if (!formatter) throw new UsageError(`未知的输出格式“${opts.format}”；可用：${formatterNames().join('、')}`);
    let maxWarnings: number | undefined;
    if (opts.maxWarnings !== undefined) {
      maxWarnings = Number(opts.maxWarnings);
      if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings 应为整数，收到“${opts.maxWarnings}”`);
    }

    let results: LintResult[];
    let cache: LintCache | undefined;
    let changedNote = '';
    if (opts.stdin && opts.changedSince) throw new UsageError('--changed-since 不能与 --stdin 同用：标准输入没有 git 历史');
    if (opts.stdin) {
      const input = await readStdin();
      const name = opts.stdinFilename ?? 'stdin.md';
      // A binary format (.docx) gets the bytes as they came; text formats get UTF-8 text as before.
      const binary = (await parserFor(resolve(cwd, name)))?.binary ?? false;
      const r = await linter.lintText(binary ? new Uint8Array(input) : input.toString('utf8'), resolve(cwd, name));
      results = [r];
      if (opts.fixDryRun || opts.fix) {
        // With stdin there is no file to write: print the fixed text (as ESLint does with --fix-dry-run).
        if (opts.format === 'stylish' && r.output !== undefined && opts.fix && !opts.fixDryRun) {
          process.stdout.write(r.output);
          return r.errorCount > 0 ? EXIT.LINT : EXIT.OK;
        }
      }
    } else {
      if (patterns.length === 0) throw new UsageError('请给出要检查的文件或文件夹，例如：gwlint drafts/（gwlint --help 查看用法）');
      // The config here may name plugins that bring parsers: load them before folders are searched by extension.
      await linter.prepare(resolve(cwd, '__gwlint__.md'));
      const files = await listFiles(patterns, {
        cwd,
        extensions: [...supportedExtensions(), '.doc', '.wps'],
        useIgnore: opts.ignore,
        ...(opts.ignorePath ? { ignorePath: opts.ignorePath } : {}),
      });
      let selected = files;
      if (opts.changedSince) {
        selected = onlyChanged(files, changedSince(opts.changedSince, cwd));
        changedNote = `--changed-since ${opts.changedSince}：${files.length} 个文件中 ${selected.length} 个有改动`;
      }
      if (opts.cache) cache = LintCache.open(opts.cacheLocation, cwd, readVersion());
      const cacheExtra = JSON.stringify({ locale: locale ?? null, fix: Boolean(opts.fix || opts.fixDryRun) });
      results = [];
      if (selected.length > 1) tuneForBatch();
      for (const f of selected) {
        const ig = linter.resolver.ignorePatternsFor(f);
        if (ig && ignoredByConfig(f, ig) && !patterns.some((p) => resolve(cwd, p) === f)) continue;
        const r = cache
          ? await cache.lint(f, linter, { extra: cacheExtra, fix: Boolean(opts.fix || opts.fixDryRun) }, () => linter.lintFile(f))
          : await linter.lintFile(f);
        if (opts.fix && !opts.fixDryRun && r.output !== undefined && r.output !== r.source) {
          const why = writeFixed(f, r.output);
          if (why) process.stderr.write(`gwlint: ${relative(cwd, f) || f}：${why}\n`);
        }
        results.push(r);
      }
    }

    if (cache) {
      try {
        cache.save();
      } catch (e) {
        process.stderr.write(`gwlint: 无法写入缓存 ${cache.location}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}（结果不受影响）\n`);
      }
    }
    if (opts.stats) {
      const parts = [`文件 ${results.length} 个`, `解析 ${linter.stats.parsed} 次`];
      if (cache) parts.push(`缓存命中 ${cache.stats.hits} 个、未命中 ${cache.stats.misses} 个（${relative(cwd, cache.location) || cache.location}）`);
      if (changedNote) parts.push(changedNote);
      process.stderr.write(`gwlint 统计：${parts.join('；')}\n`);
    }

    if (opts.fixDryRun) {
      // Show what --fix would write, as a unified-looking diff per file.
      const { diffLines } = await import('./diff.js');
      for (const r of results) if (r.output !== undefined && r.output !== r.source) process.stdout.write(diffLines(r.filePath, cwd, r));
    }

    if (opts.quiet) {
      for (const r of results) {
        r.messages = r.messages.filter((m) => m.severity === 'error');
        r.warningCount = 0;
      }
    }
    const errors = results.reduce((n, r) => n + r.errorCount, 0);
    const warnings = results.reduce((n, r) => n + r.warningCount, 0);
    const tooMany = maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings;
    const color = opts.color ?? (Boolean(process.stdout.isTTY) && !opts.outputFile && !process.env.NO_COLOR);
    const text = formatter(results, {
      cwd,
      locale: locale ?? 'zh',
      color,
      rules: linter.rules,
      ...(tooMany ? { maxWarningsExceeded: { maxWarnings: maxWarnings!, foundWarnings: warnings } } : {}),
    });
    write(text, opts.outputFile);
    return errors > 0 || tooMany ? EXIT.LINT : EXIT.OK;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`gwlint: 配置错误：${e.file}${e.keyPath ? ` 中的 ${e.keyPath}` : ''}：${e.expected}\n`);
      return EXIT.USAGE;
    }
    if (e instanceof UsageError || e instanceof NoFilesError || e instanceof ChangedFilesError) {
      process.stderr.write(`gwlint: ${e.message}\n`);
      return EXIT.USAGE;
    }
    throw e;
  }
}

function ignoredByConfig(file: string, ig: { base: string; patterns: string[] }): boolean {
  const rel = relative(ig.base, file).split(sep).join('/');
  return picomatch(ig.patterns, { dot: true })(rel) || picomatch(ig.patterns.map((p) => `${p.replace(/\/$/, '')}/**`), { dot: true })(rel);
}
