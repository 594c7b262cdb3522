import { VprScale, formatScale, parseScale, scaleKey } from './import/scale';
import { Journal } from './journal';
import { parseNumber, parseSchoolYear } from './parse';
import { PROCEDURES, matchProcedure } from './shnor/procedures';
import { CONTEXT_SETTINGS, CUTOFF_LABELS, FORM_TEXT, NO, PROTOCOL_TEXT, SHEETS, YES } from './strings';
import { parseFormId } from './form/formId';
import { Cell, Table, cellText } from './table';
import { fold, formatNumber, quote } from './text';

export type CutoffKind = 'quartile' | 'quintile';
export type DynamicsKind = 'share' | 'mean';

export interface Settings {
  /** ИСБШ = constant + higher·h − singleParent·s − register·r. */
  weights: { constant: number; higher: number; singleParent: number; register: number };
  cutoff: CutoffKind;
  /** Low result threshold, percent of participants who failed. */
  threshold: number;
  /** Analysis school year «2021/2022»; null = the latest year in the results. */
  year: string | null;
  /** Критерий 2 requires the same procedure in both years. */
  sameProcedure: boolean;
  /** Below this many participants a low result is marked «малая выборка». */
  minSample: number;
  /** Canonical procedure name → counts for ШНОР. */
  procedures: Record<string, boolean>;
  /** Questionnaire sheet name; '' = find «Ответы на форму…» automatically. */
  questionnaireSheet: string;
  /** Id of the Google Form the add-on created for the questionnaire; '' = none. */
  form: string;
  resultsSheet: string;
  /** Minimum score per exam, for student-level imports (ЕГЭ): below it = failed. */
  minScores: Record<string, number>;
  /** Indicator id → target share (0..1). */
  targets: Record<string, number>;
  dynamics: DynamicsKind;
  /** A school clear of the criteria for at least this many years in a row has left the list (DESIGN §2.6). */
  exitYears: number;
  /** Name of the municipality for titles of the form and the documents; '' = from «Справочник ОО». */
  municipality: string;
  /** Context (DESIGN §2.7): «результаты ниже ожидаемых» from this residual on, in percentage points. */
  contextDeviation: number;
  /** Context: how many ШНОР schools one «школа-лидер» may be paired with. */
  leaderCapacity: number;
  /** Scales of marks of ВПР protocols, by `scaleKey(procedure, year)` (rows «Шкала ВПР: …»). */
  vprScales: Record<string, VprScale>;
  /** Indicative thresholds of the signs of biased marking («Признаки необъективности: …»). */
  objectivity: ObjectivityThresholds;
}

export interface ObjectivityThresholds {
  /** A school's share of «повысили» at least this many times the municipality's… */
  upFactor: number;
  /** …and at least this percentage. */
  upMinPercent: number;
  /** Participants exactly at the minimum for a mark at least this many times those one point below… */
  boundaryRatio: number;
  /** …in a school with at least this many participants. */
  boundaryMinParticipants: number;
}

export const DEFAULT_OBJECTIVITY: ObjectivityThresholds = { upFactor: 2, upMinPercent: 10, boundaryRatio: 3, boundaryMinParticipants: 20 };

export const CUTOFF_P: Record<CutoffKind, number> = { quartile: 0.25, quintile: 0.2 };

/** Defaults for the minimum scores table (seed 000, §2.2): ЕГЭ русский 24, профильная 27, базовая отметка 3. */
export const DEFAULT_MIN_SCORES: Record<string, number> = {
  'ЕГЭ русский язык': 24,
  'ЕГЭ математика (профильная)': 27,
  'ЕГЭ математика (базовая)': 3,
};

export function defaultSettings(): Settings {
  return {
    weights: { constant: 85, higher: 15, singleParent: 20, register: 65 },
    cutoff: 'quartile',
    threshold: 30,
    year: null,
    sameProcedure: false,
    minSample: 10,
    procedures: Object.fromEntries(PROCEDURES.map((p) => [p.name, p.shnor])),
    questionnaireSheet: '',
    form: '',
    resultsSheet: SHEETS.results,
    minScores: { ...DEFAULT_MIN_SCORES },
    targets: {},
    dynamics: 'share',
    exitYears: 1,
    municipality: '',
    contextDeviation: 10,
    leaderCapacity: 2,
    vprScales: {},
    objectivity: { ...DEFAULT_OBJECTIVITY },
  };
}

/** One row of the «Настройки» sheet: how it is labelled, read and written. */
export interface SettingRow {
  label: string;
  hint: string;
  read(value: Cell, s: Settings): string | null; // returns an error message or null
  write(s: Settings): Cell;
}

