import { ChartSpec, ScatterChartSpec } from '../engine';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

const LINE_COLOR = '#d93025';

/**
 * Draws a generated sheet's chart natively over the sheet's own cells, with a constant number of
 * calls whatever the data size. A chart that cannot be drawn must not cost the coordinator the whole
 * run: its data stays in the sheet, so the failure is only logged (and false returned).
 */
export function insertChart(sheet: Sheet, spec: ChartSpec): boolean {
  try {
    const builder = spec.scatter ? scatterChart(sheet, spec, spec.scatter) : comboChart(sheet, spec);
    const chart = builder
      .setOption('title', spec.title)
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

/** The ИСБШ chart: a combo chart whose series are columns, except the ones marked as lines (the ШНСУ cut-off). */
function comboChart(sheet: Sheet, spec: ChartSpec): Builder {
  const range = sheet.getRange(spec.headerRow + 1, spec.column + 1, spec.rows + 1, spec.columns);
  const series: Record<number, { type: string; color: string; lineWidth: number }> = {};
  for (const i of spec.lineSeries) series[i] = { type: 'line', color: LINE_COLOR, lineWidth: 2 };
  return sheet
    .newChart()
    .setChartType(Charts.ChartType.COMBO)
    .addRange(range)
    .setNumHeaders(1)
    .setOption('seriesType', 'bars')
    .setOption('series', series)
    .setOption('legend', { position: 'top' })
    .setOption('vAxis', { viewWindow: { min: 0, max: 100 } });
}

/**
 * The context scatter of «Контекст»: ИСБШ on x, the failed share of every school of the model, the
 * fitted line (p̂ of the same rows), ШНОР and resilient schools as their own series — two ranges.
 */
function scatterChart(sheet: Sheet, spec: ChartSpec, scatter: ScatterChartSpec): Builder {
  let builder = sheet.newChart().setChartType(Charts.ChartType.SCATTER);
  for (const r of scatter.ranges) builder = builder.addRange(sheet.getRange(spec.headerRow + 1, r.column + 1, spec.rows + 1, r.columns));
  const series: Record<number, Record<string, string | number>> = {};
  scatter.series.forEach((s, i) => {
    series[i] = s.line ? { color: s.color, lineWidth: 2, pointSize: 0 } : { color: s.color, lineWidth: 0, pointSize: s.size ?? 5, pointShape: s.shape ?? 'circle' };
  });
  return builder
    .setNumHeaders(1)
    .setOption('series', series)
    .setOption('legend', { position: 'bottom' })
    .setOption('hAxis', { title: scatter.xAxis.title, viewWindow: { min: scatter.xAxis.min, max: scatter.xAxis.max } })
    .setOption('vAxis', { title: scatter.yAxis.title, format: '0%', viewWindow: { min: scatter.yAxis.min, max: scatter.yAxis.max } });
}
