import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Parser } from '../parsers/types.js';
import { registerParser } from '../parsers/registry.js';
import { ConfigError, readConfigFile, type Profile } from './config.js';
import type { Rule } from './types.js';
import { formatAjvErrors, getValidator } from './validate.js';

/**
 * What a `gwlint-plugin-*` package exports (as its default export, or as a named `plugin`): rules, profiles
 * and parsers. Rule ids are namespaced by the plugin: rule `foo` of `gwlint-plugin-tianjin` is configured
 * as `tianjin/foo`, its profile `binhai` is `profile: "tianjin/binhai"`.
 */
export interface GwlintPlugin {
  meta?: { name?: string; version?: string };
  rules?: Record<string, Rule> | Rule[];
  /** Profiles as data (rules/schema/profile.schema.json); keyed by their short name. */
  profiles?: Record<string, Profile> | Profile[];
  /** Extra input formats. Parsers are process-wide (the registry is), unlike rules and profiles. */
  parsers?: Parser[];
}

/** Identity for a plugin written without `satisfies`, for plugin authors' type checking. */
export function definePlugin(plugin: GwlintPlugin): GwlintPlugin {
  return plugin;
}

export interface LoadedPlugin {
  /** As written in the config: "tianjin". */
  spec: string;
  /** The npm package: "gwlint-plugin-tianjin". */
  packageName: string;
  /** The id namespace: "tianjin". */
  prefix: string;
  dir: string;
  version: string;
  entry: string;
  rules: Rule[];
  profiles: Map<string, Profile>;
  /** Changes when any file of the package changes: the cache keys on it. */
  fingerprint: string;
}

const NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/**
 * "tianjin" → gwlint-plugin-tianjin; "gwlint-plugin-tianjin" as is; "@office/tianjin" →
 * @office/gwlint-plugin-tianjin; "@office/gwlint-plugin-tianjin" as is. The prefix drops "gwlint-plugin-".
 */
export function pluginPackageName(spec: string): { packageName: string; prefix: string } | undefined {
  if (!NAME.test(spec)) return undefined;
  const m = /^(@[^/]+\/)?(.+)$/.exec(spec)!;
  const scope = m[1] ?? '';
  const bare = m[2]!.startsWith('gwlint-plugin-') ? m[2]!.slice('gwlint-plugin-'.length) : m[2]!;
  if (!bare) return undefined;
  return { packageName: `${scope}gwlint-plugin-${bare}`, prefix: `${scope}${bare}` };
}

/** node_modules lookup from `fromDir` upwards, as Node resolves a bare specifier. */
function findPackageDir(packageName: string, fromDir: string): string | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const candidate = join(dir, 'node_modules', ...packageName.split('/'));
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

const CONDITIONS = new Set(['node', 'import', 'default']);

/** The "." entry of package.json `exports` for an ESM import (conditions in the package's own order). */
function fromExports(exp: unknown): string | undefined {
  if (typeof exp === 'string') return exp;
  if (Array.isArray(exp)) {
    for (const e of exp) {
      const r = fromExports(e);
      if (r) return r;
    }
    return undefined;
  }
  if (exp && typeof exp === 'object') {
    const o = exp as Record<string, unknown>;
    if (Object.keys(o).some((k) => k.startsWith('.'))) return fromExports(o['.']);
    for (const [k, v] of Object.entries(o)) {
      if (CONDITIONS.has(k)) {
        const r = fromExports(v);
        if (r) return r;
      }
    }
  }
  return undefined;
}

function entryOf(dir: string, pkg: { exports?: unknown; main?: string }): string | undefined {
  const rel = pkg.exports !== undefined ? fromExports(pkg.exports) : pkg.main ?? 'index.js';
  if (!rel) return undefined;
  const base = resolve(dir, rel);
  for (const p of [base, `${base}.js`, `${base}.mjs`, `${base}.cjs`, join(base, 'index.js')]) {
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* try the next form */
    }
  }
  return undefined;
}