function numberRow(label: string, hint: string, get: (s: Settings) => number, set: (s: Settings, v: number) => void, check: (v: number) => boolean): SettingRow {
  return {
    label,
    hint,
    read(value, s) {
      const n = parseNumber(value);
      if (!n || !check(n.value)) return `значение «${quote(cellText(value))}» не подходит`;
      set(s, n.value);
      return null;
    },
    write: get,
  };
}

function yesNoRow(label: string, hint: string, get: (s: Settings) => boolean, set: (s: Settings, v: boolean) => void): SettingRow {
  return {
    label,
    hint,
    read(value, s) {
      const v = parseYesNo(value);
      if (v === null) return `ожидалось «${YES}» или «${NO}», указано «${quote(cellText(value))}»`;
      set(s, v);
      return null;
    },
    write: (s) => (get(s) ? YES : NO),
  };
}

export function parseYesNo(value: Cell): boolean | null {
  if (typeof value === 'boolean') return value;
  const t = fold(cellText(value));
  if (['да', 'yes', 'true', 'истина', '1', 'вкл', 'включено'].includes(t)) return true;
  if (['нет', 'no', 'false', 'ложь', '0', 'выкл', 'выключено'].includes(t)) return false;
  return null;
}

const weightRow = (label: string, key: keyof Settings['weights'], hint: string): SettingRow =>
  numberRow(label, hint, (s) => s.weights[key], (s, v) => (s.weights[key] = v), (v) => v >= 0 && v <= 1000);

export const PROCEDURE_ROW_PREFIX = 'ШНОР: учитывать ';
export const MIN_SCORE_ROW_PREFIX = 'Минимальный балл: ';
export const TARGET_ROW_PREFIX = 'Целевое значение, %: ';
export const OBJECTIVITY_ROW_PREFIX = 'Признаки необъективности: ';

/** The rows «Создать анкету для школ» fills in. */
export const FORM_SETTING_LABEL = 'Форма анкеты';
export const QUESTIONNAIRE_SHEET_LABEL = 'Лист анкеты';

/** Context (DESIGN §2.7, the sheet «Контекст»). */
function contextSettingRows(): SettingRow[] {
  return [
    numberRow(CONTEXT_SETTINGS.deviation.label, CONTEXT_SETTINGS.deviation.hint, (s) => s.contextDeviation, (s, v) => (s.contextDeviation = v), (v) => v > 0 && v <= 100),
    numberRow(CONTEXT_SETTINGS.capacity.label, CONTEXT_SETTINGS.capacity.hint, (s) => s.leaderCapacity, (s, v) => (s.leaderCapacity = v), (v) => Number.isInteger(v) && v >= 1 && v <= 1000),
  ];
}

