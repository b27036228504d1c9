import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { parseYaml } from '../util/yaml.js';
import { readDeclared } from '../parsers/declared.js';
import { rulesDataPath } from '../util/paths.js';
import type { ConfigFile, ResolvedConfig, ResolvedRuleSetting, RuleEntry } from './config-types.js';
import type { Cite, Rule, SeveritySetting } from './types.js';
import { getValidator, formatAjvErrors } from './validate.js';

export const CONFIG_NAMES = ['gwlint.config.json', '.gwlintrc.json', '.gwlintrc.yaml', '.gwlintrc.yml', '.gwlintrc'];

/** A configuration problem: names the file, the key path and what was expected. Exit code 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly keyPath: string,
    readonly expected: string,
  ) {
    super(`${file}${keyPath ? `: ${keyPath}` : ''}: ${expected}`);
    this.name = 'ConfigError';
  }
}

export interface Profile {
  name: string;
  title: string;
  extends?: string;
  regulation?: { name?: string; number?: string; date?: string; file?: string; script?: string };
  rules: Record<string, { severity: SeveritySetting | 'warn' | 'warning'; options?: Record<string, unknown>; cites: Cite[] }>;
  notEnforced?: { article: string; clause: string; why: string }[];
}

const profileCache = new Map<string, Profile>();

export function loadProfile(name: string, from = 'profile'): Profile {
  const cached = profileCache.get(name);
  if (cached) return cached;
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new ConfigError(from, 'profile', `未知的规则配置“${name}”（profile 名只含小写字母、数字和连字符）`);
  const file = rulesDataPath('profiles', `${name}.json`);
  if (!existsSync(file)) {
    throw new ConfigError(from, 'profile', `未知的规则配置“${name}”；可用：${listProfiles().join(', ')}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(file, '', `不是有效的 JSON：${(e as Error).message}`);
  }
  // Built-in profiles are checked against the schema by the test suite (test/engine/profiles-schema.test.ts),
  // so a release cannot ship a broken one; skipping ajv here saves a third of the CLI's cold start.
  const p = data as Profile;
  profileCache.set(name, p);
  return p;
}

/** Checks a profile against rules/schema/profile.schema.json; throws a ConfigError naming the key. */
export function validateProfile(file: string, data: unknown): asserts data is Profile {
  const validate = getValidator('profile');
  if (!validate(data)) {
    const { path, expected } = formatAjvErrors(validate.errors ?? []);
    throw new ConfigError(file, path, expected);
  }
}

