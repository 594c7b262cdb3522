import path from 'node:path';
import { DOCUMENT_TEXT, Report, RoadmapRow, spravkaDocument } from '../../engine';
import { renderDocx } from './render';

export { renderDocx, pngSize } from './render';

export interface SpravkaOptions {
  /** The same local time text as the generated sheets. */
  generatedAt: string;
  /** «книги «…»» / «папки с файлами CSV «…»» (DOCUMENT_TEXT.source*). */
  source: string;
  /** The ИСБШ chart as PNG (src/cli/charts); null writes the fallback text instead. */
  chartPng: Uint8Array | null;
  roadmap?: RoadmapRow[] | null;
}

/** «Аналитическая справка» of a report as the bytes of a .docx file (the caller writes them). */
export async function spravkaDocxBytes(report: Report, options: SpravkaOptions): Promise<Buffer> {
  const doc = spravkaDocument({ analysis: report.analysis, listChanges: report.listChanges, generatedAt: options.generatedAt, source: options.source, roadmap: options.roadmap });
  return renderDocx(doc, { chartPng: options.chartPng });
}

/** «книги «школы.xlsx»» or «папки с файлами CSV «школы»»: where the справка says its data came from. */
export function documentSource(sourcePath: string, kind: 'xlsx' | 'csv'): string {
  const name = path.basename(path.resolve(sourcePath));
  return kind === 'csv' ? DOCUMENT_TEXT.sourceFolder(name) : DOCUMENT_TEXT.sourceWorkbook(name);
}
