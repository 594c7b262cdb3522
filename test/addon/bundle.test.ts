import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const codePath = path.join(root, 'dist/Code.js');

function built(): string {
  if (!fs.existsSync(codePath)) throw new Error('dist/Code.js не собран: выполните npm run build (npm test делает это сам)');
  return fs.readFileSync(codePath, 'utf8');
}

/** Top-level function declarations of the built file with their leading JSDoc. */
function topLevelFunctions(code: string): Map<string, { params: string[]; jsdoc: string }> {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const out = new Map<string, { params: string[]; jsdoc: string }>();
  for (const node of source.statements) {
    if (!ts.isFunctionDeclaration(node) || !node.name) continue;
    const comments = ts.getLeadingCommentRanges(code, node.getFullStart()) ?? [];
    const jsdoc = comments.map((c) => code.slice(c.pos, c.end)).filter((c) => c.startsWith('/**')).pop() ?? '';
    out.set(node.name.text, { params: node.parameters.map((p) => p.name.getText(source)), jsdoc });
  }
  return out;
}

describe('dist/Code.js as Apps Script sees it', () => {
  const code = built();
  const fns = topLevelFunctions(code);

  it('parses as a classic script: no import/export, no require, no module', () => {
    expect(() => new Function(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\bmodule\.exports\b/);
  });

  it('declares the menu entry points and the panel server functions at top level', () => {
    for (const name of ['onOpen', 'onInstall', 'menuOpenPanel', 'menuCalculate', 'menuCreateStructure', 'menuHelp', 'getPanelState', 'savePanelSettings', 'runCalculation', 'activateSheet']) {
      expect(fns.has(name)).toBe(true);
    }
  });

  it.each([
    ['ISBSH', ['h', 's', 'r']],
    ['ISBSH_COUNTS', ['N', 'H', 'S', 'R']],
    ['SHNSU_CUTOFF', ['range', 'p']],
    ['LOW_RESULT', ['P', 'F', 'threshold']],
  ])('custom function %s keeps its parameters and its JSDoc (@customfunction, @param, @return)', (name, params) => {
    const fn = fns.get(name);
    expect(fn?.params).toEqual(params);
    expect(fn?.jsdoc).toContain('@customfunction');
    expect(fn?.jsdoc).toContain('@return');
    for (const p of params) expect(fn?.jsdoc).toMatch(new RegExp(`@param \\{[^}]+\\} ${p} `));
  });

  it('ships a least-privilege V8 manifest for Europe/Moscow', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist/appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Europe/Moscow', exceptionLogging: 'STACKDRIVER' });
    expect(manifest.oauthScopes.slice(0, 2)).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui']);
    // Beyond those two, only scopes a feature asks for on first use (requireScopes, src/addon/auth.ts).
    expect(manifest.oauthScopes.slice(2)).toEqual(['https://www.googleapis.com/auth/forms', 'https://www.googleapis.com/auth/documents']);
  });

  it('clasp pushes dist/', () => {
    expect(JSON.parse(fs.readFileSync(path.join(root, '.clasp.json'), 'utf8')).rootDir).toBe('dist');
  });
});
