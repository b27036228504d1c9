/** gwlint as a library: lint drafts, load configs, write and test rules. */
export { Linter, lintText, lintFile, loadConfig, type LinterOptions } from './engine/api.js';
export { ConfigError, ConfigResolver, loadProfile, listProfiles, findConfigFile, type Profile } from './engine/config.js';
export type { ConfigFile, ResolvedConfig, RuleEntry } from './engine/config-types.js';
export type * from './engine/types.js';
export type * from './model/types.js';
export { countWords } from './util/wordcount.js';
export { builtinRules } from './rules/index.js';
export { RuleTester } from './engine/rule-tester.js';
export { registerParser, registerParserLoader, parserFor, supportedExtensions } from './parsers/registry.js';
export { registerFormatter, loadFormatter, formatterNames } from './formatters/index.js';
export type { Formatter, FormatterContext } from './formatters/types.js';
export { definePlugin, pluginPackageName, type GwlintPlugin, type LoadedPlugin } from './engine/plugins.js';
export type { Parser, ParseInput } from './parsers/types.js';
export { InputError } from './parsers/types.js';
export type { TestCase, InvalidCase, ExpectedError } from './engine/rule-tester.js';
