import { ChartSpec } from '../engine';
import { insertScatterChart } from './contextChart';

const LINE_COLOR = '#d93025';

/**
 * Draws a generated sheet's chart natively: a combo chart whose series are columns, except the ones
 * the spec marks as lines (the ШНСУ cut-off). A constant number of calls whatever the data size.
 * A chart that cannot be drawn must not cost the coordinator the whole run: its data stays in the
 * sheet, so the failure is only logged.
 */
export function insertChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: ChartSpec): boolean {
  if (spec.scatter) return insertScatterChart(sheet, spec, spec.scatter);
  try {
    const range = sheet.getRange(spec.headerRow + 1, spec.column + 1, spec.rows + 1, spec.columns);
    const series: Record<number, { type: string; color: string; lineWidth: number }> = {};
    for (const i of spec.lineSeries) series[i] = { type: 'line', color: LINE_COLOR, lineWidth: 2 };
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COMBO)
      .addRange(range)
      .setNumHeaders(1)
      .setOption('title', spec.title)
      .setOption('seriesType', 'bars')
      .setOption('series', series)
      .setOption('legend', { position: 'top' })
      .setOption('vAxis', { viewWindow: { min: 0, max: 100 } })
      .setOption('width', spec.width)
      .setOption('height', spec.height)
      .setPosition(spec.anchorRow + 1, spec.anchorColumn + 1, 0, 0)
      .build();
    sheet.insertChart(chart);
    return true;
  } catch (e) {
    console.warn(`Диаграмма «${spec.title}» не построена: ${(e as Error).message}`);
    return false;
  }
}
