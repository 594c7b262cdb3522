import { GeneratedSheet } from '../../engine/sheets/generated';
import { MAX_PICTURE_HEIGHT_PX } from './printLayout';
import { Picture } from './render';

/**
 * The picture of a sheet's chart (PNG bytes rendered by the caller, at any resolution) placed where
 * the sheet reserves room for it (`GeneratedSheet.chart`: anchor cell and size in pixels): as wide as
 * that room, its height in proportion (the writer makes the rows below the anchor as tall); null
 * when the sheet reserves none.
 */
export function chartPicture(sheet: GeneratedSheet, png: Buffer): Picture | null {
  const chart = sheet.chart;
  if (!chart) return null;
  const natural = pngSize(png);
  // As wide as the room, but never taller than a page: a picture is not cut by a page break.
  const scale = natural ? Math.min(chart.width / natural.width, MAX_PICTURE_HEIGHT_PX / natural.height) : 1;
  const width = natural ? Math.round(natural.width * scale) : chart.width;
  const height = natural ? Math.round(natural.height * scale) : chart.height;
  return { sheet: sheet.name, png, row: chart.anchorRow, col: chart.anchorColumn, width, height };
}

/** The pictures of every generated sheet that reserves room for a chart, all from the one PNG. */
export function chartPictures(sheets: GeneratedSheet[], png: Buffer | null | undefined): Picture[] {
  if (!png) return [];
  return sheets.map((s) => chartPicture(s, png)).filter((p): p is Picture => p !== null);
}

/** The pictures of a report: the ИСБШ chart where a sheet reserves room for it, the context scatter on «Контекст». */
export function reportPictures(sheets: GeneratedSheet[], charts: { isbsh?: Buffer | null; context?: Buffer | null }): Picture[] {
  return [...chartPictures(sheets.filter((g) => g.chart && !g.chart.scatter), charts.isbsh), ...chartPictures(sheets.filter((g) => g.chart?.scatter), charts.context)];
}

/** Width and height from a PNG's header; null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = png.length >= 24 && png.readUInt32BE(0) === 0x89504e47 && png.toString('latin1', 12, 16) === 'IHDR';
  return signature ? { width: png.readUInt32BE(16), height: png.readUInt32BE(20) } : null;
}
