/** Charts as vega-lite specifications (plain JSON); the shells render them. */
export { CHART_FONT, VEGA_LITE_SCHEMA } from './spec';
export type { Json, VegaLiteSpec } from './spec';
export { MAX_BINS, MAX_SCHOOL_BARS, isbshAxisRange, isbshBins, isbshChartSpec, isbshChartVariant } from './isbsh';
export type { IsbshBar, IsbshChartInput, IsbshChartVariant } from './isbsh';
export { DENSE_POINTS, MAX_POINT_LABELS, contextChartSpec } from './context';
export type { ContextChartInput, ContextPoint } from './context';
export { SCHOOL_LABEL, abbreviateSchoolName, schoolLabel, wrapText } from './labels';
export type { Label, LabelLimits } from './labels';
export { ISBSH_BOUNDS, axisRangeNear, niceStep } from './scale';
export type { AxisRange } from './scale';