function hashPackage(dir: string): string {
  // Every file the plugin ships, not its entry alone: a rule usually lives in a file the entry imports.
  const h = createHash('sha256');
  const walk = (d: string, depth: number): void => {
    if (depth > 8) return;
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile() && /\.(c|m)?js$|\.json$/.test(e.name)) {
        h.update(relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
      }
    }
  };
  walk(dir, 0);
  return h.digest('hex').slice(0, 16);
}

/**
 * Loads the plugins named by config files, from the config file's own folder (so a repository's
 * node_modules wins over wherever gwlint is installed), once each, into the linter's rule and profile tables.
 */
export class PluginLoader {
  private readonly byConfig = new Map<string, Promise<LoadedPlugin[]>>();
  private readonly byPrefix = new Map<string, LoadedPlugin>();

  constructor(
    private readonly rules: Map<string, Rule>,
    private readonly profiles: Map<string, Profile>,
    readonly allow: boolean,
  ) {}

  /** Plugins loaded so far. */
  loaded(): LoadedPlugin[] {
    return [...this.byPrefix.values()];
  }

  /** Loads what `configFile` (and the config files it extends) names; resolves to those plugins. */
  loadFor(configFile: string): Promise<LoadedPlugin[]> {
    let p = this.byConfig.get(configFile);
    if (!p) {
      p = this.load(configFile, new Set());
      this.byConfig.set(configFile, p);
      // A failed load is not remembered: the user may fix it and lint again in the same process (the LSP).
      p.catch(() => this.byConfig.delete(configFile));
    }
    return p;
  }

  /** A stable key for the plugins a config file uses (for the cache). */
  async fingerprintFor(configFile: string | undefined): Promise<string> {
    if (!configFile || !this.allow) return '';
    const list = await this.loadFor(configFile);
    return list.map((p) => `${p.packageName}@${p.version}#${p.fingerprint}`).sort().join(',');
  }

  private async load(configFile: string, seen: Set<string>): Promise<LoadedPlugin[]> {
    if (seen.has(configFile)) return [];
    seen.add(configFile);
    const cfg = readConfigFile(configFile);
    const out: LoadedPlugin[] = [];
    // Plugins of a config that this one extends (by path) are this one's too.
    for (const e of cfg.extends === undefined ? [] : Array.isArray(cfg.extends) ? cfg.extends : [cfg.extends]) {
      if (!e.includes(':')) out.push(...(await this.load(resolve(dirname(configFile), e), seen)));
    }
    if (!this.allow) return out;
    for (const [i, spec] of (cfg.plugins ?? []).entries()) {
      out.push(await this.loadOne(spec, configFile, `plugins[${i}]`));
    }
    return out;
  }

  private async loadOne(spec: string, configFile: string, keyPath: string): Promise<LoadedPlugin> {
    const names = pluginPackageName(spec);
    if (!names) throw new ConfigError(configFile, keyPath, `插件名“${spec}”不合规：应为 npm 包名，如 "tianjin"、"gwlint-plugin-tianjin" 或 "@单位/gwlint-plugin-tianjin"`);
    const fromDir = dirname(configFile);
    const dir = findPackageDir(names.packageName, fromDir);
    if (!dir) {
      throw new ConfigError(configFile, keyPath, `找不到插件 ${names.packageName}（从 ${fromDir} 向上查找 node_modules）；在该文件夹运行 npm install --save-dev ${names.packageName}`);
    }
    const existing = this.byPrefix.get(names.prefix);
    if (existing && existing.dir === dir) return existing;
    if (existing) {
      throw new ConfigError(configFile, keyPath, `插件 ${names.packageName} 有两份不同的安装（${existing.dir} 与 ${dir}）；一次检查只能使用其中一份`);
    }
    let pkg: { version?: string; exports?: unknown; main?: string };
    try {
      pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch (e) {
      throw new ConfigError(configFile, keyPath, `插件 ${names.packageName} 的 package.json 无法读取：${(e as Error).message}`);
    }
    const entry = entryOf(dir, pkg);
    if (!entry || !(entry === dir || entry.startsWith(dir + sep))) {
      throw new ConfigError(configFile, keyPath, `插件 ${names.packageName} 没有可加载的入口（package.json 的 exports 或 main）`);
    }
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(configFile, keyPath, `插件 ${names.packageName} 加载失败：${(e as Error)?.message?.split('\n')[0] ?? String(e)}`);
    }
    const plugin = (mod.default ?? mod.plugin ?? mod) as GwlintPlugin;
    const loaded = this.check(plugin, names, dir, entry, pkg.version ?? '0.0.0', configFile, keyPath);
    for (const r of loaded.rules) this.rules.set(r.meta.id, r);
    for (const [name, p] of loaded.profiles) this.profiles.set(name, p);
    for (const parser of plugin.parsers ?? []) registerParser(parser);
    this.byPrefix.set(names.prefix, loaded);
    return loaded;
  }

