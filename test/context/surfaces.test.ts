// The CLI and the add-on (the built dist/Code.js in an Apps Script-like vm) give the same context on
// the example municipality and on a region-sized synthetic workbook (issue 14, «Done when»).
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import { ResultJson, Table } from '../../src/engine';
import { recordingIo } from '../support/cliHarness';
import { AppsScriptEnvironment, loadAddon, sheetsEnvironment } from '../support/appsScriptVm';
import { CODE_JS, EXAMPLE_DIR, exampleSheets } from '../support/exampleWorkbook';
import { SeedSheet } from '../support/fakeSpreadsheetApp';
import { syntheticMunicipality } from '../../scripts/synthetic';

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(CODE_JS)) throw new Error('dist/Code.js не собран: выполните npm run build');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shnor-context-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(source: string, name: string): Promise<{ json: ResultJson; out: string }> {
  const out = path.join(dir, `${name}.xlsx`);
  const json = path.join(dir, `${name}.json`);
  const c = recordingIo(new Date(Date.UTC(2026, 0, 15, 7, 0)));
  expect(await runCli(['analyze', source, '-o', out, '--json', json], c.io)).toBe(0);
  return { json: JSON.parse(fs.readFileSync(json, 'utf8')), out };
}

function addon(sheets: SeedSheet[]) {
  const env = sheetsEnvironment({ sheets, htmlFiles: { sidebar: '<!doctype html><p>панель</p>' } });
  const addonVm = loadAddon(CODE_JS, env);
  env.calls.reset();
  const summary = addonVm.call<{ context: { pairCount: number; pairs: { shnor: { code: string }; leader: { code: string } | null }[] } }>('runCalculation');
  return { env, summary };
}

interface SheetContext {
  model: { a: number; b: number; n: number; r2: number } | null;
  schools: Map<string, { share: unknown; expected: unknown; residual: unknown; below: boolean; resilient: boolean; leader: boolean; partner: string | null }>;
}

/** What the add-on wrote into «Контекст», read back as a coordinator sees it. */
function readSheet(env: AppsScriptEnvironment): SheetContext {
  const { values } = env.dumpSheet('Контекст');
  const cell = (label: string) => values.find((r) => typeof r[0] === 'string' && r[0].startsWith(label))?.[1] as number | undefined;
  const a = cell('a — ');
  const model = a === undefined ? null : { a, b: cell('b — ') as number, n: cell('n — ') as number, r2: cell('R² — ') as number };
  const head = values.findIndex((r) => r[0] === 'Код ОО');
  const h = values[head] as string[];
  const col = (name: string) => h.indexOf(name);
  const schools: SheetContext['schools'] = new Map();
  for (const r of values.slice(head + 1)) {
    const pair = String(r[col('Пара для сетевой поддержки')]);
    const partner = pair.startsWith('→ ') ? (pair.match(/\(([^()]+)\)$/)?.[1] ?? null) : null;
    schools.set(String(r[0]), {
      share: r[col('p — доля не справившихся')],
      expected: r[col('p̂ — ожидаемая доля')],
      residual: r[col('Отклонение p − p̂')],
      below: r[col('Результаты ниже ожидаемых')] === 'да',
      resilient: r[col('Резильентная')] === 'да',
      leader: r[col('Школа-лидер')] === 'да',
      partner,
    });
  }
  return { model, schools };
}

const orBlank = (v: number | null) => (v === null ? '' : v);

function expectSame(json: ResultJson, sheet: SheetContext): void {
  if (json.context === null) expect(sheet.model).toBeNull();
  else {
    expect(sheet.model).not.toBeNull();
    expect(sheet.model!.a).toBe(json.context.a);
    expect(sheet.model!.b).toBe(json.context.b);
    expect(sheet.model!.n).toBe(json.context.n);
    expect(sheet.model!.r2).toBe(json.context.r2);
  }
  expect(sheet.schools.size).toBe(json.schools.length);
  for (const s of json.schools) {
    const got = sheet.schools.get(s.code);
    expect({ code: s.code, ...got }).toEqual({
      code: s.code,
      share: orBlank(s.pooledFailedShare),
      expected: orBlank(s.expectedFailedShare),
      residual: orBlank(s.residual),
      below: s.belowExpected,
      resilient: s.resilient,
      leader: s.leader,
      partner: s.partner,
    });
  }
}

describe('the same context from the CLI and from the add-on', () => {
  it('on the example municipality; the native scatter is drawn over the sheet’s columns and the panel lists the pairs', async () => {
    const { json, out } = await cli(EXAMPLE_DIR, 'example');
    expect(json.context).not.toBeNull();
    const { env, summary } = addon(exampleSheets());
    expectSame(json, readSheet(env));

    const pairs = json.schools.filter((s) => s.partner !== null).map((s) => [s.code, s.partner]);
    expect(pairs.length).toBeGreaterThan(0);
    expect(summary.context.pairCount).toBe(pairs.length);
    expect(summary.context.pairs.filter((p) => p.leader).map((p) => [p.shnor.code, p.leader!.code]).sort()).toEqual(pairs.sort());

    const charts = env.dumpSheet('Контекст').charts;
    expect(charts).toHaveLength(1);
    expect(charts[0].type).toBe('SCATTER');
    const { values } = env.dumpSheet('Контекст');
    const head = values.findIndex((r) => r[0] === 'Код ОО') + 1;
    const n = json.context!.n;
    expect(charts[0].ranges).toEqual([`C${head}:E${head + n}`, `O${head}:P${head + n}`]);
    expect(charts[0].numHeaders).toBe(1);
    expect((charts[0].options.series as Record<string, { lineWidth: number }>)['1'].lineWidth).toBe(2);
    expect(env.calls.count('EmbeddedChartBuilder.addRange')).toBe(3); // two for «Контекст», one for «Сводка»

    // The CLI's workbook has the sheet too, and the picture is written beside it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Контекст')).toBeDefined();
    const svg = fs.readFileSync(out.replace(/\.xlsx$/, '-context.svg'), 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('Результаты школ и их социальный контекст');
  });

  it('on a region of 2 000 schools (synthetic), with the same number of service calls as a small one', async () => {
    const region = syntheticMunicipality(2000, 14);
    const folder = path.join(dir, 'region');
    fs.mkdirSync(folder);
    for (const s of region.sheets) fs.writeFileSync(path.join(folder, `${s.name}.csv`), toCsv(s.rows));
    const { json } = await cli(folder, 'region');
    expect(json.context).not.toBeNull();
    expect(json.context!.n).toBeGreaterThan(1500);
    expect(json.schools.filter((s) => s.partner !== null).length).toBeGreaterThan(10);

    const { env } = addon(region.sheets.map((s) => ({ name: s.name, rows: s.rows })));
    expectSame(json, readSheet(env));
    // The same calls whatever the size, except that a sheet longer than a new sheet's 1 000 rows is grown once.
    const small = syntheticMunicipality(40, 14);
    const { 'Sheet.insertRowsAfter': grown, ...calls } = env.calls.snapshot();
    expect(grown).toBeLessThanOrEqual(env.calls.count('Spreadsheet.insertSheet'));
    expect(addon(small.sheets.map((s) => ({ name: s.name, rows: s.rows }))).env.calls.snapshot()).toEqual(calls);
  });
});

function toCsv(rows: Table): string {
  const cell = (v: unknown) => {
    const t = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
