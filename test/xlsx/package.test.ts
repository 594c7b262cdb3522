import * as ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWorkbookPath, xlsxBytes, chartPicture } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { buildReport, GENERATED_MARKER, SHEETS, Table } from '../../src/engine';
import { recordingIo } from '../support/cliHarness';
import { barsPng, coordinatorWorkbook, packageProblems, relationships, rezip, unzipParts, workbookSheets } from '../support/xlsxPackage';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-package-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function analyze(input: Buffer, extra: string[] = []): Promise<{ bytes: Buffer; out: string[] }> {
  n += 1;
  const source = path.join(dir, `in-${n}.xlsx`);
  const output = path.join(dir, `out-${n}.xlsx`);
  fs.writeFileSync(source, input);
  const c = recordingIo();
  const code = await runCli(['analyze', source, '-o', output, ...extra], c.io);
  expect({ code, err: c.err }).toEqual({ code: 0, err: [] });
  return { bytes: fs.readFileSync(output), out: c.out };
}

/** Parts a run may rewrite: the workbook's list of sheets and names, its relationships, types, styles and app properties. */
const BOOKKEEPING = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'docProps/app.xml', 'xl/styles.xml']);

function changedParts(before: Map<string, Buffer>, after: Map<string, Buffer>, skip: Set<string> = new Set()): string[] {
  const changed: string[] = [];
  for (const [name, data] of before) {
    if (BOOKKEEPING.has(name) || skip.has(name)) continue;
    const now = after.get(name);
    if (!now) changed.push(`${name}: нет`);
    else if (!now.equals(data)) changed.push(`${name}: изменена`);
  }
  return changed;
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const GENERATED = [SHEETS.isbsh, SHEETS.shnor, SHEETS.list, SHEETS.indicators, SHEETS.summary, SHEETS.journal];

describe('analyze on a coordinator’s own workbook', () => {
  let input: Buffer;
  let first: Buffer;
  beforeAll(async () => {
    input = await coordinatorWorkbook();
    first = (await analyze(input)).bytes;
  });

  it('keeps every part of the input byte for byte and adds the generated sheets', async () => {
    const before = await unzipParts(input);
    const after = await unzipParts(first);
    expect(changedParts(before, after)).toEqual([]);
    // The user's chart, picture, table, note and its drawing are among those parts.
    expect([...before.keys()].filter((p) => /chart|media|tables|comments|drawing/.test(p)).length).toBeGreaterThanOrEqual(6);
    expect(packageProblems(after)).toEqual([]);
    const names = workbookSheets(after).map((s) => s.name);
    expect(names.slice(0, 5)).toEqual(['Ответы на форму (1)', 'Результаты ОП', 'Справочник ОО', 'Мои заметки', 'Служебный']);
    expect(names[5]).toBe(SHEETS.settings);
    // The generated sheets follow, in the report's order.
    expect(names.slice(6).filter((n) => GENERATED.includes(n as (typeof GENERATED)[number]))).toEqual(GENERATED);
  });

  it('keeps the workbook consistent: names, print titles, the active tab, hidden state', () => {
    const parts = unzipParts(first);
    return parts.then((p) => {
      const workbook = (p.get('xl/workbook.xml') as Buffer).toString('utf8');
      const sheets = workbookSheets(p);
      const index = (name: string) => sheets.findIndex((s) => s.name === name);
      expect(workbook).toContain('name="Баллы"');
      // The user's print titles follow their sheet; ours are added for the generated sheets.
      expect(workbook).toMatch(new RegExp(`name="_xlnm.Print_Titles" localSheetId="${index('Мои заметки')}"[^>]*>'Мои заметки'!\\$1:\\$1<`));
      expect(workbook).toMatch(new RegExp(`name="_xlnm.Print_Titles" localSheetId="${index(SHEETS.list)}">'${SHEETS.list}'!\\$5:\\$5<`));
      expect(workbook).toContain(`activeTab="${index('Мои заметки')}"`);
      expect(workbook).toMatch(/<sheet [^>]*name="Служебный"[^>]*state="hidden"/);
      expect(new Set(sheets.map((s) => s.sheetId)).size).toBe(sheets.length);
    });
  });

  it('opens in ExcelJS (full load) with the user’s sheet as it was and the generated sheets filled', async () => {
    const wb = await load(first);
    const notes = wb.getWorksheet('Мои заметки') as ExcelJS.Worksheet;
    expect(notes.getCell('B4').formula).toBe('B2+B3');
    expect(notes.getCell('A2').note).toBeDefined();
    expect(notes.getCell('B2').numFmt).toBe('0.0" балл."');
    expect(notes.getImages()).toHaveLength(1);
    const list = wb.getWorksheet(SHEETS.list) as ExcelJS.Worksheet;
    expect(String(list.getCell('A1').value)).toContain(GENERATED_MARKER);
    expect(list.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(list.headerFooter.oddFooter).toBe('&Cстр. &P из &N');
  });

  it('a second run replaces our sheets in place, keeps the user’s parts and does not grow the file', async () => {
    const second = (await analyze(first)).bytes;
    const a = await unzipParts(first);
    const b = await unzipParts(second);
    expect(packageProblems(b)).toEqual([]);
    expect(workbookSheets(b).map((s) => s.name)).toEqual(workbookSheets(a).map((s) => s.name));
    expect(changedParts(await unzipParts(input), b)).toEqual([]);
    expect(b.size).toBe(a.size);
    const xfs = (p: Map<string, Buffer>) => /<cellXfs count="(\d+)"/.exec((p.get('xl/styles.xml') as Buffer).toString('utf8'))?.[1];
    expect(xfs(b)).toBe(xfs(a));
    // Every generated sheet was rewritten (its first cell says when), the settings sheet — now an input — was not.
    const settings = workbookSheets(a).find((s) => s.name === SHEETS.settings)?.part as string;
    expect(b.get(settings)?.equals(a.get(settings) as Buffer)).toBe(true);
  });
});

describe('a sheet the user made is never replaced', () => {
  it('their «Сводка» stays as it is, ours goes to «Сводка (расчёт)» and is found again on the next run', async () => {
    const input = await coordinatorWorkbook({ ownSummary: true });
    const { bytes: first, out } = await analyze(input);
    const before = await unzipParts(input);
    const after = await unzipParts(first);
    expect(changedParts(before, after)).toEqual([]);
    const names = workbookSheets(after).map((s) => s.name);
    expect(names).toContain('Сводка');
    expect(names).toContain('Сводка (расчёт)');
    const wb = await load(first);
    expect(wb.getWorksheet('Сводка')?.getCell('A1').value).toBe('Моя сводка для главы');
    expect(String(wb.getWorksheet('Сводка (расчёт)')?.getCell('A1').value)).toContain(GENERATED_MARKER);
    // The user's formula reading Сводка!B5 still reads their sheet.
    expect(wb.getWorksheet('Мои заметки')?.getCell('C4').formula).toBe('IFERROR(Сводка!B5,"")');
    expect(out.join('\n')).toBeTruthy();

    const second = (await analyze(first)).bytes;
    const names2 = workbookSheets(await unzipParts(second)).map((s) => s.name);
    expect(names2).toEqual(names);
  });

  it('when the user deletes their «Сводка», ours takes the name back and «Сводка (расчёт)» goes', async () => {
    const input = await coordinatorWorkbook({ ownSummary: true });
    const first = await unzipParts((await analyze(input)).bytes);
    // Delete the user's «Сводка» the way Excel would: its entry, relationship and part.
    const own = workbookSheets(first).find((s) => s.name === 'Сводка') as { relId: string; part: string };
    const workbook = (first.get('xl/workbook.xml') as Buffer).toString('utf8').replace(/<sheet name="Сводка"[^>]*\/>|<sheet sheetId="\d+" name="Сводка"[^>]*\/>/, '');
    first.set('xl/workbook.xml', Buffer.from(workbook.replace(/<definedName[^>]*localSheetId="\d+"[^>]*>[^<]*<\/definedName>/g, '')));
    const rels = (first.get('xl/_rels/workbook.xml.rels') as Buffer).toString('utf8').replace(new RegExp(`<Relationship Id="${own.relId}"[^>]*/>`), '');
    first.set('xl/_rels/workbook.xml.rels', Buffer.from(rels));
    first.delete(own.part);
    const types = (first.get('[Content_Types].xml') as Buffer).toString('utf8').replace(new RegExp(`<Override PartName="/${own.part}"[^>]*/>`), '');
    first.set('[Content_Types].xml', Buffer.from(types));
    const third = await unzipParts((await analyze(await rezip(first))).bytes);
    expect(packageProblems(third)).toEqual([]);
    const names = workbookSheets(third).map((s) => s.name);
    expect(names).toContain('Сводка');
    expect(names).not.toContain('Сводка (расчёт)');
  });

  it('a user’s sheet in the way of a generated one is refused by the writer itself', async () => {
    const source = path.join(dir, 'refuse.xlsx');
    fs.writeFileSync(source, await coordinatorWorkbook({ ownSummary: true }));
    const input = await readWorkbookPath(source);
    const tables: Record<string, Table> = {};
    for (const s of input.sheets) tables[s.name] = s.rows;
    // A caller that forgot the placement: the sheets keep their wanted names.
    const report = buildReport({ sheetNames: input.sheets.map((s) => s.name), tables }, '01.01.2026 10:00');
    await expect(xlsxBytes({ workbook: input.workbook, inputSheets: input.sheets, generated: report.sheets, settingsSheetName: SHEETS.settings })).rejects.toThrow(
      /лист «Сводка» создан пользователем/,
    );
  });
});

describe('pictures', () => {
  it('a PNG is placed on its sheet at the anchor cell with its size, and opens in ExcelJS', async () => {
    const source = path.join(dir, 'picture.xlsx');
    fs.writeFileSync(source, await coordinatorWorkbook());
    const input = await readWorkbookPath(source);
    const tables: Record<string, Table> = {};
    for (const s of input.sheets) tables[s.name] = s.rows;
    const report = buildReport({ sheetNames: input.sheets.map((s) => s.name), tables, existingSheets: input.existingSheets }, '01.01.2026 10:00');
    const summary = report.sheets.find((s) => s.name === SHEETS.summary);
    const png = barsPng(760, 400);
    const picture = summary && chartPicture(summary, png);
    expect(picture).toMatchObject({ sheet: SHEETS.summary, width: 760, height: 400 });
    const bytes = await xlsxBytes({
      workbook: input.workbook,
      inputSheets: input.sheets,
      generated: report.sheets,
      settingsUpdate: report.analysis.settingsUpdate,
      settingsSheetName: SHEETS.settings,
      pictures: picture ? [picture] : [],
    });
    const parts = await unzipParts(bytes);
    expect(packageProblems(parts)).toEqual([]);
    const sheet = workbookSheets(parts).find((s) => s.name === SHEETS.summary) as { part: string };
    const drawing = relationships(parts, sheet.part).find((r) => r.type.endsWith('/drawing'))?.part as string;
    const media = relationships(parts, drawing).find((r) => r.type.endsWith('/image'))?.part as string;
    expect(parts.get(media)?.equals(png)).toBe(true);
    // The user's own picture is still there, under its own name.
    expect([...parts.keys()].filter((p) => p.startsWith('xl/media/'))).toHaveLength(2);
    const xml = (parts.get(drawing) as Buffer).toString('utf8');
    expect(xml).toContain(`<xdr:row>${summary?.chart?.anchorRow}</xdr:row>`);
    expect(xml).toContain(`cx="${760 * 9525}" cy="${400 * 9525}"`);
    const wb = await load(bytes);
    const images = wb.getWorksheet(SHEETS.summary)?.getImages() ?? [];
    expect(images).toHaveLength(1);
    expect(images[0].range.tl.nativeRow).toBe(summary?.chart?.anchorRow);
  });
});