  /** Checks the plugin's shape and namespaces its rules and profiles; every fault is a ConfigError. */
  private check(
    plugin: GwlintPlugin,
    names: { packageName: string; prefix: string },
    dir: string,
    entry: string,
    version: string,
    configFile: string,
    keyPath: string,
  ): LoadedPlugin {
    const bad = (what: string): never => {
      throw new ConfigError(configFile, keyPath, `插件 ${names.packageName} 不合规：${what}`);
    };
    if (!plugin || typeof plugin !== 'object') bad('没有导出插件对象（default 导出 { rules, profiles, parsers }）');
    const rawRules = Array.isArray(plugin.rules) ? plugin.rules : Object.values(plugin.rules ?? {});
    const rawProfiles = Array.isArray(plugin.profiles) ? plugin.profiles : Object.values(plugin.profiles ?? {});
    if (rawRules.length === 0 && rawProfiles.length === 0 && !(plugin.parsers?.length)) bad('既没有 rules，也没有 profiles 或 parsers');

    const metaSchema = getValidator('rule-meta');
    const rules: Rule[] = [];
    for (const [i, r] of rawRules.entries()) {
      const where = `rules[${(r as Rule | undefined)?.meta?.id ?? i}]`;
      if (!r || typeof r !== 'object' || typeof r.create !== 'function') bad(`${where} 应为 { meta, create(context) }`);
      if (!metaSchema(r.meta)) {
        const { path, expected } = formatAjvErrors(metaSchema.errors ?? []);
        bad(`${where}.meta${path ? `.${path}` : ''} ${expected}`);
      }
      const short = r.meta.id.startsWith(`${names.prefix}/`) ? r.meta.id.slice(names.prefix.length + 1) : r.meta.id;
      if (short.includes('/')) bad(`${where}.meta.id “${r.meta.id}” 应为本插件的规则名（不带其他前缀）`);
      const id = `${names.prefix}/${short}`;
      if (rules.some((x) => x.meta.id === id)) bad(`规则 ${id} 重复`);
      // A copy with the namespaced id: the engine keys rules, messages and config entries by meta.id.
      rules.push({ ...r, meta: { ...r.meta, id } });
    }

    const profileSchema = getValidator('profile');
    const profiles = new Map<string, Profile>();
    for (const [i, p] of rawProfiles.entries()) {
      const where = `profiles[${(p as Profile | undefined)?.name ?? i}]`;
      if (!profileSchema(p)) {
        const { path, expected } = formatAjvErrors(profileSchema.errors ?? []);
        bad(`${where}${path ? `.${path}` : ''} ${expected}`);
      }
      const name = `${names.prefix}/${p.name}`;
      // `extends` names a profile of the same plugin by its short name, or a built-in one ("national").
      const ext = p.extends && rawProfiles.some((q) => q.name === p.extends) ? `${names.prefix}/${p.extends}` : p.extends;
      profiles.set(name, { ...p, name, ...(ext ? { extends: ext } : {}) });
    }
    for (const [i, parser] of (plugin.parsers ?? []).entries()) {
      if (!parser || !Array.isArray(parser.extensions) || !parser.extensions.every((e) => /^\.[a-z0-9]+$/.test(e)) || typeof parser.parse !== 'function') {
        bad(`parsers[${i}] 应为 { kind, extensions: ['.ext'], binary, parse(input) }`);
      }
    }
    return { spec: names.prefix, packageName: names.packageName, prefix: names.prefix, dir, version, entry, rules, profiles, fingerprint: hashPackage(dir) };
  }
}
