/**
 * Charts for the CLI's outputs. Others call:
 * - `renderSvg(spec)` → the SVG text; `renderPng(spec, { scale })` → PNG bytes; `renderChart(spec)` → both
 *   with the PNG's pixel size (for placing the picture in a workbook or a document);
 * - `isbshChartSvg(a)` / `isbshChartPicture(a)` (src/cli/isbshSvg.ts) → the ИСБШ chart of an analysis, null without any index.
 * The specs come from the engine (`isbshChart(a)`, `contextChartSpec(...)`).
 */
export { ChartRenderError, compileChart, renderChart, renderPng, renderSvg, svgToPng } from './render';
export type { CompiledChart, Png, PngOptions, RenderedChart } from './render';
export { ChartFontError, chartFontFiles } from './fonts';
