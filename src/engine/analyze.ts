import { STABLE_CUTOFF_MIN, isbsh, percentileInc, rankAscending } from './isbsh/formula';
import { IndicatorResult, evaluateIndicators } from './indicators/evaluate';
import { Journal, JournalEntry } from './journal';
import { Response, QuestionnaireResult, readQuestionnaire } from './isbsh/questionnaire';
import { ResultsData, readResults, resultsOf } from './shnor/results';
import { School, SchoolRegistry, readRegistry } from './schools/registry';
import { CUTOFF_P, Settings, missingSettingRows, readSettings, settingsTable, withOverrides } from './settings';
import { ShnorVerdict, judgeShnor } from './shnor/judge';
import { selectInputSheets, settingsSheetName } from './inputs';
import { NO_QUESTIONNAIRE_REMARK, SHEETS } from './strings';
import { Cell, Table } from './table';
import type { ExistingSheet } from './sheets/placement';
import { formatNumber } from './text';
import { nameList } from './summary/nameList';
import { RoadmapCheck, checkRoadmap } from './roadmap/check';
import { ApprovedLists, readApproved } from './history/approved';
import { History, buildHistory } from './history/history';
import { ObjectivityResult, judgeObjectivity, objectivityRemarksBySchool } from './objectivity/judge';
import { previousSchoolYear } from './parse';

export interface SchoolOutcome {
  school: School;
  response: Response | null;
  /** Why the school has no index («анкета не заполнена / содержит ошибки» with the reason). */
  isbshRemark: string;
  /** Results of Y and Y−1 with signs of biased marking (issue 16): «ШНОР» and «Перечень» say so. */
  objectivityRemarks: string[];
  isbsh: number | null;
  isbshRank: number | null;
  shnsu: boolean;
  shnor: ShnorVerdict | null;
}

export interface SourceInfo {
  role: 'questionnaire' | 'results' | 'registry' | 'settings' | 'monitoring' | 'roadmap';
  sheet: string | null;
  rows: number;
  problems: number;
}

export interface Analysis {
  settings: Settings;
  /** Analysis school year Y (null when there is no results data and none was set). */
  year: string | null;
  cutoff: number | null;
  schools: SchoolOutcome[];
  journal: JournalEntry[];
  sources: SourceInfo[];
  questionnaire: QuestionnaireResult | null;
  results: ResultsData | null;
  registry: SchoolRegistry;
  /** What to do with «Настройки»: create it whole, append the missing parameters, or nothing. */
  settingsUpdate: { kind: 'create' | 'append'; rows: Cell[][] } | null;
  /** Program indicators (DESIGN §2.5), from «Мониторинг» and the results. */
  indicators: IndicatorResult[];
  /** Completeness of «Дорожная карта» (DESIGN §2.8); null when there is no such sheet. */
  roadmap: RoadmapCheck | null;
  /** Journal comparison and boundary peaks of the results that carry them (issue 16). */
  objectivity: ObjectivityResult;
  /** The list across the years of the results, approved lists winning (DESIGN §2.6). */
  history: History;
  /** «Перечни прошлых лет» as read (null when the workbook has none). */
  approved: ApprovedLists | null;
}

/** What the analysis of the year gives before the history is built from it. */
export type AnalysisCore = Omit<Analysis, 'history' | 'approved' | 'sources'>;

export interface AnalysisInput {
  /** Every sheet name of the workbook. */
  sheetNames: string[];
  /** The values of the selected input sheets, by name. */
  tables: Record<string, Table>;
  overrides?: Partial<Settings>;
  /**
   * Sheets that may be ours from an earlier run (`isPlacementCandidate`), with whether their first cell
   * carries the marker: a generated sheet never replaces a sheet the user made.
   */
  existingSheets?: ExistingSheet[];
  /** Today in the shell's time zone, «2023-04-15»: rows of «Дорожная карта» past their date are reported as of it. */
  today?: string;
}

