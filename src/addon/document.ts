import { DOCUMENT_ADDON_TEXT, DOCUMENT_TEXT, PRODUCT_NAME, Report, spravkaDocument } from '../engine';
import { requireScopes } from './auth';
import { writeGoogleDoc } from './googleDoc';
import { withLock } from './panel';
import { nowText, runAnalysis } from './pipeline';

/**
 * «Создать документ справки» needs to create a Google Doc: DocumentApp.create is authorised only
 * by the `documents` scope (`drive.file` does not cover DocumentApp, and putting the document into
 * the spreadsheet's folder would take DriveApp's `drive`, which sees every file of the user). It is
 * asked for on first use, so the rest of the add-on works without it.
 */
export const DOCUMENT_SCOPES = ['https://www.googleapis.com/auth/documents'];

/** Recent справки of this spreadsheet, newest first (document properties: shared by its editors). */
const RECENT_KEY = 'reportDocuments';
const RECENT_MAX = 5;

export interface ReportDocumentLink {
  name: string;
  url: string;
  createdAt: string;
}

/** What «Создать документ справки» did (crosses google.script.run: plain data only). */
export interface ReportDocumentResult extends ReportDocumentLink {
  /** Generated sheets rewritten by the calculation that preceded the document. */
  sheets: string[];
  chart: boolean;
  headersPinned: boolean;
  /** Russian sentences for the panel or the dialog. */
  message: string[];
}

/** The picture of the native ИСБШ chart of «Сводка» just written, or null when there is none. */
function chartPicture(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: Report): GoogleAppsScript.Base.Blob | null {
  const withChart = report.sheets.find((s) => s.chart);
  const sheet = withChart ? ss.getSheetByName(withChart.name) : null;
  if (!sheet) return null;
  try {
    SpreadsheetApp.flush();
    const chart = sheet.getCharts()[0];
    return chart ? chart.getAs('image/png') : null;
  } catch (e) {
    console.warn(`Диаграмма для справки не получена: ${(e as Error).message}`);
    return null;
  }
}

function remember(link: ReportDocumentLink): void {
  const props = PropertiesService.getDocumentProperties();
  const recent = [link, ...readRecent(props.getProperty(RECENT_KEY))].slice(0, RECENT_MAX);
  props.setProperty(RECENT_KEY, JSON.stringify(recent));
}

function readRecent(stored: string | null): ReportDocumentLink[] {
  if (!stored) return [];
  try {
    const list = JSON.parse(stored) as unknown;
    return Array.isArray(list) ? list.filter((l): l is ReportDocumentLink => typeof l?.name === 'string' && typeof l?.url === 'string' && typeof l?.createdAt === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * «Создать документ справки» from the panel: recalculates (so the document and the sheets come
 * from one run), then makes a new Google Doc with the справка and the order's appendix. A new
 * document every time: one already signed or sent is never changed.
 */
export function createReportDocument(): ReportDocumentResult {
  requireScopes(DOCUMENT_SCOPES);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withLock(() => {
    const { report, written } = runAnalysis(ss);
    const generatedAt = nowText(ss);
    const doc = spravkaDocument({ analysis: report.analysis, listChanges: report.listChanges, generatedAt, source: DOCUMENT_TEXT.sourceSpreadsheet(ss.getName()) });
    const out = writeGoogleDoc(doc, chartPicture(ss, report));
    const link = { name: doc.name, url: out.document.getUrl(), createdAt: generatedAt };
    remember(link);
    const message = [
      DOCUMENT_ADDON_TEXT.created(doc.name),
      DOCUMENT_ADDON_TEXT.recalculated(written.length),
      out.chart ? '' : DOCUMENT_ADDON_TEXT.noChart,
      out.headersPinned ? '' : DOCUMENT_ADDON_TEXT.headerNotPinned,
      DOCUMENT_ADDON_TEXT.where,
      DOCUMENT_ADDON_TEXT.everyRun,
    ].filter(Boolean);
    return { ...link, sheets: written, chart: out.chart, headersPinned: out.headersPinned, message };
  });
}

/** The справки made from this spreadsheet, newest first (for the panel's links). */
export function getReportDocuments(): ReportDocumentLink[] {
  return readRecent(PropertiesService.getDocumentProperties().getProperty(RECENT_KEY));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The same from the menu: the consent screen on first use, then a dialog with the link to the document. */
export function menuCreateReportDocument(): void {
  requireScopes(DOCUMENT_SCOPES);
  const ui = SpreadsheetApp.getUi();
  let result: ReportDocumentResult;
  try {
    result = createReportDocument();
  } catch (e) {
    ui.alert(PRODUCT_NAME, (e as Error).message, ui.ButtonSet.OK);
    return;
  }
  const html = [
    `<p style="font:14px Arial,sans-serif"><a href="${escapeHtml(result.url)}" target="_blank" rel="noopener">${escapeHtml(DOCUMENT_ADDON_TEXT.open)}: «${escapeHtml(result.name)}»</a></p>`,
    ...result.message.slice(1).map((line) => `<p style="font:13px Arial,sans-serif;color:#3c4043">${escapeHtml(line)}</p>`),
  ].join('');
  ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(460).setHeight(260), DOCUMENT_TEXT.title);
}
