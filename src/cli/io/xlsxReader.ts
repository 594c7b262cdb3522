import { promises as fs } from 'fs';
import { isGeneratedSheet } from '../../engine/sheets/placement';
import { SheetData } from '../../engine/table';
import { errorDetail, IO_MESSAGES } from './messages';
import { OpcPackage, readWorkbookModel, SheetEntry, WorkbookModel } from './package';
import { readDateStyles, readSharedStrings, readSheetValues } from './sheetReader';
import { excelSafeNames } from './sheetNames';

/** What the writer needs to know about each sheet of the input besides its values. */
export interface SourceSheet {
  entry: SheetEntry;
  /** Its first cell carries the «generated» marker: the sheet is ours and may be replaced. */
  generated: boolean;
  /** 1-based last row holding anything; rows are appended below it. */
  lastContentRow: number;
  /** The name the engine knows it by when the package renamed it (a CSV file name Excel cannot hold). */
  originalName?: string;
}

/**
 * The input .xlsx as a package: the writer keeps every part of it byte for byte and changes only
 * what a run replaces. Holds the compressed file, not the sheets' values.
 */
export class SourceWorkbook {
  /** Sheets whose names Excel cannot hold, with the names they get in the output. */
  readonly renames: Map<string, string>;

  constructor(
    readonly path: string,
    /** The file as read: the writer patches a private copy of it. */
    readonly bytes: Buffer,
    readonly pkg: OpcPackage,
    readonly model: WorkbookModel,
    readonly sheets: SourceSheet[],
  ) {
    this.renames = excelSafeNames(sheets.map((s) => s.entry.name));
  }

  /** Excel compares sheet names without regard to case. */
  sheet(name: string): SourceSheet | undefined {
    const key = sheetKey(name);
    return this.sheets.find((s) => sheetKey(s.entry.name) === key) ?? this.sheets.find((s) => s.originalName !== undefined && sheetKey(s.originalName) === key);
  }
}

export function sheetKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export interface XlsxInput {
  workbook: SourceWorkbook;
  /** Values of every worksheet, in the workbook's order. */
  sheets: SheetData[];
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File header: the old binary .xls, or an .xlsx encrypted with a password. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Reads every worksheet's values the way a coordinator sees them in Excel, one sheet at a time. */
export async function readXlsx(path: string): Promise<XlsxInput> {
  const buffer = await readWorkbookFile(path);
  let pkg: OpcPackage;
  try {
    pkg = await OpcPackage.load(buffer);
  } catch {
    throw new Error(IO_MESSAGES.brokenXlsx(path, IO_MESSAGES.brokenZip));
  }
  let model: WorkbookModel;
  try {
    model = await readWorkbookModel(pkg);
  } catch {
    // Any zip (a .docx, an .ods) opens but holds no workbook.
    throw new Error(IO_MESSAGES.notXlsx(path));
  }
  const worksheets = model.sheets.filter((s) => s.kind === 'worksheet' && s.part !== null);
  if (worksheets.length === 0) throw new Error(IO_MESSAGES.noWorksheets(path));
  try {
    const context = {
      sharedStrings: await readSharedStrings(pkg, model.sharedStrings),
      dateStyles: await readDateStyles(pkg, model.styles),
      date1904: model.date1904,
    };
    const sheets: SheetData[] = [];
    const info: SourceSheet[] = [];
    for (const entry of model.sheets) {
      if (entry.kind !== 'worksheet' || entry.part === null) {
        info.push({ entry, generated: false, lastContentRow: 0 });
        continue;
      }
      const values = await readSheetValues(pkg, entry.part, entry.name, context);
      sheets.push({ name: values.name, rows: values.rows });
      info.push({ entry, generated: isGeneratedSheet(values.rows[0]?.[0]), lastContentRow: values.lastContentRow });
    }
    return { workbook: new SourceWorkbook(path, buffer, pkg, model, info), sheets };
  } catch (error) {
    throw new Error(IO_MESSAGES.brokenXlsx(path, errorDetail(error)));
  }
}

async function readWorkbookFile(path: string): Promise<Buffer> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(IO_MESSAGES.fileNotFound(path));
    if (code === 'EISDIR') throw new Error(IO_MESSAGES.notAFile(path));
    if (code === 'EACCES' || code === 'EPERM') throw new Error(IO_MESSAGES.readFailed(path, IO_MESSAGES.noAccess));
    throw new Error(IO_MESSAGES.readFailed(path, errorDetail(error)));
  }
  if (startsWith(buffer, OLE_SIGNATURE)) {
    throw new Error(buffer.includes(ENCRYPTED_PACKAGE) ? IO_MESSAGES.encrypted(path) : IO_MESSAGES.oldXls(path));
  }
  if (!startsWith(buffer, ZIP_SIGNATURE)) throw new Error(IO_MESSAGES.notXlsx(path));
  return buffer;
}

function startsWith(buffer: Buffer, signature: Buffer): boolean {
  return buffer.length >= signature.length && buffer.subarray(0, signature.length).equals(signature);
}