/** Reads the settings sheet and applies overrides (CLI flags, sidebar choices). */
export function loadSettings(input: AnalysisInput, journal: Journal): { settings: Settings; update: Analysis['settingsUpdate'] } {
  const settingsName = settingsSheetName(input.sheetNames);
  const table = settingsName ? input.tables[settingsName] ?? null : null;
  const { settings, missing } = readSettings(table, journal);
  const merged = withOverrides(settings, input.overrides ?? {});
  let update: Analysis['settingsUpdate'] = null;
  if (!settingsName) update = { kind: 'create', rows: settingsTable(merged) };
  else if (missing.length > 0) update = { kind: 'append', rows: missingSettingRows(settings, missing) };
  return { settings: merged, update };
}

/** The whole pipeline on tables: settings → schools → results (Y) → questionnaire → ИСБШ/ШНСУ → ШНОР. */
export function analyze(input: AnalysisInput): Analysis {
  const journal = new Journal();
  const { settings, update } = loadSettings(input, journal);
  const sel = selectInputSheets(input.sheetNames, settings, (name) => input.tables[name] ?? null);
  const table = (name?: string): Table | null => (name ? input.tables[name] ?? null : null);

  const registryTable = table(sel.registry);
  const registry = registryTable && sel.registry ? readRegistry(registryTable, journal, sel.registry) : new SchoolRegistry(false);
  if (!sel.registry) journal.info('', `Лист «${SHEETS.registry}» не найден.`, { action: 'школы определяются по коду и наименованию в анкете и результатах' });

  const resultsTable = table(sel.results);
  const results = resultsTable && sel.results ? readResults(sel.results, resultsTable, registry, journal) : null;
  if (!sel.results) journal.warning('', `Лист результатов «${settings.resultsSheet}» не найден.`, { action: 'ШНОР не определяются' });

  let year = settings.year;
  if (year && results && !results.years.includes(year)) {
    journal.warning(sel.results ?? '', `В результатах нет данных за учебный год анализа ${year}.`, { action: 'все школы получат «нет данных» по ШНОР' });
  }
  if (!year && results && results.years.length > 0) {
    year = results.years[results.years.length - 1];
    journal.info(sel.results ?? '', `Учебный год анализа не задан в настройках: взят последний год в результатах — ${year}.`, { action: 'при необходимости укажите год в листе «Настройки»' });
  }

  const qTable = table(sel.questionnaire);
  const questionnaire = qTable && sel.questionnaire ? readQuestionnaire(sel.questionnaire, qTable, registry, journal, year) : null;
  if (!sel.questionnaire) {
    journal.error('', settings.questionnaireSheet ? `Лист анкеты «${settings.questionnaireSheet}» не найден.` : 'Не найден лист с ответами на анкету («Ответы на форму…»).', { action: 'ИСБШ и ШНСУ не рассчитаны' });
  }
  if (sel.questionnaireByContent) {
    journal.info(sel.questionnaire ?? '', `Лист «${sel.questionnaire}» распознан как ответы на анкету по заголовкам столбцов.`, {
      action: `используется он; другой можно указать в «${SHEETS.settings}» (параметр «Лист анкеты»)`,
    });
  }
  const formSheets = sel.questionnaireCandidates;
  if (!settings.questionnaireSheet && formSheets.length > 1) {
    journal.warning(sel.questionnaire ?? '', `Найдено несколько листов с ответами: ${formSheets.map((n) => `«${n}»`).join(', ')}.`, {
      action: `используется «${sel.questionnaire}»; другой можно указать в «${SHEETS.settings}» (параметр «Лист анкеты»)`,
    });
  }
  if (!year && questionnaire?.year) year = questionnaire.year;

  const schools = registry.all();
  const outcomes = computeIsbsh(schools, questionnaire, settings, journal);
  const cutoff = applyCutoff(outcomes, settings, journal, sel.questionnaire ?? '');

  if (year && results) {
    reportSwitchedOff(results, settings, journal);
    for (const o of outcomes) o.shnor = judgeShnor(resultsOf(results, o.school), year, settings);
    const noData = outcomes.filter((o) => o.shnor?.status === 'no-data');
    if (noData.length > 0) {
      journal.warning(sel.results ?? '', `Нет результатов за два последних года у ${noData.length} ${noData.length === 1 ? 'школы' : 'школ'}: ${nameList(noData.map((o) => o.school.name), '; ')}.`, { action: 'статус «нет данных»: запросите результаты' });
    }
    reportMoreParticipantsThanStudents(outcomes, results, year, journal);
  }
  const objectivity = judgeObjectivity(results?.objectivity ?? [], settings.objectivity, settings.minSample, journal, results?.sheet ?? settings.resultsSheet);
  if (year) {
    const remarks = objectivityRemarksBySchool(objectivity, [year, previousSchoolYear(year)], Object.keys(settings.procedures));
    for (const o of outcomes) {
      const found = remarks.get(o.school.id);
      if (!found) continue;
      o.objectivityRemarks = found;
      if (o.shnor) o.shnor.justification = `${o.shnor.justification} ${found.join(' ')}`;
    }
  }

  const monitoringTable = table(sel.monitoring);
  const monitoring = monitoringTable && sel.monitoring ? { sheet: sel.monitoring, table: monitoringTable } : null;
  const indicators = evaluateIndicators({ settings, year, schools: outcomes, results, registry }, monitoring, journal);
  const roadmapTable = table(sel.roadmap);
  const roadmap = roadmapTable && sel.roadmap ? checkRoadmap({ year, cutoff, schools: outcomes, registry, sheet: sel.roadmap, table: roadmapTable, today: input.today }, journal) : null;

  const approvedTable = table(sel.approved);
  const approved = approvedTable && sel.approved ? readApproved(sel.approved, approvedTable, registry, journal) : null;
  const core: AnalysisCore = { settings, year, cutoff, schools: outcomes, journal: journal.entries, questionnaire, results, registry, settingsUpdate: update, indicators: indicators.results, objectivity, roadmap };
  const history = buildHistory(core, approved, journal);

  const sources: SourceInfo[] = [
    { role: 'questionnaire', sheet: sel.questionnaire ?? null, rows: questionnaire?.rowCount ?? 0, problems: sel.questionnaire ? countProblems(journal, sel.questionnaire) : 0 },
    { role: 'results', sheet: sel.results ?? null, rows: results?.rowCount ?? 0, problems: sel.results ? countProblems(journal, sel.results) : 0 },
    { role: 'registry', sheet: sel.registry ?? null, rows: registry.fromSheet ? registry.size : 0, problems: sel.registry ? countProblems(journal, sel.registry) : 0 },
    { role: 'settings', sheet: sel.settings ?? null, rows: table(sel.settings)?.length ?? 0, problems: countProblems(journal, SHEETS.settings) },
    { role: 'monitoring', sheet: sel.monitoring ?? null, rows: indicators.monitoringRows, problems: sel.monitoring ? countProblems(journal, sel.monitoring) : 0 },
    { role: 'roadmap', sheet: sel.roadmap ?? null, rows: roadmap?.rows ?? 0, problems: sel.roadmap ? countProblems(journal, sel.roadmap) : 0 },
  ];

  return { ...core, sources, history, approved };
}

