import { deflateSync } from 'node:zlib';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { posix } from 'node:path';
import { SaxesParser } from 'saxes';
import { exampleSheets } from './exampleWorkbook';

/** Every part of an .xlsx, uncompressed, by name. */
export async function unzipParts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name];
    if (!file.dir) parts.set(name, await file.async('nodebuffer'));
  }
  return parts;
}

export async function rezip(parts: Map<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of parts) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function relsOf(part: string): string {
  const dir = posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${posix.basename(part)}.rels`;
}

function resolve(source: string, target: string): string {
  const base = source === '' ? '/' : `/${posix.dirname(source)}/`;
  return posix.normalize(target.startsWith('/') ? target : posix.join(base, decodeURIComponent(target))).replace(/^\/+/, '');
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  part: string | null;
}

export function relationships(parts: Map<string, Buffer>, source: string): Rel[] {
  const rels = parts.get(relsOf(source));
  if (!rels) return [];
  return [...rels.toString('utf8').matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => {
    const attr = (n: string) => new RegExp(`\\s${n}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    const external = attr('TargetMode') === 'External';
    return { id: attr('Id'), type: attr('Type'), target: attr('Target'), part: external ? null : resolve(source, attr('Target').replace(/&amp;/g, '&')) };
  });
}

export interface SheetInfo {
  name: string;
  sheetId: number;
  relId: string;
  part: string;
}