export function listProfiles(): string[] {
  try {
    return readdirSync(rulesDataPath('profiles'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Finds the nearest config file from `dir` upwards. `seen` remembers the answer for every folder on the way, so
 * an archive of thousands of files in a few hundred folders costs a few hundred lookups, not five file-system
 * calls per file and per level (that was a third of an audit's CPU).
 */
export function findConfigFile(dir: string, seen?: Map<string, string | undefined>): string | undefined {
  const visited: string[] = [];
  let cur = resolve(dir);
  let found: string | undefined;
  for (;;) {
    if (seen?.has(cur)) {
      found = seen.get(cur);
      break;
    }
    visited.push(cur);
    found = CONFIG_NAMES.map((name) => join(cur, name)).find((p) => existsSync(p));
    if (found) break;
    const up = dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  if (seen) for (const d of visited) seen.set(d, found);
  return found;
}

const fileCache = new Map<string, ConfigFile>();

export function readConfigFile(file: string): ConfigFile {
  const cached = fileCache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, '', `无法读取配置文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  const yamlish = /\.ya?ml$/.test(file) || (file.endsWith('.gwlintrc') && !text.trim().startsWith('{'));
  try {
    data = yamlish ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new ConfigError(file, '', `不是有效的 ${yamlish ? 'YAML' : 'JSON'}：${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) data = {};
  const validate = getValidator('config');
  if (!validate(data)) {
    const { path, expected } = formatAjvErrors(validate.errors ?? []);
    throw new ConfigError(file, path, expected);
  }
  const cfg = data as ConfigFile;
  fileCache.set(file, cfg);
  return cfg;
}

export function clearConfigCache(): void {
  fileCache.clear();
  profileCache.clear();
}

function severityOf(s: unknown): SeveritySetting {
  if (s === 'off' || s === 0) return 'off';
  if (s === 'warn' || s === 'warning' || s === 1) return 'warning';
  return 'error';
}

/** What a config says for one file, before the CLI adds its own. */
export interface ConfigLayer {
  source: string;
  entries?: Record<string, RuleEntry>;
  profile?: string;
  extends?: string[];
  settings?: Record<string, unknown>;
}

export interface ResolveOptions {
  rules: Map<string, Rule>;
  /** The config file to use, or undefined to search from the file's folder. */
  configFile?: string;
  /** --no-config-lookup */
  noConfig?: boolean;
  /** CLI --profile: replaces the config's profile. */
  profile?: string;
  /** CLI --rule entries, applied last. */
  cliRules?: Record<string, RuleEntry>;
  /** CLI --doc-type / --category / --direction. */
  cliSettings?: Record<string, unknown>;
  /**
   * false: load no code from the user's folders — no `plugins`, no JavaScript config — only JSON/YAML config
   * and the built-in rules. The language server sets it in an untrusted workspace. Default true.
   */
  allowPlugins?: boolean;
  /** Profiles brought by plugins, by their namespaced name ("tianjin/binhai"). */
  profiles?: Map<string, Profile>;
}

/**
 * Builds the configuration for one file: gwlint:recommended (unless `extends` says otherwise) → extends →
 * profile → the config's rules → matching overrides → CLI. Rule options are checked against each rule's
 * schema where they are written, so an error names the file that wrote them.
 */
export class ConfigResolver {
  private cache = new Map<string, ResolvedConfig>();
  /**
   * Folder → the config file that applies there, for the resolver's life: a config file created or deleted
   * later is seen by a new resolver (the language server makes one when its watcher reports such a change).
   */
  private lookups = new Map<string, string | undefined>();
  constructor(private readonly opts: ResolveOptions) {}

  /** The config file that applies to `filePath` (undefined: built-in defaults). */
  configFileFor(filePath: string): string | undefined {
    if (this.opts.noConfig) return undefined;
    return this.opts.configFile ?? findConfigFile(dirname(resolve(filePath)), this.lookups);
  }

  ignorePatternsFor(filePath: string): { base: string; patterns: string[] } | undefined {
    const f = this.configFileFor(filePath);
    if (!f) return undefined;
    const cfg = readConfigFile(f);
    return cfg.ignorePatterns ? { base: dirname(f), patterns: cfg.ignorePatterns } : undefined;
  }

  resolve(filePath: string): ResolvedConfig {
    const file = this.configFileFor(filePath);
    const cfg = file ? readConfigFile(file) : undefined;
    const matching = cfg?.overrides?.filter((o) => overrideMatches(o, file!, filePath)) ?? [];
    const key = `${file ?? ''}|${matching.map((o) => cfg!.overrides!.indexOf(o)).join(',')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;

    const out: ResolvedConfig = { rules: {}, declared: {}, sources: [] };
    const apply = (entries: Record<string, RuleEntry> | undefined, source: string, pathPrefix: string): void => {
      for (const [id, entry] of Object.entries(entries ?? {})) this.applyEntry(out, id, entry, source, `${pathPrefix}.${id}`);
    };
    const applyProfile = (name: string, source: string): void => {
      const chain: Profile[] = [];
      let p: Profile | undefined = this.profile(name, source);
      const seen = new Set<string>();
      while (p && !seen.has(p.name)) {
        seen.add(p.name);
        chain.unshift(p);
        p = p.extends ? this.profile(p.extends, this.profileFile(p.name)) : undefined;
      }
      for (const prof of chain) {
        const pfile = this.profileFile(prof.name);
        for (const [id, e] of Object.entries(prof.rules)) {
          this.applyEntry(out, id, { severity: e.severity === 'warn' || e.severity === 'warning' ? 'warning' : e.severity, options: e.options, cites: e.cites }, `profile ${prof.name}`, `rules.${id}`, pfile);
        }
      }
      out.profile = name;
      out.sources.push(`gwlint:${name}`);
    };
    const applyExtend = (name: string, source: string): void => {
      if (name === 'gwlint:recommended' || name === 'gwlint:all') {
        for (const [id, rule] of this.opts.rules) {
          if (name === 'gwlint:all' || rule.meta.recommended !== false) {
            out.rules[id] = { severity: rule.meta.severity, options: {}, source: name };
          }
        }
        out.sources.push(name);
      } else if (name.startsWith('gwlint:')) {
        applyProfile(name.slice('gwlint:'.length), source);
      } else {
        // A path to another config file, relative to the one that extends it.
        const target = resolve(dirname(source), name);
        const sub = readConfigFile(target);
        for (const e of toList(sub.extends)) applyExtend(e, target);
        if (sub.profile) applyProfile(sub.profile, target);
        apply(sub.rules, target, 'rules');
        Object.assign(out.declared, readDeclared(sub.settings ?? {}).declared);
        out.sources.push(target);
      }
    };

    const exts = cfg?.extends !== undefined ? toList(cfg.extends) : ['gwlint:recommended'];
    for (const e of exts) applyExtend(e, file ?? 'gwlint');
    const profile = this.opts.profile ?? matching.reduce<string | undefined>((p, o) => o.profile ?? p, cfg?.profile) ?? (out.profile ? undefined : 'national');
    if (profile) applyProfile(profile, this.opts.profile ? '--profile' : file ?? 'gwlint');
    if (cfg && file) {
      apply(cfg.rules, file, 'rules');
      this.readSettings(out, cfg.settings, file, 'settings');
      out.sources.push(file);
      if (cfg.locale) out.locale = cfg.locale;
    }
    matching.forEach((o) => {
      const idx = cfg!.overrides!.indexOf(o);
      apply(o.rules, file!, `overrides[${idx}].rules`);
      this.readSettings(out, o.settings, file!, `overrides[${idx}].settings`);
    });
    apply(this.opts.cliRules, '--rule', 'rule');
    this.readSettings(out, this.opts.cliSettings, 'command line', '');
    this.cache.set(key, out);
    return out;
  }

  private readSettings(out: ResolvedConfig, settings: Record<string, unknown> | undefined, file: string, path: string): void {
    if (!settings) return;
    const { declared, problems } = readDeclared(settings);
    if (problems.length) {
      const p = problems[0]!;
      throw new ConfigError(file, path ? `${path}.${p.key}` : p.key, `“${String(p.value)}”无法识别，应为：${p.expected}`);
    }
    Object.assign(out.declared, declared);
  }

  /** A built-in profile, or one a loaded plugin brought (namespaced: "tianjin/binhai"). */
  private profile(name: string, from: string): Profile {
    const fromPlugin = this.opts.profiles?.get(name);
    if (fromPlugin) return fromPlugin;
    if (name.includes('/')) {
      const prefix = name.slice(0, name.lastIndexOf('/'));
      throw new ConfigError(
        from,
        'profile',
        this.opts.allowPlugins === false
          ? `规则配置“${name}”来自插件，而此处不加载插件（工作区不受信任）`
          : `未知的规则配置“${name}”：插件“${prefix}”未在 plugins 中声明，或没有名为“${name.slice(prefix.length + 1)}”的配置`,
      );
    }
    return loadProfile(name, from);
  }

  private profileFile(name: string): string {
    return this.opts.profiles?.has(name) ? `plugin profile ${name}` : rulesDataPath('profiles', `${name}.json`);
  }

  private applyEntry(out: ResolvedConfig, id: string, entry: RuleEntry, source: string, keyPath: string, fileForErrors = source): void {
    const rule = this.opts.rules.get(id);
    // Without plugins (an untrusted workspace) a plugin's rules are simply absent, not a configuration error.
    if (!rule && this.opts.allowPlugins === false && id.includes('/')) return;
    if (!rule) {
      const near = [...this.opts.rules.keys()].filter((k) => k.includes(id) || id.includes(k)).slice(0, 3);
      throw new ConfigError(fileForErrors, keyPath, `未知规则“${id}”${near.length ? `（是否想写：${near.join('、')}）` : ''}；gwlint --list-rules 列出全部规则`);
    }
    let severity: SeveritySetting;
    let options: Record<string, unknown> | undefined;
    let cites: Cite[] | undefined;
    let optionsPath = keyPath;
    if (Array.isArray(entry)) {
      severity = severityOf(entry[0]);
      options = entry[1];
      optionsPath = `${keyPath}[1]`;
    } else if (typeof entry === 'object' && entry !== null) {
      severity = entry.severity !== undefined ? severityOf(entry.severity) : out.rules[id]?.severity ?? rule.meta.severity;
      options = entry.options;
      cites = entry.cites;
      optionsPath = `${keyPath}.options`;
    } else {
      severity = severityOf(entry);
    }
    if (options && rule.meta.schema) {
      const validate = getValidator(`rule:${id}`, rule.meta.schema);
      if (!validate(options)) {
        const { path, expected } = formatAjvErrors(validate.errors ?? []);
        throw new ConfigError(fileForErrors, `${optionsPath}${path ? `.${path}` : ''}`, expected);
      }
    }
    const prev: ResolvedRuleSetting | undefined = out.rules[id];
    out.rules[id] = {
      severity,
      options: options ? mergeOptions(prev?.options ?? {}, options) : prev?.options ?? {},
      ...(cites ? { cites } : prev?.cites ? { cites: prev.cites } : {}),
      source,
    };
  }
}

/** Options merge one level deep, so a profile can change one cap without restating the others. */
function mergeOptions(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object' && !Array.isArray(prev)
        ? { ...(prev as object), ...(v as object) }
        : v;
  }
  return out;
}

function toList(x: string | string[] | undefined): string[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

function overrideMatches(o: NonNullable<ConfigFile['overrides']>[number], configFile: string, filePath: string): boolean {
  const rel = relative(dirname(configFile), resolve(filePath)).split(sep).join('/');
  if (!globsMatch(toList(o.files), rel)) return false;
  if (o.excludedFiles && globsMatch(toList(o.excludedFiles), rel)) return false;
  return true;
}

/** A pattern with a slash matches the path from the config's folder; one without, any file's name (as ESLint). */
function globsMatch(patterns: string[], rel: string): boolean {
  return patterns.some((p) => picomatch(p, { dot: true, matchBase: !p.includes('/') })(rel));
}