/** A catalogue procedure switched off in «Настройки» never counts for ШНОР: said once per name. */
function reportSwitchedOff(results: ResultsData, settings: Settings, journal: Journal): void {
  const said = new Set<string>();
  for (let i = 0; i < results.records.length; i++) {
    const r = results.records[i];
    const name = r.procedure.name;
    if (said.has(name)) continue;
    said.add(name);
    if (settings.procedures[name] === true || r.procedure.kind === 'КДР') continue;
    journal.add({
      level: 'info',
      sheet: results.sheet,
      row: r.row,
      message: `Процедура «${name}» выключена в листе «${SHEETS.settings}».`,
      action: 'её результаты не учитываются при определении ШНОР',
    });
  }
}

/** A procedure cannot have more participants than the school has students (issue 9): a warning per school. */
function reportMoreParticipantsThanStudents(outcomes: SchoolOutcome[], results: ResultsData, year: string, journal: Journal): void {
  for (const o of outcomes) {
    const students = o.response?.total ?? null;
    if (students === null) continue;
    const records = resultsOf(results, o.school).records;
    let any = false;
    for (let i = 0; i < records.length && !any; i++) any = records[i].year === year && (records[i].participants ?? 0) > students;
    if (!any) continue;
    const over = records.filter((r) => r.year === year && r.participants !== null && r.participants > students);
    journal.warning(results.sheet, `Участников больше, чем обучающихся в школе по анкете (${students}): ${over.map((r) => `${r.procedure.name} — ${r.participants}`).join('; ')}.`, {
      row: over[0].row,
      school: o.school.name,
      action: 'результаты учтены; проверьте число участников или ответ школы на анкету',
    });
  }
}

