// Builds the extension and the gwlint language server into dist/ as CommonJS bundles, and copies the data
// the server reads at run time (rules/, the rule pages) beside them, so the .vsix needs no global gwlint.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const production = process.argv.includes('--production');

rmSync(join(here, 'dist'), { recursive: true, force: true });
for (const dir of ['rules', 'docs']) rmSync(join(here, dir), { recursive: true, force: true });
cpSync(join(root, 'rules'), join(here, 'rules'), { recursive: true });
if (existsSync(join(root, 'docs', 'rules'))) {
  mkdirSync(join(here, 'docs'), { recursive: true });
  cpSync(join(root, 'docs', 'rules'), join(here, 'docs', 'rules'), { recursive: true });
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.82 runs extensions (and the server it forks) on Node 18.
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: [join(here, 'src', 'extension.ts')],
  outfile: join(here, 'dist', 'extension.js'),
  external: ['vscode'],
});

/**
 * The engine loads some modules lazily with `createRequire(import.meta.url)` (cold start of the CLI). In a
 * bundle those must be ordinary `require` calls so that esbuild includes them; only the native segmenter stays
 * a run-time require (external below). A form this does not know fails the build rather than the editor.
 */
const lazyRequires = {
  name: 'gwlint-lazy-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      let code = readFileSync(args.path, 'utf8');
      if (!code.includes('createRequire(')) return undefined;
      code = code
        .replace(/\b(?:const|let|var)\s+require\s*=\s*createRequire\(import\.meta\.url\)\s*;?/g, '')
        .replace(/createRequire\(import\.meta\.url\)/g, 'require');
      if (/createRequire\(/.test(code.replace(/^import .*$/gm, ''))) {
        return { errors: [{ text: `${args.path}: createRequire used in a form the bundle cannot follow; use \`const require = createRequire(import.meta.url)\` or \`createRequire(import.meta.url)(id)\`` }] };
      }
      return { contents: code, loader: 'ts' };
    });
  },
};

await build({
  ...common,
  plugins: [lazyRequires],
  entryPoints: [join(here, 'src', 'server.ts')],
  outfile: join(here, 'dist', 'server.js'),
  // The engine is ESM and finds its data from import.meta.url; in a CommonJS bundle that is this file's URL.
  define: { 'import.meta.url': '__gwlintImportMetaUrl' },
  banner: { js: 'const __gwlintImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
  // A native addon: required at run time from node_modules, which the .vsix carries (see package.json).
  external: ['@node-rs/jieba', '@node-rs/jieba/dict'],
});

if (process.argv.includes('--package')) {
  // The .vsix carries the native segmenter of the machine that builds it, so it is built per platform:
  // linux-x64 in CI; on Windows or macOS the same command makes a win32-x64 or darwin-arm64 package.
  const arch = process.arch === 'arm' ? 'armhf' : process.arch;
  const target = process.env.VSCE_TARGET || `${process.platform}-${arch}`;
  const vsce = join(here, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--target', target, '--allow-missing-repository', '-o', 'gwlint-vscode.vsix'], { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
