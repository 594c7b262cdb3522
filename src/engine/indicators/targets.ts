import { parseNumber } from '../parse';
import { Settings, SettingRow, TARGET_ROW_PREFIX, registerSettingRows } from '../settings';
import { cellText } from '../table';
import { INDICATORS, Indicator } from './catalogue';

/** The target in percent: «Настройки» when set there, else the program's value. */
export function targetPercent(settings: Settings, indicator: Indicator): number {
  const share = settings.targets[indicator.id];
  return share === undefined ? indicator.target : Math.round(share * 100 * 1e9) / 1e9;
}

export function targetLabel(indicator: Indicator): string {
  return `${TARGET_ROW_PREFIX}${indicator.id} ${indicator.short}`;
}

function targetRow(indicator: Indicator): SettingRow {
  return {
    label: targetLabel(indicator),
    hint: `В процентах (по программе — ${indicator.target}). ${indicator.text}.`,
    read(value, s) {
      const n = parseNumber(value);
      if (!n) return `значение «${cellText(value)}» не является числом`;
      // A cell formatted as percent arrives as a fraction (0,2 for 20 %); targets below 1 % do not occur.
      const percent = !n.percent && n.value > 0 && n.value < 1 ? n.value * 100 : n.value;
      if (percent < 0 || percent > 100) return `целевое значение ${cellText(value)} вне диапазона 0–100 %`;
      // Only a changed target is kept, so the defaults read back as the defaults.
      const { [indicator.id]: _old, ...others } = s.targets;
      s.targets = percent === indicator.target ? others : { ...others, [indicator.id]: percent / 100 };
      return null;
    },
    write: (s) => targetPercent(s, indicator),
  };
}

registerSettingRows(INDICATORS.map(targetRow));
