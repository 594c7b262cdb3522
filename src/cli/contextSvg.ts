import { Analysis, contextChart } from '../engine';
import { PngOptions, RenderedChart, renderChart, renderSvg } from './charts';

/** `<out>-context.svg` beside the output workbook `<out>.xlsx`. */
export function contextSvgPathFor(workbookPath: string): string {
  return `${workbookPath.replace(/\.xlsx$/i, '')}-context.svg`;
}

/** The context scatter as SVG text; null when no school has both ИСБШ and a failed share. */
export async function contextChartSvg(a: Analysis): Promise<string | null> {
  const spec = contextChart(a);
  return spec ? renderSvg(spec) : null;
}

/**
 * The context scatter as SVG and PNG from one layout, for the picture in «Контекст» (placed at the
 * sheet's `chart` anchor and size) and the справка; null when there is nothing to draw.
 */
export async function contextChartPicture(a: Analysis, options?: PngOptions): Promise<RenderedChart | null> {
  const spec = contextChart(a);
  return spec ? renderChart(spec, options) : null;
}