export const SETTING_ROWS: SettingRow[] = [
  {
    label: 'Учебный год анализа',
    hint: 'Последний завершённый учебный год, например 2022/2023. Пусто — последний год в результатах.',
    read(value, s) {
      if (cellText(value) === '') {
        s.year = null;
        return null;
      }
      const y = parseSchoolYear(value);
      if (!y) return `«${quote(cellText(value))}» не является учебным годом`;
      s.year = y.year;
      return null;
    },
    write: (s) => s.year ?? '',
  },
  {
    label: 'Муниципалитет',
    hint: 'Для заголовков анкеты и документов. Пусто — из столбца «Муниципалитет» листа «Справочник ОО».',
    read(value, s) {
      s.municipality = cellText(value);
      return null;
    },
    write: (s) => s.municipality,
  },
  {
    label: 'Граница ШНСУ',
    hint: `«${CUTOFF_LABELS.quartile}» (25 %) или «${CUTOFF_LABELS.quintile}» (20 %) распределения ИСБШ.`,
    read(value, s) {
      const c = parseCutoff(cellText(value));
      if (!c) return `ожидалось «${CUTOFF_LABELS.quartile}» или «${CUTOFF_LABELS.quintile}»`;
      s.cutoff = c;
      return null;
    },
    write: (s) => CUTOFF_LABELS[s.cutoff],
  },
  weightRow('ИСБШ: константа', 'constant', 'Первое слагаемое формулы ИСБШ (приводит индекс к шкале 0–100).'),
  weightRow('ИСБШ: вес доли «оба родителя с высшим образованием»', 'higher', 'Прибавляется: 15 × h.'),
  weightRow('ИСБШ: вес доли «неполные семьи»', 'singleParent', 'Вычитается: 20 × s.'),
  weightRow('ИСБШ: вес доли «на учёте»', 'register', 'Вычитается: 65 × r.'),
  numberRow('Порог низкого результата, %', 'Результат низкий, если не справились не менее этой доли участников.', (s) => s.threshold, (s, v) => (s.threshold = v), (v) => v > 0 && v <= 100),
  yesNoRow('Критерий 2: та же процедура в оба года', '«да» — низкие результаты в обоих годах должны быть по одной и той же процедуре.', (s) => s.sameProcedure, (s, v) => (s.sameProcedure = v)),
  numberRow('Минимум участников для надёжного вывода', 'Низкий результат при меньшем числе участников отмечается как «малая выборка»; в листе «Контекст» школа, у которой в году анализа участников меньше, не получает доли не справившихся.', (s) => s.minSample, (s, v) => (s.minSample = v), (v) => Number.isInteger(v) && v >= 1),
  ...contextSettingRows(),
  {
    label: QUESTIONNAIRE_SHEET_LABEL,
    hint: 'Пусто — лист «Ответы на форму…» находится автоматически.',
    read(value, s) {
      s.questionnaireSheet = cellText(value);
      return null;
    },
    write: (s) => s.questionnaireSheet,
  },
  {
    label: FORM_SETTING_LABEL,
    hint: FORM_TEXT.formSettingHint,
    read(value, s) {
      const parsed = parseFormId(cellText(value));
      if ('problem' in parsed) return parsed.problem;
      s.form = parsed.id;
      return null;
    },
    write: (s) => s.form,
  },
  {
    label: 'Лист результатов',
    hint: 'Лист с результатами оценочных процедур.',
    read(value, s) {
      s.resultsSheet = cellText(value) || SHEETS.results;
      return null;
    },
    write: (s) => s.resultsSheet,
  },
  numberRow(
    'Выход из перечня: лет подряд без оснований',
    'Школа, бывшая в перечне и не отвечающая критериям столько лет подряд, считается вышедшей из перечня; меньше — «на пути к выходу».',
    (s) => s.exitYears,
    (s, v) => (s.exitYears = v),
    (v) => Number.isInteger(v) && v >= 1 && v <= 10,
  ),
  {
    label: 'Положительная динамика',
    hint: '«по доле не справившихся» (доля в году анализа ниже, чем в предыдущем) или «по среднему баллу».',
    read(value, s) {
      const t = fold(cellText(value));
      if (t.includes('балл')) s.dynamics = 'mean';
      else if (t.includes('дол') || t.includes('не справ')) s.dynamics = 'share';
      else return 'ожидалось «по доле не справившихся» или «по среднему баллу»';
      return null;
    },
    write: (s) => (s.dynamics === 'mean' ? 'по среднему баллу' : 'по доле не справившихся'),
  },
  ...PROCEDURES.map((p) =>
    yesNoRow(`${PROCEDURE_ROW_PREFIX}${p.name}`, p.shnor ? 'Процедура из методики (раздел 4).' : 'Региональная процедура: по умолчанию не учитывается для ШНОР, используется в показателях.', (s) => s.procedures[p.name] === true, (s, v) => (s.procedures[p.name] = v)),
  ),
  ...Object.keys(DEFAULT_MIN_SCORES).map((name) =>
    numberRow(`${MIN_SCORE_ROW_PREFIX}${name}`, 'Для импорта результатов по участникам: ниже этого балла (отметки) — не преодолел минимальный порог.', (s) => s.minScores[name], (s, v) => (s.minScores[name] = v), (v) => v >= 0 && v <= 100),
  ),
  ...objectivityRows(),
];


/** The thresholds of «Объективность» (issue 16): indicative, as ФИОКО presents them. */
function objectivityRows(): SettingRow[] {
  const row = (label: string, hint: string, key: keyof ObjectivityThresholds, check: (v: number) => boolean): SettingRow =>
    numberRow(`${OBJECTIVITY_ROW_PREFIX}${label}`, `Ориентировочный порог. ${hint}`, (s) => s.objectivity[key], (s, v) => (s.objectivity[key] = v), check);
  return [
    row('повысили, во сколько раз выше доли муниципалитета', 'Признак: доля участников, чья отметка за ВПР выше отметки по журналу, не меньше доли муниципалитета, умноженной на это число (и не меньше порога ниже).', 'upFactor', (v) => v >= 1 && v <= 100),
    row('повысили, не менее %', 'Признак: доля повысивших отметку по сравнению с журналом не меньше этого процента.', 'upMinPercent', (v) => v >= 0 && v <= 100),
    row('пик на границе отметки, отношение', 'Признак: участников с баллом ровно на минимуме для «3» (или «4») не меньше, чем на балл ниже, умноженное на это число.', 'boundaryRatio', (v) => v > 1 && v <= 100),
    row('пик на границе отметки, минимум участников', 'Пик на границе проверяется в школах, где участников не меньше этого числа.', 'boundaryMinParticipants', (v) => Number.isInteger(v) && v >= 1),
  ];
}

