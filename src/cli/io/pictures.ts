import { GeneratedSheet } from '../../engine/sheets/generated';
import { Picture } from './render';

/**
 * The picture of a sheet's chart (PNG bytes rendered by the caller) placed where the sheet reserves
 * room for it (`GeneratedSheet.chart`: anchor cell and size in pixels); null when it reserves none.
 */
export function chartPicture(sheet: GeneratedSheet, png: Buffer): Picture | null {
  const chart = sheet.chart;
  if (!chart) return null;
  return { sheet: sheet.name, png, row: chart.anchorRow, col: chart.anchorColumn, width: chart.width, height: chart.height };
}
