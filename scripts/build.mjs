// Builds everything from the TypeScript sources:
//   dist/Code.js, dist/appsscript.json, dist/sidebar.html  — what `clasp push` deploys (rootDir: dist)
//   build/cli.cjs, build/playground.cjs, build/bench.cjs    — the Node shells and tools
// Apps Script only sees top-level function declarations, so every export of src/addon/index.ts gets
// a top-level wrapper carrying the JSDoc of its TypeScript declaration (custom functions need
// @customfunction there for Sheets to show them).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const out = path.join(root, 'build');
const GLOBAL = '__shnorMonitor';

async function bundle(options) {
  const result = await build({ bundle: true, write: false, logLevel: 'warning', legalComments: 'none', ...options });
  return result.outputFiles[0].text;
}

/** JSDoc and parameter names of the exported functions declared in src/addon. */
function addonDeclarations() {
  const dir = path.join(root, 'src/addon');
  const found = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
    for (const node of source.statements) {
      if (!ts.isFunctionDeclaration(node) || !node.name) continue;
      if (!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
      const jsdoc = ranges.map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith('/**')).pop() ?? '';
      found.set(node.name.text, { jsdoc, params: node.parameters.map((p) => p.name.getText(source)) });
    }
  }
  return found;
}

async function buildAddon() {
  const code = await bundle({
    entryPoints: [path.join(root, 'src/addon/index.ts')],
    format: 'iife',
    globalName: GLOBAL,
    platform: 'neutral',
    target: 'es2019',
    charset: 'utf8',
  });
  // Which names the bundle really exports: evaluate it in an empty context.
  const sandbox = {};
  vm.runInNewContext(`${code}\nthis.names = Object.keys(${GLOBAL});`, sandbox);
  const declarations = addonDeclarations();
  const wrappers = sandbox.names.map((name) => {
    const decl = declarations.get(name);
    if (!decl) throw new Error(`Экспорт ${name} из src/addon/index.ts не объявлен как export function в src/addon/*.ts`);
    const doc = decl.jsdoc ? `${decl.jsdoc}\n` : '';
    return `${doc}function ${name}(${decl.params.join(', ')}) {\n  return ${GLOBAL}.${name}.apply(null, arguments);\n}\n`;
  });
  const banner = '// Мониторинг ШНОР и ШНСУ — сборка из src/ (scripts/build.mjs). Не редактируйте этот файл.\n';
  fs.writeFileSync(path.join(dist, 'Code.js'), `${banner}${code}\n${wrappers.join('\n')}`);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  return sandbox.names;
}

async function buildSidebar() {
  const template = path.join(root, 'sidebar/index.html');
  if (!fs.existsSync(template)) return false;
  const script = await bundle({ entryPoints: [path.join(root, 'sidebar/main.ts')], format: 'iife', platform: 'browser', target: 'es2019', charset: 'utf8' });
  const style = fs.readFileSync(path.join(root, 'sidebar/style.css'), 'utf8');
  const html = fs
    .readFileSync(template, 'utf8')
    .replace('/* STYLE */', () => style)
    .replace('/* SCRIPT */', () => script.replace(/<\/script/gi, '<\\/script'));
  fs.writeFileSync(path.join(dist, 'sidebar.html'), html);
  return true;
}

async function buildNode(entry, file) {
  if (!fs.existsSync(path.join(root, entry))) return false;
  const code = await bundle({
    entryPoints: [path.join(root, entry)],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    charset: 'utf8',
  });
  fs.writeFileSync(path.join(out, file), code);
  return true;
}

fs.mkdirSync(dist, { recursive: true });
fs.mkdirSync(out, { recursive: true });
const names = await buildAddon();
const sidebar = await buildSidebar();
await buildNode('src/cli/main.ts', 'cli.cjs');
await buildNode('scripts/playground.ts', 'playground.cjs');
await buildNode('scripts/bench/index.ts', 'bench.cjs');
await buildNode('scripts/bench-cli.ts', 'bench-cli.cjs');
if (!process.env.CI_QUIET) {
  console.log(`dist/Code.js: ${names.length} функций верхнего уровня; sidebar.html: ${sidebar ? 'да' : 'нет'}`);
}
