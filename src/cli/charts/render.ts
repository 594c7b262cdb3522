/**
 * Rendering of the engine's chart specs, headless (no browser, no canvas): vega-lite → vega → SVG, then
 * SVG → PNG with resvg. Text is measured and drawn in the shipped PT Sans, so a machine without fonts
 * gives the same picture as a desktop.
 *
 * Versions: vega 5 and vega-lite 5, whose CommonJS builds load as they are in `build/cli.cjs` (esbuild,
 * packages external), in `npm start` and in Jest (ts-jest, CommonJS). vega 6 / vega-lite 6 are ESM
 * only, which Jest's CommonJS runtime cannot require without transforming node_modules.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { TopLevelSpec, compile } from 'vega-lite';
import { CHART_FONT, VegaLiteSpec } from '../../engine';
import { TextStyle, chartFontFiles, textWidth } from './fonts';

export class ChartRenderError extends Error {}

interface TextMetrics {
  width: (item: TextStyle, text: unknown) => number;
}

let fontInstalled = false;

/**
 * Vega sizes axes, legends and titles through `textMetrics.width` (a documented hook: vl-convert sets it
 * too). It is given one line at a time; labels are never truncated by our specs (limit 0), so the
 * width asked for is always the width drawn.
 */
function useChartFont(): void {
  if (fontInstalled) return;
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    if (Array.isArray(text)) return Math.max(0, ...text.map((t) => textWidth(item, String(t ?? '').trim())));
    return textWidth(item, text == null ? '' : String(text).trim());
  };
  fontInstalled = true;
}

/**
 * A loader that refuses every URL and file: a chart's data are always inline. Vega only warns about a
 * failed load and draws the chart without those data, so the refusal is also noted in `refused`.
 */
function noLoading(refused: string[]): vega.Loader {
  const loader = vega.loader();
  loader.sanitize = (uri: string) => {
    const message = `диаграмма не загружает внешние данные («${uri}»): все данные должны быть в описании`;
    refused.push(message);
    return Promise.reject(new ChartRenderError(message));
  };
  return loader;
}

function collectingLogger(sink: string[], errors: string[] = []) {
  return vega.logger(vega.Warn, undefined, (_method, level, input) => {
    const text = Array.from(input, (v) => (v instanceof Error ? v.message : String(v))).join(' ');
    (level === 'ERROR' ? errors : sink).push(text);
  });
}

export interface CompiledChart {
  vega: vega.Spec;
  /** vega-lite's warnings (an invalid encoding, a dropped property…): the tests require none. */
  warnings: string[];
}

/** The vega spec of a vega-lite spec. */
export function compileChart(spec: VegaLiteSpec): CompiledChart {
  const warnings: string[] = [];
  try {
    const result = compile(spec as unknown as TopLevelSpec, { logger: collectingLogger(warnings, warnings) });
    return { vega: result.spec, warnings };
  } catch (e) {
    throw new ChartRenderError(`Описание диаграммы не принято vega-lite: ${(e as Error).message}`);
  }
}

/** The chart as a standalone SVG document (text as text, in the chart font with fallbacks). */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  useChartFont();
  const { vega: compiled } = compileChart(spec);
  // Vega reports a failed data load or a bad expression to its logger and still draws what it can: a
  // chart with a hole in it is not given out.
  const errors: string[] = [];
  let svg: string;
  try {
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: noLoading(errors), logger: collectingLogger([], errors) });
    try {
      svg = await view.toSVG();
    } finally {
      view.finalize();
    }
  } catch (e) {
    throw new ChartRenderError(`Диаграмма не построена: ${(e as Error).message}`);
  }
  if (errors.length) throw new ChartRenderError(`Диаграмма не построена: ${errors.join('; ')}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

export interface PngOptions {
  /** Pixels per SVG unit: 2 (the default) gives about 190 dpi at the chart's natural size — enough for print. */
  scale?: number;
}

export interface Png {
  bytes: Buffer;
  width: number;
  height: number;
}

/** An SVG rasterised with resvg in the chart font only (system fonts are not consulted). */
export function svgToPng(svg: string, options: PngOptions = {}): Png {
  const scale = options.scale ?? 2;
  if (!(scale > 0 && scale <= 8)) throw new ChartRenderError(`Масштаб PNG должен быть от 0 до 8, указано ${scale}.`);
  const resvg = new Resvg(svg, {
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  const image = resvg.render();
  return { bytes: image.asPng(), width: image.width, height: image.height };
}

/** The chart as PNG bytes. */
export async function renderPng(spec: VegaLiteSpec, options: PngOptions = {}): Promise<Buffer> {
  return svgToPng(await renderSvg(spec), options).bytes;
}

export interface RenderedChart extends Png {
  svg: string;
}

/** Both forms from one layout (the SVG beside the workbook and the picture inside it agree). */
export async function renderChart(spec: VegaLiteSpec, options: PngOptions = {}): Promise<RenderedChart> {
  const svg = await renderSvg(spec);
  return { svg, ...svgToPng(svg, options) };
}
