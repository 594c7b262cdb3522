/** Program indicators (DESIGN §2.5): what the shells need. */
export { INDICATORS, INDICATOR_GROUPS, NUMBER_COLUMNS } from './catalogue';
export type { Indicator, IndicatorGroup, IndicatorSource, Population } from './catalogue';
export { STATUS_TEXT, indicatorCounts, isListed } from './evaluate';
export type { IndicatorResult, IndicatorStatus } from './evaluate';
export { prepareMonitoring } from './prepareMonitoring';
export type { MonitoringPreparation } from './prepareMonitoring';
export type { MonitoringChanges } from '../sheets/monitoringSheet';
export { targetLabel, targetPercent } from './targets';
