import fs from 'node:fs';
import { Analysis, isbshChart } from '../engine';
import { PngOptions, RenderedChart, renderChart, renderSvg } from './charts';

/** `<out>-isbsh.svg` beside the output workbook `<out>.xlsx`. */
export function svgPathFor(workbookPath: string): string {
  return `${workbookPath.replace(/\.xlsx$/i, '')}-isbsh.svg`;
}

/** The ИСБШ chart as SVG text; null when no school has an index. */
export async function isbshChartSvg(a: Analysis): Promise<string | null> {
  const spec = isbshChart(a);
  return spec ? renderSvg(spec) : null;
}

/** The ИСБШ chart as SVG and PNG from one layout (for «Сводка» and the справка); null without any index. */
export async function isbshChartPicture(a: Analysis, options?: PngOptions): Promise<RenderedChart | null> {
  const spec = isbshChart(a);
  return spec ? renderChart(spec, options) : null;
}

/** Writes the ИСБШ chart beside the workbook (the add-on draws it natively); null when no school has an index. */
export async function writeIsbshSvg(a: Analysis, workbookPath: string): Promise<string | null> {
  const svg = await isbshChartSvg(a);
  if (svg === null) return null;
  const file = svgPathFor(workbookPath);
  fs.writeFileSync(file, svg);
  return file;
}