/**
 * Rows whose label carries a value of its own («Шкала ВПР: ВПР математика 5 кл., 2020/2021»): any
 * number of them, recognised by the label's form rather than by a fixed label.
 */
export interface SettingFamily {
  /** The key of the row (for duplicates), an error for a label of this family that cannot be read, or null when the label is not of this family. */
  match(label: string): { key: string } | { error: string } | null;
  /** Applies the value; returns an error message or null. */
  read(key: string, value: Cell, s: Settings): string | null;
  /** The rows these settings hold: label, value, hint. */
  rows(s: Settings): Cell[][];
}

const SCALE_LABEL = /^шкала\s+впр\s*:\s*(.+?)\s*,\s*([^,]+?)\s*$/;

/** «Шкала ВПР: <процедура>, <учебный год>» = «7; 11; 15» (issue 16). */
export const VPR_SCALE_FAMILY: SettingFamily = {
  match(label) {
    const m = fold(label).match(SCALE_LABEL);
    if (!m) return fold(label).startsWith('шкала впр') ? { error: PROTOCOL_TEXT.badScaleLabel(label) } : null;
    const procedure = matchProcedure(m[1]);
    const year = parseSchoolYear(m[2]);
    if (!procedure) return { error: PROTOCOL_TEXT.badScaleLabel(label) };
    if (!year) return { error: PROTOCOL_TEXT.badScaleLabel(label) };
    if (year.fromBareYear) return { error: PROTOCOL_TEXT.scaleYearInFull(m[2]) };
    return { key: scaleKey(procedure.name, year.year) };
  },
  read(key, value, s) {
    const scale = parseScale(value);
    if (!scale) return PROTOCOL_TEXT.badScale(cellText(value));
    s.vprScales[key] = scale;
    return null;
  },
  rows(s) {
    return Object.entries(s.vprScales).map(([key, scale]) => {
      const [procedure, year] = key.split('|');
      return [PROTOCOL_TEXT.scaleLabel(procedure, year), formatScale(scale), PROTOCOL_TEXT.scaleHint];
    });
  },
};

export const SETTING_FAMILIES: SettingFamily[] = [VPR_SCALE_FAMILY];

/** Extra rows other modules contribute (indicator targets): registered once at module load. */
const extraRows: SettingRow[] = [];
export function registerSettingRows(rows: SettingRow[]): void {
  for (const r of rows) if (!extraRows.some((e) => e.label === r.label)) extraRows.push(r);
}
export function allSettingRows(): SettingRow[] {
  return [...SETTING_ROWS, ...extraRows];
}

export function parseCutoff(text: string): CutoffKind | null {
  const t = fold(text);
  if (t.startsWith('квартил') || t.includes('квартил') || t === 'quartile' || t === '0,25' || t === '0.25' || t === '25%' || t === '25') return 'quartile';
  if (t.includes('квинтил') || t === 'quintile' || t === '0,2' || t === '0.2' || t === '20%' || t === '20') return 'quintile';
  return null;
}

/**
 * Reads «Настройки» (Параметр · Значение · Пояснение). Unknown or bad values go to the journal and
 * the default stays. Returns the settings and the labels that were missing from the sheet.
 */
export function readSettings(table: Table | null, journal: Journal): { settings: Settings; missing: string[] } {
  const settings = defaultSettings();
  const rows = allSettingRows();
  if (!table) return { settings, missing: rows.map((r) => r.label) };
  const byLabel = new Map(rows.map((r) => [fold(r.label), r]));
  const found = new Set<string>();
  const familyRows = new Map<string, { label: string; rows: number[] }>();
  table.forEach((row, i) => {
    const label = cellText(row[0]);
    if (i === 0 && fold(label) === 'параметр') return;
    if (label === '' || label.startsWith('Лист сформирован')) return;
    const def = byLabel.get(fold(label));
    if (!def) {
      if (!readFamilyRow(label, row[1] ?? '', i + 1, settings, journal, familyRows)) {
        journal.warning(SHEETS.settings, `Неизвестный параметр «${quote(label)}».`, { row: i + 1, action: 'параметр не учитывается' });
      }
      return;
    }
    found.add(def.label);
    const value = row[1] ?? '';
    const problem = def.read(value, settings);
    if (problem) {
      journal.error(SHEETS.settings, `Параметр «${def.label}»: ${problem}.`, { row: i + 1, action: `использовано значение по умолчанию: ${formatSettingValue(def.write(defaultSettings()))}` });
      def.read(def.write(defaultSettings()), settings);
    }
  });
  for (const { label, rows: at } of familyRows.values()) {
    if (at.length > 1) journal.warning(SHEETS.settings, PROTOCOL_TEXT.scaleTwice(label, `строки ${at.join(', ')}`), { row: at[at.length - 1], action: PROTOCOL_TEXT.scaleTwiceAction });
  }
  return { settings, missing: rows.filter((r) => !found.has(r.label)).map((r) => r.label) };
}

