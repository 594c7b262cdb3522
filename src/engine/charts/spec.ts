/**
 * Charts are described here as vega-lite specifications, plain JSON: the engine holds no charting
 * library, the CLI renders them (src/cli/charts) and anyone else can hand them to vega-lite as they are.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A complete vega-lite specification (inline data, theme included). */
export type VegaLiteSpec = { [key: string]: Json };

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * The font the charts are laid out in. PT Sans (ParaType, SIL OFL) was drawn for the languages of
 * Russia, so every school name — Tatar and Bashkir letters included — has its glyphs; the CLI ships it
 * and measures text with it. Viewers without it fall back to Arial, which is narrower: nothing is cut.
 */
export const CHART_FONT = 'PT Sans';
const FONT_STACK = `${CHART_FONT}, Arial, sans-serif`;

export const CHART_COLORS = {
  text: '#202124',
  muted: '#5f6368',
  grid: '#e8eaed',
  bar: '#a8c7fa',
  shnsu: '#e46962',
  cutoff: '#a50e0e',
  point: '#9aa0a6',
  shnor: '#d93025',
  resilient: '#188038',
  both: '#8430ce',
  line: '#3c4043',
} as const;

/** Text sizes and the line height of wrapped labels, shared by the specs and their layout arithmetic. */
export const CHART_TYPE = { title: 15, subtitle: 11, label: 11, value: 10, lineHeight: 13 } as const;

/**
 * The common look: Russian number format (decimal comma, no-break space between thousands), no label
 * or title truncation (the specs shorten names themselves, so the renderer never cuts one), white page.
 */
export function chartConfig(): { [key: string]: Json } {
  return {
    font: FONT_STACK,
    locale: { number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0₽'] } },
    view: { stroke: null },
    title: {
      anchor: 'start',
      fontSize: CHART_TYPE.title,
      fontWeight: 'bold',
      color: CHART_COLORS.text,
      subtitleFontSize: CHART_TYPE.subtitle,
      subtitleColor: CHART_COLORS.muted,
      subtitlePadding: 4,
      offset: 14,
      limit: 0,
    },
    axis: {
      labelFontSize: CHART_TYPE.label,
      titleFontSize: CHART_TYPE.label,
      labelColor: CHART_COLORS.text,
      titleColor: CHART_COLORS.text,
      titleFontWeight: 'normal',
      gridColor: CHART_COLORS.grid,
      domainColor: CHART_COLORS.muted,
      tickColor: CHART_COLORS.muted,
      labelLimit: 0,
    },
    legend: { labelFontSize: CHART_TYPE.label, labelColor: CHART_COLORS.text, labelLimit: 0, titleLimit: 0 },
    text: { color: CHART_COLORS.text },
  };
}

/** The frame every spec shares. */
export function baseSpec(title: string, subtitle: string[]): VegaLiteSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    background: '#ffffff',
    padding: 16,
    title: { text: title, subtitle },
    config: chartConfig(),
  };
}

/** A whole number with no-break spaces between thousands: 40 000. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, '\u00a0');
}
