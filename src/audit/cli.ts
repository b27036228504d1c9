import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, join, relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { parseYaml } from '../util/yaml.js';
import { NoFilesError } from '../cli/files.js';
import { readVersion } from '../cli/version.js';
import { ConfigError } from '../engine/config.js';
import type { RuleEntry } from '../engine/config-types.js';
import { AuditDb, DbLockedError } from './db.js';
import { exportCsv, exportJsonl } from './export.js';
import { formatDuration } from './progress.js';
import type { WorkerLinterOptions } from './protocol.js';
import { writeReport } from './report/html.js';
import { runAudit, type AuditSummary } from './run.js';
import { parseShard, type Shard } from './shard.js';
import { thousands } from '../util/template.js';

/** Exit codes: 0 finished, 1 some files could not be checked with --strict, 2 usage/config, 130 interrupted. */
export const AUDIT_EXIT = { OK: 0, FAILED_FILES: 1, USAGE: 2, INTERRUPTED: 130 } as const;

class UsageError extends Error {}

const DEFAULT_DB = 'gwlint-audit.sqlite';
/** Per-file pages in a report by default (worst first): beyond a few thousand the page gets unwieldy. */
const DEFAULT_REPORT_PAGES = 5000;

interface RunCliOptions {
  db: string;
  jobs?: string;
  report?: string;
  jsonl?: string;
  csv?: string;
  shard?: string;
  timeout: string;
  maxMemory: string;
  convertLegacy?: boolean;
  soffice?: string;
  force?: boolean;
  retryFailed?: boolean;
  reportPages?: string;
  docxViews?: string;
  progress?: boolean;
  progressInterval: string;
  profile?: string;
  config?: string;
  configLookup: boolean;
  rule?: string[];
  locale?: string;
  ignorePath?: string;
  ignore: boolean;
  strict?: boolean;
}

interface OutputOptions {
  report?: string;
  jsonl?: string;
  csv?: string;
  reportPages?: string;
  docxViews?: string;
}