function countProblems(journal: Journal, sheet: string): number {
  return journal.countFor(sheet);
}

function computeIsbsh(schools: School[], q: QuestionnaireResult | null, settings: Settings, journal: Journal): SchoolOutcome[] {
  const outcomes: SchoolOutcome[] = schools.map((school) => {
    const response = q?.responses.get(school.id) ?? null;
    const invalid = q?.invalid.get(school.id);
    let value: number | null = null;
    let remark = '';
    if (response) {
      value = isbsh(response.shares, settings.weights);
      if (!(value >= 0 && value <= 100)) {
        journal.error(q?.sheet ?? '', `ИСБШ = ${formatNumber(value, 2)} вне шкалы 0–100: проверьте ответ и веса формулы в «Настройках».`, { row: response.row, school: school.name, action: 'ИСБШ школы не учитывается' });
        remark = `${NO_QUESTIONNAIRE_REMARK}: ИСБШ вне шкалы 0–100`;
        value = null;
      }
    } else {
      remark = invalid ? `${NO_QUESTIONNAIRE_REMARK}: ${invalid.problem} (строка ${invalid.row})` : NO_QUESTIONNAIRE_REMARK;
    }
    return { school, response: value === null ? null : response, isbshRemark: remark, objectivityRemarks: [], isbsh: value, isbshRank: null, shnsu: false, shnor: null };
  });
  const missing = outcomes.filter((o) => o.isbsh === null && !q?.invalid.has(o.school.id));
  if (q && missing.length > 0) {
    journal.warning(q.sheet, `Нет ответа на анкету от ${missing.length} ${missing.length === 1 ? 'школы' : 'школ'}: ${nameList(missing.map((o) => o.school.name), '; ')}.`, { action: 'ИСБШ этих школ не рассчитан' });
  }
  return outcomes;
}

function applyCutoff(outcomes: SchoolOutcome[], settings: Settings, journal: Journal, sheet: string): number | null {
  const valid = outcomes.filter((o) => o.isbsh !== null);
  if (valid.length === 0) return null;
  const values = valid.map((o) => o.isbsh as number);
  const ranks = rankAscending(values);
  valid.forEach((o, i) => (o.isbshRank = ranks[i]));
  const cutoff = percentileInc(values, CUTOFF_P[settings.cutoff]);
  for (const o of valid) o.shnsu = (o.isbsh as number) <= cutoff;
  if (valid.length < STABLE_CUTOFF_MIN) {
    journal.warning(sheet, `ИСБШ рассчитан только для ${valid.length} ${valid.length === 1 ? 'школы' : 'школ'}: граница ШНСУ неустойчива (нужно не менее ${STABLE_CUTOFF_MIN}).`, { action: 'граница рассчитана, проверьте вывод вручную' });
  }
  return cutoff;
}
