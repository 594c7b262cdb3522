import { Arg, CustomFunctionError, Out, SHEETS, Settings, defaultSettings, Journal, readSettings, isbshFromCounts, isbshFromShares, lowResult, shnsuCutoff } from '../engine';

/** «Настройки» when the sheet exists (custom functions may read the spreadsheet), else the defaults. */
function settings(): Settings {
  try {
    const sheet = SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName(SHEETS.settings);
    if (!sheet) return defaultSettings();
    return readSettings(sheet.getDataRange().getValues(), new Journal()).settings;
  } catch (_e) {
    return defaultSettings();
  }
}

/** Russian message instead of a stack trace in the cell. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CustomFunctionError) throw new Error(e.message);
    throw new Error(`Не удалось вычислить: ${(e as Error).message}`);
  }
}

/**
 * Индекс социального благополучия школы (ИСБШ) по долям: 85 + 15·h − 20·s − 65·r (веса из листа «Настройки»).
 * Принимает отдельные ячейки или целые столбцы и возвращает результат той же формы.
 *
 * @param {number|Array<Array<number>>} h Доля обучающихся из семей, где оба родителя имеют высшее образование (от 0 до 1 или «12,5%»).
 * @param {number|Array<Array<number>>} s Доля обучающихся из неполных семей.
 * @param {number|Array<Array<number>>} r Доля обучающихся, состоящих на различных видах учёта.
 * @return ИСБШ от 0 до 100 (или сообщение об ошибке в ячейке).
 * @customfunction
 */
export function ISBSH(h: Arg, s: Arg, r: Arg): Out {
  return guarded(() => isbshFromShares(h, s, r, settings().weights));
}

/**
 * ИСБШ по количествам обучающихся: доли вычисляются как H/N, S/N, R/N.
 *
 * @param {number|Array<Array<number>>} N Всего обучающихся.
 * @param {number|Array<Array<number>>} H Из семей, где оба родителя имеют высшее образование.
 * @param {number|Array<Array<number>>} S Из неполных семей.
 * @param {number|Array<Array<number>>} R Состоящих на различных видах учёта.
 * @return ИСБШ от 0 до 100 (или сообщение об ошибке в ячейке).
 * @customfunction
 */
export function ISBSH_COUNTS(N: Arg, H: Arg, S: Arg, R: Arg): Out {
  return guarded(() => isbshFromCounts(N, H, S, R, settings().weights));
}

/**
 * Граница ШНСУ: ПРОЦЕНТИЛЬ.ВКЛ значений ИСБШ (как PERCENTILE.INC в Таблицах). ШНСУ — школы с ИСБШ не выше границы.
 *
 * @param {Array<Array<number>>} range Диапазон со значениями ИСБШ всех школ.
 * @param {number|string} p Необязательно: 0,25 — нижний квартиль (по умолчанию), 0,2 — нижний квинтиль; можно «квартиль» или «квинтиль».
 * @return Граница ШНСУ.
 * @customfunction
 */
export function SHNSU_CUTOFF(range: Arg, p?: Arg): number {
  return guarded(() => shnsuCutoff(range, p));
}

/**
 * Низкий результат оценочной процедуры: не справились не менее порога (по умолчанию 30 %) участников; сравнение точное, без округления.
 *
 * @param {number|Array<Array<number>>} P Число участников.
 * @param {number|Array<Array<number>>} F Число не справившихся (отметка «2» или ниже минимального порога).
 * @param {number} threshold Необязательно: порог в процентах (по умолчанию — из листа «Настройки», 30).
 * @return ИСТИНА — результат низкий, ЛОЖЬ — нет, «нет данных» при P = 0.
 * @customfunction
 */
export function LOW_RESULT(P: Arg, F: Arg, threshold?: Arg): Out {
  return guarded(() => lowResult(P, F, threshold, settings().threshold));
}
