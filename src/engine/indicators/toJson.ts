import type { IndicatorJson } from '../json';
import { IndicatorResult, STATUS_TEXT } from './evaluate';

/** `indicators` of the JSON result (DESIGN §3.3): value and target as shares, status as shown in the sheets. */
export function indicatorsJson(results: IndicatorResult[]): IndicatorJson[] {
  return results.map((r) => ({
    id: r.indicator.id,
    group: r.indicator.group,
    text: r.indicator.text,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    target: r.target / 100,
    status: STATUS_TEXT[r.status],
  }));
}
