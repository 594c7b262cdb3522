import { ChartSpec, ScatterChartSpec } from '../engine';

/**
 * The context scatter of «Контекст» as a native chart over the sheet's own columns: ИСБШ on x, the
 * failed share of every school of the model, the fitted line (p̂ of the same rows), ШНОР and resilient
 * schools as their own series. Two ranges and a fixed set of options: a constant number of calls,
 * whatever the number of schools. Like the ИСБШ chart, a failure only loses the picture (the data
 * stay in the sheet) and is logged.
 */
export function insertScatterChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: ChartSpec, scatter: ScatterChartSpec): boolean {
  try {
    let builder = sheet.newChart().setChartType(Charts.ChartType.SCATTER);
    for (const r of scatter.ranges) builder = builder.addRange(sheet.getRange(spec.headerRow + 1, r.column + 1, spec.rows + 1, r.columns));
    const series: Record<number, Record<string, string | number>> = {};
    scatter.series.forEach((s, i) => {
      series[i] = s.line ? { color: s.color, lineWidth: 2, pointSize: 0 } : { color: s.color, lineWidth: 0, pointSize: s.size ?? 5, pointShape: s.shape ?? 'circle' };
    });
    const chart = builder
      .setNumHeaders(1)
      .setOption('title', spec.title)
      .setOption('series', series)
      .setOption('legend', { position: 'bottom' })
      .setOption('hAxis', { title: scatter.xAxis.title, viewWindow: { min: scatter.xAxis.min, max: scatter.xAxis.max } })
      .setOption('vAxis', { title: scatter.yAxis.title, format: '0%', viewWindow: { min: scatter.yAxis.min, max: scatter.yAxis.max } })
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