function positiveInt(v: string | undefined, flag: string, min = 1): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} 应为不小于 ${min} 的整数，收到“${v}”`);
  return n;
}

function parseRuleFlag(s: string): Record<string, RuleEntry> {
  let v: unknown;
  try {
    v = s.trim().startsWith('{') ? JSON.parse(s) : parseYaml(s);
  } catch (e) {
    throw new UsageError(`--rule “${s}” 无法解析：${(e as Error).message.split('\n')[0]}`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`--rule “${s}” 应为“规则: 级别”形式，例如 --rule 'signer-required: warn'`);
  return v as Record<string, RuleEntry>;
}

/** soffice on PATH (or the path given), or null. */
export function findSoffice(given?: string): string | null {
  if (given) return existsSync(given) ? resolve(given) : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      try {
        if (statSync(p).isFile()) return p;
      } catch {
        /* not here */
      }
    }
  }
  return null;
}

async function writeOutputs(dbFile: string, o: OutputOptions, log: (s: string) => void): Promise<void> {
  if (!o.report && !o.jsonl && !o.csv) return;
  const db = new AuditDb(dbFile, { readOnly: true });
  try {
    if (o.report) {
      const maxPages = positiveInt(o.reportPages, '--report-pages', 0) ?? DEFAULT_REPORT_PAGES;
      const docxViews = positiveInt(o.docxViews, '--docx-views', 0) ?? 100;
      let last = performance.now();
      const m = await writeReport(db, o.report, {
        maxPages,
        docxViews,
        onDocxView: (done, total) => {
          if (total >= 20 && performance.now() - last > 5000) {
            last = performance.now();
            log(`报告：正在生成 Word 版式预览 ${done}/${total}……`);
          }
        },
      });
      log(`报告：${o.report}（${thousands(m.totals.files)} 个文件${m.omittedPages ? `，其中 ${m.omittedPages} 个没有单独页面` : ''}）`);
    }
    if (o.jsonl) log(`JSONL：${o.jsonl}（${thousands(exportJsonl(db, o.jsonl))} 行，每行一个文件）`);
    if (o.csv) log(`CSV：${o.csv}（${thousands(exportCsv(db, o.csv))} 行，每行一个问题）`);
  } finally {
    db.close();
  }
}

function summaryText(s: AuditSummary, cwd: string, dbFile: string): string {
  const n = thousands;
  const lines: string[] = [];
  const rate = s.elapsedSec > 0 ? ` · ${(s.audited / s.elapsedSec).toFixed(1)} 个/秒` : '';
  lines.push(
    `${s.interrupted ? '已中断' : '完成'}：共 ${n(s.total)} 个文件，本次检查 ${n(s.audited)} 个${s.skipped ? `，未变而跳过 ${n(s.skipped)} 个` : ''}，发现问题 ${n(s.findings)} 个，无法检查 ${n(s.failed)} 个 · 用时 ${formatDuration(s.elapsedSec)}${rate}`,
  );
  if (s.failedFiles.length) {
    lines.push('无法检查的文件：');
    for (const f of s.failedFiles.slice(0, 20)) lines.push(`  ${relative(cwd, f.path) || f.path}：${f.reason}`);
    if (s.failedFiles.length > 20) lines.push(`  ……另有 ${n(s.failedFiles.length - 20)} 个，见报告或数据库（SELECT path, reason FROM files WHERE status <> 'checked'）`);
  }
  if (s.pruned) lines.push(`已从数据库移除 ${n(s.pruned)} 个已不存在的文件。`);
  if (s.interrupted) {
    const left = s.total - s.audited - s.skipped;
    lines.push(`已保存的结果在 ${dbFile}；再次运行同一命令只检查其余约 ${n(left)} 个文件。`);
  } else {
    lines.push(`数据库：${dbFile}（可用 sqlite3 查询，如 sqlite3 ${dbFile} "SELECT rule_id, count(*) FROM findings GROUP BY 1 ORDER BY 2 DESC"）`);
  }
  return lines.join('\n') + '\n';
}

/** What the whole database holds, after a run that skipped or stopped: this run's counts are only part of it. */
function databaseTotals(dbFile: string): string {
  const db = new AuditDb(dbFile, { readOnly: true });
  try {
    const f = db.db.get("SELECT count(*) AS files, sum(status <> 'checked') AS failed, sum(error_count + warning_count) AS findings FROM files") as { files: number; failed: number | null; findings: number | null };
    const n = (x: number | null): string => thousands(Number(x ?? 0));
    return `数据库中共有 ${n(f.files)} 个文件的结果：问题 ${n(f.findings)} 个，无法检查 ${n(f.failed)} 个。`;
  } finally {
    db.close();
  }
}

/** `gwlint audit …`: its own commander program, so the root parser's file options do not mix with these. */
export async function auditMain(args: string[]): Promise<number> {
  const log = (s: string): void => {
    process.stderr.write(s + '\n');
  };
  let exitCode: number = AUDIT_EXIT.OK;
  const program = new Command();
  program
    .name('gwlint audit')
    .description('批量检查公文档案：并行、可中断续跑，结果存入 SQLite 数据库，并生成报告')
    .argument('<dirs...>', '要检查的文件夹（或文件）')
    .option('--db <file>', 'SQLite 数据库文件（续跑与汇总都靠它）', DEFAULT_DB)
    .option('-j, --jobs <n>', `并行的检查线程数（默认为 CPU 核数：${availableParallelism()}）`)
    .option('--report <file>', '生成单文件 HTML 报告（离线可看）')
    .option('--jsonl <file>', '导出 JSONL（每行一个文件）')
    .option('--csv <file>', '导出 CSV（每行一个问题）')
    .option('--shard <K/N>', '只检查第 K 片（K 从 0 开始，共 N 片），供调度系统分片并行')
    .option('--timeout <seconds>', '单个文件的时间上限', '60')
    .option('--max-memory <MB>', '单个文件的内存上限（检查线程的堆）', '512')
    .option('--convert-legacy', '用 LibreOffice（soffice）把 .doc/.wps 转为 .docx 后检查')
    .option('--soffice <path>', 'soffice 可执行文件的位置（默认在 PATH 中查找）')
    .option('--force', '全部重新检查，不跳过未变的文件')
    .option('--retry-failed', '重新检查上次超时、内存超限或崩溃的文件')
    .option('--report-pages <n>', `报告中单独成页的文件数上限（问题最多的在前；默认 ${DEFAULT_REPORT_PAGES}）`)
    .option('--docx-views <n>', '报告中附 Word 版式预览的 .docx 数（问题最多的在前）', '100')
    .option('--no-progress', '不显示进度')
    .option('--progress-interval <seconds>', '非终端输出时进度行的间隔', '10')
    .option('-p, --profile <name>', '适用的工作规则（national, jinghai, tongzhou …）')
    .option('-c, --config <file>', '使用指定的配置文件')
    .option('--no-config-lookup', '不查找配置文件，只用内置默认')
    .option('--rule <rule>', "规则设置，可重复：--rule 'length-cap: off'", (v: string, prev: string[] = []) => [...prev, v])
    .addOption(new Option('--locale <zh|en>', '消息语言').choices(['zh', 'en']))
    .option('--ignore-path <file>', '忽略文件（默认 .gwlintignore）')
    .option('--no-ignore', '不使用忽略文件')
    .option('--strict', '有文件无法检查时以 1 退出')
    .version(readVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true)
    // `merge` and `report` have their own --db/--report: options after a subcommand name are the subcommand's.
    .enablePositionalOptions()
    .action(async (dirs: string[], o: RunCliOptions) => {
      exitCode = await runCommand(dirs, o, log);
    });

  program
    .command('merge')
    .description('把多个分片的数据库合并为一个，并生成报告')
    .argument('<dbs...>', '要合并的数据库')
    .option('--db <file>', '合并后的数据库（已存在则并入）', 'gwlint-audit-merged.sqlite')
    .option('--report <file>', '生成 HTML 报告')
    .option('--jsonl <file>', '导出 JSONL')
    .option('--csv <file>', '导出 CSV')
    .option('--report-pages <n>', '报告中单独成页的文件数上限')
    .option('--docx-views <n>', '报告中附 Word 版式预览的 .docx 数', '100')
    .action(async (dbs: string[], o: OutputOptions & { db: string }) => {
      const out = resolve(o.db);
      for (const d of dbs) if (!existsSync(d)) throw new UsageError(`数据库 ${d} 不存在`);
      const target = new AuditDb(out);
      try {
        for (const d of dbs) {
          if (resolve(d) === out) throw new UsageError(`不能把 ${d} 合并到它自己`);
          const src = new AuditDb(d, { readOnly: true });
          try {
            const r = target.mergeFrom(src, resolve(d));
            log(`合并 ${d}：${thousands(r.files)} 个文件${r.replaced ? `（替换了 ${r.replaced} 个较旧的结果）` : ''}${r.kept ? `，${r.kept} 个较旧而未采用` : ''}`);
          } finally {
            src.close();
          }
        }
      } finally {
        target.close();
      }
      log(`合并后的数据库：${o.db}`);
      await writeOutputs(out, o, log);
    });

  program
    .command('report')
    .description('从已有数据库重新生成报告或导出')
    .option('--db <file>', 'SQLite 数据库', DEFAULT_DB)
    .option('--report <file>', '生成 HTML 报告')
    .option('--jsonl <file>', '导出 JSONL')
    .option('--csv <file>', '导出 CSV')
    .option('--report-pages <n>', '报告中单独成页的文件数上限')
    .option('--docx-views <n>', '报告中附 Word 版式预览的 .docx 数', '100')
    .action(async (o: OutputOptions & { db: string }) => {
      if (!o.report && !o.jsonl && !o.csv) throw new UsageError('请给出 --report、--jsonl 或 --csv');
      await writeOutputs(o.db, o, log);
    });

  try {
    await program.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? AUDIT_EXIT.OK : AUDIT_EXIT.USAGE;
    if (e instanceof ConfigError) {
      log(`gwlint audit: 配置错误：${e.file}${e.keyPath ? ` 中的 ${e.keyPath}` : ''}：${e.expected}`);
      return AUDIT_EXIT.USAGE;
    }
    if (e instanceof UsageError || e instanceof NoFilesError || e instanceof DbLockedError) {
      log(`gwlint audit: ${e.message}`);
      return AUDIT_EXIT.USAGE;
    }
    if (e instanceof Error && /数据库|database/i.test(e.message)) {
      log(`gwlint audit: ${e.message}`);
      return AUDIT_EXIT.USAGE;
    }
    throw e;
  }
}

async function runCommand(dirs: string[], o: RunCliOptions, log: (s: string) => void): Promise<number> {
  const cwd = process.cwd();
  let shard: Shard | null = null;
  if (o.shard) {
    try {
      shard = parseShard(o.shard);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  for (const d of dirs) if (!existsSync(resolve(cwd, d)) && !/[*?[{]/.test(d)) throw new UsageError(`找不到“${d}”`);
  const jobs = positiveInt(o.jobs, '--jobs') ?? availableParallelism();
  const timeoutSec = Number(o.timeout);
  if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) throw new UsageError(`--timeout 应为正数（秒），收到“${o.timeout}”`);
  const memoryMb = positiveInt(o.maxMemory, '--max-memory', 64)!;
  const interval = Number(o.progressInterval);
  if (!Number.isFinite(interval) || interval <= 0) throw new UsageError(`--progress-interval 应为正数（秒），收到“${o.progressInterval}”`);
  positiveInt(o.reportPages, '--report-pages', 0);

  let soffice: string | null = null;
  if (o.convertLegacy) {
    soffice = findSoffice(o.soffice);
    if (!soffice) log(`gwlint audit: 没有找到 LibreOffice（soffice）${o.soffice ? `：${o.soffice}` : ''}；.doc/.wps 文件将列为无法检查。安装 LibreOffice 后重新运行即可转换。`);
  }

  const cliRules: Record<string, RuleEntry> = {};
  for (const r of o.rule ?? []) Object.assign(cliRules, parseRuleFlag(r));
  const linter: WorkerLinterOptions = {
    cwd,
    ...(o.locale ? { locale: o.locale as 'zh' | 'en' } : {}),
    ...(o.config ? { configFile: resolve(cwd, o.config) } : {}),
    noConfig: !o.configLookup,
    ...(o.profile ? { profile: o.profile } : {}),
    cliRules,
  };

  const ac = new AbortController();
  let signals = 0;
  const onSignal = (sig: NodeJS.Signals): void => {
    signals++;
    if (signals === 1) {
      log(`\n收到 ${sig}：正在保存已完成的结果……（再按一次 Ctrl-C 立即退出）`);
      ac.abort();
    } else {
      // The database stays consistent (SQLite's journal); only the last unsaved batch is lost.
      process.exit(AUDIT_EXIT.INTERRUPTED);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const dbFile = o.db;
  let summary: AuditSummary;
  try {
    const tty = Boolean(process.stderr.isTTY);
    summary = await runAudit({
      roots: dirs,
      db: resolve(cwd, dbFile),
      jobs,
      timeoutMs: timeoutSec * 1000,
      memoryMb,
      shard,
      soffice,
      force: Boolean(o.force),
      retryFailed: Boolean(o.retryFailed),
      useIgnore: o.ignore,
      ...(o.ignorePath ? { ignorePath: o.ignorePath } : {}),
      linter,
      cwd,
      argv: ['audit', ...process.argv.slice(3)],
      progress: o.progress === false ? null : { stream: process.stderr, tty, intervalSec: interval },
      previewMax: 200_000,
      signal: ac.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  process.stderr.write(summaryText(summary, cwd, dbFile));
  if (!summary.fatal && (summary.skipped > 0 || summary.interrupted)) log(databaseTotals(resolve(cwd, dbFile)));
  if (summary.fatal) {
    log(`gwlint audit: ${summary.fatal}`);
    return AUDIT_EXIT.USAGE;
  }
  if (summary.interrupted) {
    if (o.report || o.jsonl || o.csv) log('（已中断，未生成报告和导出；续跑完成后会生成，或用 gwlint audit report 从数据库生成）');
    return AUDIT_EXIT.INTERRUPTED;
  }
  if (!soffice && summary.failedFiles.some((f) => /\.(doc|wps)$/i.test(f.path) && !f.reason.includes('--convert-legacy'))) {
    log('提示：.doc/.wps 可以加 --convert-legacy 由 LibreOffice 转换后检查（需要安装 LibreOffice）。');
  }
  await writeOutputs(resolve(cwd, dbFile), o, log);
  return o.strict && summary.failed > 0 ? AUDIT_EXIT.FAILED_FILES : AUDIT_EXIT.OK;
}