export function workbookSheets(parts: Map<string, Buffer>): SheetInfo[] {
  const xml = (parts.get('xl/workbook.xml') as Buffer).toString('utf8');
  const rels = relationships(parts, 'xl/workbook.xml');
  return [...xml.matchAll(/<sheet\b([^>]*)\/>/g)].map((m) => {
    const attr = (n: string) => new RegExp(`\\s${n}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    const relId = attr('r:id');
    return { name: decodeXml(attr('name')), sheetId: Number(attr('sheetId')), relId, part: rels.find((r) => r.id === relId)?.part ?? '' };
  });
}

export function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Parts reachable from the package root through relationships. */
export function reachable(parts: Map<string, Buffer>): Set<string> {
  const seen = new Set<string>();
  const queue = [''];
  while (queue.length) {
    const p = queue.pop() as string;
    for (const r of relationships(parts, p)) {
      if (r.part && !seen.has(r.part)) {
        seen.add(r.part);
        queue.push(r.part);
      }
    }
  }
  return seen;
}

/**
 * What Excel checks before it offers to repair a workbook: well-formed XML everywhere, every
 * relationship pointing at a part, every part reachable and typed, unique sheet names and ids,
 * defined names and the active tab within the sheets.
 */
export function packageProblems(parts: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const [name, data] of parts) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (e) => problems.push(`${name}: ${e.message}`));
    parser.write(data.toString('utf8')).close();
  }
  const types = (parts.get('[Content_Types].xml') as Buffer).toString('utf8');
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()));
  const overrides = [...types.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1].slice(1).toLowerCase());
  for (const o of overrides) if (![...parts.keys()].some((p) => p.toLowerCase() === o)) problems.push(`тип для отсутствующей части ${o}`);
  const live = reachable(parts);
  for (const name of parts.keys()) {
    if (name === '[Content_Types].xml' || name.endsWith('.rels')) continue;
    if (!live.has(name)) problems.push(`часть ${name} ни на что не ссылается`);
    const ext = posix.extname(name).slice(1).toLowerCase();
    if (!overrides.includes(name.toLowerCase()) && !defaults.has(ext)) problems.push(`у части ${name} нет типа`);
  }
  for (const name of [...parts.keys()].filter((n) => n.endsWith('.rels'))) {
    const source = name.replace(/_rels\/([^/]+)\.rels$/, '$1').replace(/^\//, '');
    for (const r of relationships(parts, source === '.rels' ? '' : source)) if (r.part && !parts.has(r.part)) problems.push(`${name}: ${r.id} → нет части ${r.part}`);
  }
  const sheets = workbookSheets(parts);
  const names = sheets.map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push(`повторяются имена листов: ${names.join(', ')}`);
  if (new Set(sheets.map((s) => s.sheetId)).size !== sheets.length) problems.push('повторяются sheetId');
  for (const s of sheets) if (s.name.length > 31) problems.push(`имя листа длиннее 31 символа: ${s.name}`);
  const workbook = (parts.get('xl/workbook.xml') as Buffer).toString('utf8');
  for (const m of workbook.matchAll(/localSheetId="(\d+)"/g)) if (Number(m[1]) >= sheets.length) problems.push(`localSheetId ${m[1]} вне листов`);
  const pairs = [...workbook.matchAll(/<definedName\b([^>]*)>/g)].map((m) => `${/name="([^"]*)"/.exec(m[1])?.[1]}@${/localSheetId="(\d+)"/.exec(m[1])?.[1] ?? ''}`);
  if (new Set(pairs).size !== pairs.length) problems.push(`повторяются определённые имена: ${pairs.join(', ')}`);
  const active = /activeTab="(\d+)"/.exec(workbook);
  if (active && Number(active[1]) >= sheets.length) problems.push('activeTab вне листов');
  const selected = sheets.filter((s) => /<sheetView\b[^>]*tabSelected="1"/.test(parts.get(s.part)?.toString('utf8') ?? ''));
  if (selected.length > 1) problems.push(`выбрано несколько листов сразу: ${selected.map((s) => s.name).join(', ')}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// A PNG

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A real PNG (RGB, 8 bit): vertical bars, so that a viewer sees a picture. */
export function barsPng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const bar = Math.floor(x / 40);
      const top = height - ((bar * 37) % height);
      const on = y >= top && x % 40 > 6;
      row[1 + x * 3] = on ? 0x1a : 0xff;
      row[2 + x * 3] = on ? 0x73 : 0xff;
      row[3 + x * 3] = on ? 0xe8 : 0xff;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

// ---------------------------------------------------------------------------------------------
// A coordinator's workbook with everything a full ExcelJS round trip would lose

const CHART_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'Мои заметки'!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Мои заметки'!$B$2:$B$4</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

/**
 * The example municipality typed into a workbook a coordinator made in Excel, plus a sheet of their
 * own with formatting, formulas (one reading «Сводка»), conditional formatting, validation, a note,
 * a picture, a chart, a table, a hyperlink, merged cells, print settings and defined names, a hidden
 * sheet, and — when asked — their own sheet called «Сводка».
 */
export async function coordinatorWorkbook(options: { ownSummary?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of exampleSheets()) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row) => ws.addRow(row.map((v) => (v === null ? undefined : v))));
    ws.getRow(1).font = { bold: true, color: { argb: 'FF1F4E79' } };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const notes = wb.addWorksheet('Мои заметки', { pageSetup: { orientation: 'landscape', paperSize: 9, printTitlesRow: '1:1' } });
  notes.columns = [{ width: 30 }, { width: 12 }, { width: 40 }];
  notes.addRow(['Школа', 'Баллы', 'Комментарий']);
  notes.addRow(['МБОУ "СОШ № 1"', 12, 'позвонить директору']);
  notes.addRow(['МБОУ "СОШ № 2"', 7, { text: 'сайт', hyperlink: 'https://example.org/school2' }]);
  notes.addRow(['МБОУ "СОШ № 3"', { formula: 'B2+B3', result: 19 }, { formula: "IFERROR(Сводка!B5,\"\")", result: '' }]);
  notes.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
  notes.getCell('A1').border = { bottom: { style: 'double', color: { argb: 'FF7030A0' } } };
  notes.getCell('B2').numFmt = '0.0" балл."';
  notes.getCell('A2').note = 'заметка координатора';
  notes.mergeCells('A6:C6');
  notes.getCell('A6').value = 'Объединённая строка';
  notes.getCell('B2').dataValidation = { type: 'whole', operator: 'between', formulae: [0, 100], showErrorMessage: true };
  notes.addConditionalFormatting({ ref: 'B2:B4', rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [10], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFF4C7C3' } } } }] });
  notes.addTable({ name: 'Звонки', ref: 'E1', headerRow: true, columns: [{ name: 'Дата' }, { name: 'Кому' }], rows: [[new Date(Date.UTC(2023, 0, 10)), 'СОШ № 1'], [new Date(Date.UTC(2023, 0, 11)), 'СОШ № 2']] });
  const image = wb.addImage({ buffer: barsPng(120, 60) as unknown as ExcelJS.Buffer, extension: 'png' });
  notes.addImage(image, { tl: { col: 4, row: 6 }, ext: { width: 120, height: 60 } });
  wb.definedNames.add("'Мои заметки'!$B$2:$B$4", 'Баллы');
  const hidden = wb.addWorksheet('Служебный', { state: 'hidden' });
  hidden.getCell('A1').value = 'скрытый лист';
  if (options.ownSummary) {
    const own = wb.addWorksheet('Сводка');
    own.getCell('A1').value = 'Моя сводка для главы';
    own.getCell('B5').value = 42;
  }
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 3, visibility: 'visible' }];
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return withChart(bytes, 'Мои заметки');
}

/** Adds a bar chart over A2:B4 to a sheet's drawing (ExcelJS cannot make charts). */
async function withChart(bytes: Buffer, sheetName: string): Promise<Buffer> {
  const parts = await unzipParts(bytes);
  const sheet = workbookSheets(parts).find((s) => s.name === sheetName) as SheetInfo;
  const drawing = relationships(parts, sheet.part).find((r) => r.type.endsWith('/drawing'))?.part as string;
  const drawingRels = relsOf(drawing);
  const rels = (parts.get(drawingRels) as Buffer).toString('utf8');
  parts.set(drawingRels, Buffer.from(rels.replace('</Relationships>', '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>')));
  parts.set('xl/charts/chart1.xml', Buffer.from(CHART_XML));
  const anchor = `<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>8</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="10" name="Диаграмма 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChart1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  const drawingXml = (parts.get(drawing) as Buffer).toString('utf8');
  parts.set(drawing, Buffer.from(drawingXml.replace('</xdr:wsDr>', `${anchor}</xdr:wsDr>`)));
  const types = (parts.get('[Content_Types].xml') as Buffer).toString('utf8');
  parts.set('[Content_Types].xml', Buffer.from(types.replace('</Types>', '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>')));
  return rezip(parts);
}

// ---------------------------------------------------------------------------------------------
// A package written by hand, for what other producers do (Google Sheets, openpyxl, 1С, Strict)

export interface HandmadeSheet {
  name: string;
  /** The worksheet part's XML, or a chart sheet's. */
  xml: string;
  kind?: 'worksheet' | 'chartsheet';
  state?: 'hidden';
}

export interface HandmadeOptions {
  /** Raw <si> elements of the shared string table; absent: no table at all. */
  sharedStrings?: string[];
  /** The cellXfs' numFmtIds (index = style), custom formats as [id, code]. */
  cellFormats?: number[];
  numFmts?: [number, string][];
  date1904?: boolean;
  /** Relationship targets as absolute part names («/xl/worksheets/sheet1.xml»), as openpyxl writes them. */
  absoluteTargets?: boolean;
  /** Sheets stored before workbook.xml in the zip. */
  sheetsFirst?: boolean;
  /** Prefix every SpreadsheetML element of workbook.xml with «x:». */
  prefixed?: boolean;
  definedNames?: string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export async function handmadeXlsx(sheets: HandmadeSheet[], options: HandmadeOptions = {}): Promise<Buffer> {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const p = options.prefixed ? 'x:' : '';
  const ns = options.prefixed ? `xmlns:x="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  const target = (t: string) => (options.absoluteTargets ? `/xl/${t}` : t);
  const parts: [string, string][] = [];
  const sheetParts = sheets.map((s, i) => ({ ...s, part: s.kind === 'chartsheet' ? `chartsheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml` }));
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${REL_NS}"><${p}workbookPr${options.date1904 ? ' date1904="1"' : ''}/><${p}bookViews><${p}workbookView activeTab="0"/></${p}bookViews><${p}sheets>${sheetParts
    .map((s, i) => `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
    .join('')}</${p}sheets>${options.definedNames ? `<${p}definedNames>${options.definedNames}</${p}definedNames>` : ''}</${p}workbook>`;
  const rels = [
    ...sheetParts.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/${s.kind === 'chartsheet' ? 'chartsheet' : 'worksheet'}" Target="${target(s.part)}"/>`),
    `<Relationship Id="rIdS" Type="${REL_NS}/styles" Target="${target('styles.xml')}"/>`,
    ...(options.sharedStrings ? [`<Relationship Id="rIdT" Type="${REL_NS}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`] : []),
  ];
  const formats = options.cellFormats ?? [0];
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">${
    options.numFmts ? `<numFmts count="${options.numFmts.length}">${options.numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</numFmts>` : ''
  }<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${formats.length}">${formats
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`)
    .join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetParts
    .map((s) => `<Override PartName="/xl/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${s.kind === 'chartsheet' ? 'chartsheet' : 'worksheet'}+xml"/>`)
    .join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${
    options.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''
  }</Types>`;
  const sheetEntries: [string, string][] = sheetParts.map((s) => [`xl/${s.part}`, s.xml]);
  parts.push(['[Content_Types].xml', types]);
  parts.push(['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="${options.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`]);
  if (options.sheetsFirst) parts.push(...sheetEntries);
  parts.push(['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`]);
  parts.push(['xl/workbook.xml', workbook]);
  parts.push(['xl/styles.xml', styles]);
  if (options.sharedStrings) parts.push(['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">${options.sharedStrings.join('')}</sst>`]);
  if (!options.sheetsFirst) parts.push(...sheetEntries);
  const zip = new JSZip();
  for (const [name, text] of parts) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A worksheet part from its <sheetData> rows (and what follows them: merges, hyperlinks…). */
export function worksheetXml(rows: string, after = '', prefix = ''): string {
  const ns = prefix ? `xmlns:${prefix.slice(0, -1)}="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}worksheet ${ns} xmlns:r="${REL_NS}"><${prefix}dimension ref="A1"/><${prefix}sheetData>${rows}</${prefix}sheetData>${after}</${prefix}worksheet>`;
}
