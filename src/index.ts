/** gwlint as a library: lint drafts, load configs, write and test rules. */
export { Linter, lintText, lintFile, type LinterOptions } from './engine/api.js';
export { ConfigError, ConfigResolver, loadProfile, listProfiles, findConfigFile } from './engine/config.js';
export type { ConfigFile, ResolvedConfig, RuleEntry } from './engine/config-types.js';
export type * from './engine/types.js';
export type * from './model/types.js';
export { countWords } from './util/wordcount.js';
export { builtinRules } from './rules/index.js';
export { RuleTester } from './engine/rule-tester.js';
export { registerParser, registerParserLoader } from './parsers/registry.js';
export { registerFormatter } from './formatters/index.js';