/** A row of a `SettingFamily`: read (or reported) and true, or false when no family knows the label. */
function readFamilyRow(label: string, value: Cell, row: number, settings: Settings, journal: Journal, seen: Map<string, { label: string; rows: number[] }>): boolean {
  for (const family of SETTING_FAMILIES) {
    const m = family.match(label);
    if (!m) continue;
    const problem = 'error' in m ? m.error : family.read(m.key, value, settings);
    if (problem) {
      journal.error(SHEETS.settings, `Параметр «${label}»: ${problem}.`, { row, action: 'параметр не учитывается' });
    } else if ('key' in m) {
      const entry = seen.get(m.key) ?? { label, rows: [] };
      entry.rows.push(row);
      seen.set(m.key, entry);
    }
    return true;
  }
  return false;
}

function formatSettingValue(v: Cell): string {
  return typeof v === 'number' ? formatNumber(v, Number.isInteger(v) ? 0 : 2) : cellText(v) || '(пусто)';
}

/** The whole «Настройки» sheet for these settings (used when the sheet is absent). */
export function settingsTable(settings: Settings): Cell[][] {
  return [['Параметр', 'Значение', 'Пояснение'], ...allSettingRows().map((r) => [r.label, r.write(settings), r.hint]), ...SETTING_FAMILIES.flatMap((f) => f.rows(settings))];
}

/** Rows to append to an existing «Настройки» sheet for parameters it lacks (nothing is overwritten). */
export function missingSettingRows(settings: Settings, missing: string[]): Cell[][] {
  return allSettingRows()
    .filter((r) => missing.includes(r.label))
    .map((r) => [r.label, r.write(settings), r.hint]);
}

/** Applies overrides from the CLI or the sidebar (already validated by the caller). */
export function withOverrides(settings: Settings, overrides: Partial<Settings>): Settings {
  return {
    ...settings,
    ...overrides,
    weights: { ...settings.weights, ...(overrides.weights ?? {}) },
    vprScales: { ...settings.vprScales, ...(overrides.vprScales ?? {}) },
    objectivity: { ...settings.objectivity, ...(overrides.objectivity ?? {}) },
  };
}

export type SettingsEdit =
  | { kind: 'create'; rows: Cell[][] }
  | { kind: 'update'; values: Cell[][]; append: Cell[][] };

/**
 * Saves changed settings into «Настройки»: the «Значение» column of the existing rows is rewritten
 * (only for the given parameters), parameters the sheet lacks are appended, other rows stay as typed.
 */
export function settingsEdit(table: Table | null, changed: Settings, labels: string[]): SettingsEdit {
  if (!table) return { kind: 'create', rows: settingsTable(changed) };
  const rows = allSettingRows().filter((r) => labels.includes(r.label));
  const values: Cell[][] = table.map((row) => [row[1] ?? '']);
  const found = new Set<string>();
  table.forEach((row, i) => {
    const def = rows.find((r) => fold(r.label) === fold(cellText(row[0])));
    if (def) {
      values[i] = [def.write(changed)];
      found.add(def.label);
    }
  });
  const append = rows.filter((r) => !found.has(r.label)).map((r) => [r.label, r.write(changed), r.hint]);
  return { kind: 'update', values, append };
}

/** The «Настройки» sheet as it is after `edit` was written to it. */
export function applySettingsEdit(table: Table | null, edit: SettingsEdit): Table {
  if (edit.kind === 'create') return edit.rows;
  const rows = (table ?? []).map((row, i) => {
    const copy = [...row];
    copy[1] = edit.values[i]?.[0] ?? null;
    return copy;
  });
  return [...rows, ...edit.append];
}

export const PANEL_SETTING_LABELS = {
  year: 'Учебный год анализа',
  cutoff: 'Граница ШНСУ',
  threshold: 'Порог низкого результата, %',
  sameProcedure: 'Критерий 2: та же процедура в оба года',
} as const;
