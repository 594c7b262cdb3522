// The panel's own wording, by section. Sheet names and the product's words come from
// src/engine/strings.ts; failure messages are chosen in format.ts (describeFailure).
import type { PanelSource } from '../src/addon/panel';
import { CUTOFF_LABELS, MENU, QUESTIONNAIRE_SHEET_PREFIXES, ROADMAP_MENU, SHEETS } from '../src/engine/strings';
import { capitalize, count } from './format';

type Forms = [string, string, string];

const CHECK_BUTTON = 'Проверить';
const CALCULATE = `«${MENU.calculate}»`;
const CHECK = `«${CHECK_BUTTON}»`;
const row = (n: number) => `строка ${n}`;

export const TEXT = {
  sheetLink: {
    goTo: (sheet: string) => `Перейти на лист «${sheet}»`,
    open: (sheet: string) => `Открыть лист «${sheet}»`,
    failed: 'Не удалось открыть лист',
  },

  alert: { close: 'Закрыть', closeLabel: 'Закрыть сообщение' },

  sources: {
    rows: {
      questionnaire: ['ответ', 'ответа', 'ответов'],
      results: ['строка', 'строки', 'строк'],
      registry: ['школа', 'школы', 'школ'],
      settings: ['строка', 'строки', 'строк'],
      monitoring: ['строка', 'строки', 'строк'],
      roadmap: ['мера', 'меры', 'мер'],
    } as Record<PanelSource['role'], Forms>,
    missing: {
      questionnaire: `Нужен лист «${QUESTIONNAIRE_SHEET_PREFIXES[0]}…»: без него ИСБШ и ШНСУ не рассчитываются.`,
      results: `Нужен лист «${SHEETS.results}»: без него ШНОР не определяются.`,
      registry: 'Необязателен: школы сопоставляются по анкете и результатам.',
      settings: 'Будет создан при расчёте со значениями по умолчанию.',
      monitoring: 'Необязателен.',
      roadmap: 'Необязателен.',
    } as Record<PanelSource['role'], string>,
    notFound: 'не найден',
    remarks: (n: number) => count(n, ['замечание', 'замечания', 'замечаний']),
    remarksWhere: 'Подробности — в разделе «Журнал проверки» ниже',
    noRemarks: 'без замечаний',
    unreadable: 'Не удалось прочитать таблицу',
    unreadableItem: 'Не удалось прочитать таблицу.',
  },

  settings: {
    latestYear: 'Последний в результатах',
    latestYearIs: (year: string) => `Последний в результатах (${year})`,
    yearNotInResults: (year: string) => `${year} — нет в результатах`,
    cutoffShare: { quartile: '25\u00a0%', quintile: '20\u00a0%' } as Record<keyof typeof CUTOFF_LABELS, string>,
    badThreshold: 'Введите число больше 0 и не больше 100, например 30.',
    unsaved: 'Изменения не сохранены',
    saving: 'Сохранение…',
    saved: `Сохранено в листе «${SHEETS.settings}»`,
    notSaved: 'Параметры не сохранены',
  },

  run: {
    button: MENU.calculate,
    busy: 'Идёт расчёт…',
    savingSettings: 'Сохранение параметров…',
    running: 'Идёт расчёт: чтение листов, ИСБШ, ШНОР, запись листов…',
    elapsed: (text: string, seconds: number) => `${text} ${seconds} с`,
    done: (seconds: number, sheets: number) => `Готово за ${seconds} с. Сформировано листов: ${sheets}.`,
    failed: 'Расчёт не выполнен',
  },

  results: {
    none: 'Нет данных.',
    ranAt: (time: string) => `Расчёт выполнен в ${time}. Листы обновлены.`,
    preliminary: `Предварительно, по текущим данным. Листы сформируются после нажатия ${CALCULATE}.`,
    changedSince: `После расчёта в результаты добавлены строки: нажмите ${CALCULATE} ещё раз.`,
    year: 'Учебный год анализа',
    yearUnknown: 'не определён',
    schools: 'Школ в расчёте',
    cutoff: (label: string) => `Граница ИСБШ (${label})`,
    needsCheck: 'Требуют проверки данных',
    noData: 'Нет результатов за 2 года',
    noIndex: 'Без ИСБШ (нет анкеты)',
    generatedSheets: 'Сформированные листы',
    earlierSheets: 'Листы прошлого расчёта',
    indicators: 'Показатели программы',
    indicatorKinds: { reached: 'Достигнуты', notReached: 'Не достигнуты', noData: 'Нет данных' },
    indicatorsLater: `Подробно — на листе «${SHEETS.indicators}» после расчёта.`,
  },

  journal: {
    clean: 'Замечаний к данным нет',
    errors: (n: string) => `Ошибок: ${n}`,
    warnings: (n: string) => `Предупреждений: ${n}`,
    first: 'Первые замечания',
    shown: (n: number, total: string) => `Показаны первые ${n} из ${total}.`,
    where: (sheet: string, n: number) => `${sheet}, ${row(n)}`,
    later: (sheet: string) => `Полный журнал будет на листе «${sheet}» после расчёта.`,
  },

  import: {
    check: CHECK_BUTTON,
    checkBusy: 'Проверка…',
    checking: 'Проверка листа…',
    checkedAt: (time: string) => `Проверено в ${time}.`,
    notChecked: 'Лист не проверен',
    apply: (sheet: string) => `Добавить в «${sheet}»`,
    applyBusy: 'Добавление…',
    notApplied: 'Импорт не выполнен',
    readingSheets: 'Чтение листов…',
    sheetsNotRead: 'Список листов не прочитан',
    sheetsUnreadable: 'Не удалось прочитать список листов',
    noPasteSheets: 'Нет листов со вставкой',
    howToPaste:
      'Вставьте отчёт на новый лист (значок «+» внизу таблицы) и нажмите «Обновить список». Исходные и сформированные листы здесь не предлагаются.',
    // Why «Добавить» waits, before a check applies (then applyBlocker below says it).
    noSheet: 'Нет листа со вставкой.',
    checkFirst: `Сначала выберите лист и нажмите ${CHECK}.`,
    checkAgainAfterImport: `Импорт выполнен. Чтобы проверить лист снова, нажмите ${CHECK}.`,
    checkAgainAfterHints: `Процедура, учебный год или шкала изменены: нажмите ${CHECK} ещё раз.`,
    ready: (rows: number, sheet: string) =>
      `${capitalize(count(rows, ['строка будет дописана', 'строки будут дописаны', 'строк будут дописаны']))} в конец листа «${sheet}»; имеющиеся строки не изменятся.`,
    // applyBlocker
    notRecognised: 'Таблица не распознана: добавлять нечего.',
    needHints: `Укажите процедуру и учебный год выше и нажмите ${CHECK}.`,
    allThere: (sheet: string) => `Новых строк нет: все результаты вставки уже есть в листе «${sheet}».`,
    noNewRows: 'Новых строк нет: добавлять нечего.',
    nothing: 'Добавлять нечего.',
    // The procedure and year fields
    ask: {
      'procedure+year': `Во вставке не указаны процедура и учебный год. Выберите процедуру, укажите год и нажмите ${CHECK}.`,
      procedure: `Во вставке не указана процедура. Выберите её и нажмите ${CHECK}.`,
      year: `Во вставке не указан учебный год. Укажите его и нажмите ${CHECK}.`,
      scale: `Во вставке протокол ВПР: баллы переводятся в отметки по шкале. Укажите минимальные баллы для «3», «4», «5» и нажмите ${CHECK}.`,
    } as Record<string, string>,
    chooseProcedure: '— выберите процедуру —',
    yearFormat: 'Учебный год — в виде 2022/2023.',
    readInPaste: (read: string[]) => `Прочитано во вставке: ${read.join(', ')}. Если неверно, исправьте и нажмите ${CHECK}.`,
    chosenByUser: `Указано вами. Можно изменить и нажать ${CHECK} снова.`,
    procedureRequired: 'Выберите процедуру из списка.',
    scaleRequired: 'Укажите три минимальных балла для «3», «4», «5», например 7; 11; 15.',
    needScale: `Укажите шкалу перевода баллов в отметки выше и нажмите ${CHECK}.`,
    scaleFromSettings: (scale: string) => `шкала из «Настроек»: ${scale}`,
    // A protocol (importView.ts)
    scale: 'Шкала',
    scaleShown: (three: number, four: number, five: number) => `«3» от ${three}, «4» от ${four}, «5» от ${five}`,
    scaleSource: { hint: 'указана вами', settings: 'из «Настроек»' } as Record<'hint' | 'settings', string>,
    noScale: 'не указана',
    participants: 'Участников с баллом',
    absent: 'Отсутствовали',
    noJournalMark: 'Без отметки по журналу',
    objectivityRows: 'Строк со сравнением с журналом',
    addedColumns: (sheet: string, columns: string[]) => `В лист «${sheet}» будут добавлены столбцы ${columns.map((c) => `«${c}»`).join(', ')} — справа от имеющихся.`,
    yearRequired: 'Укажите учебный год, например 2022/2023.',
    // What a check found (importView.ts)
    recognised: 'Что распознано',
    sheet: 'Лист',
    layout: 'Формат',
    procedure: 'Процедура',
    year: 'Учебный год',
    perRow: (values: string) => `по строкам: ${values}`,
    noProcedure: 'не указана во вставке',
    noYear: 'не указан во вставке',
    row,
    appended: 'добавлено',
    toAppend: 'к добавлению',
    alreadyThere: 'уже есть',
    schools: ['школа', 'школы', 'школ'] as Forms,
    conflictCount: 'Конфликтов с листом',
    skippedCount: 'Пропущено строк',
    conflicts: 'Конфликты: строки не добавляются',
    conflictWhere: (n: number, procedure: string, year: string) => `${row(n)} · ${procedure}, ${year}`,
    existing: (text: string) => `Уже есть: ${text}`,
    imported: (text: string) => `Во вставке: ${text}`,
    skipped: 'Пропущенные строки',
    remarks: 'Замечания',
    // What «Добавить» did
    added: (rows: number, sheet: string) => `Добавлено ${count(rows, ['строка', 'строки', 'строк'])} в конец листа «${sheet}». Имеющиеся строки не изменены.`,
    nothingAdded: 'Ничего не добавлено: новых строк нет.',
    calculateNext: `Нажмите ${CALCULATE}, чтобы обновить ШНОР и перечень.`,
  },

  roadmap: {
    button: ROADMAP_MENU,
    busy: 'Подготовка дорожной карты…',
    failed: 'Дорожная карта не подготовлена',
    none: `Дорожной карты ещё нет: нажмите «${ROADMAP_MENU}».`,
    unrecognized: (sheet: string) => `Лист «${sheet}» не распознан как дорожная карта: подробности — в журнале проверки.`,
    factsLabel: 'Полнота дорожной карты',
    rows: 'Мер (по трекам)',
    without: 'Школ без полной меры',
    incomplete: 'Мер заполнено не полностью',
    unreadable: 'Сроки не читаются',
    overdue: (date: string) => `Срок прошёл, не выполнено (на ${date})`,
    schoolsTitle: 'Нет полной меры (мера, сроки, ответственные, результаты)',
    schoolWhere: (track: number, rows: number[]) => `трек ${track}, ${rows.length ? `${rows.length === 1 ? 'строка' : 'строки'} ${rows.join(', ')}` : 'нет в дорожной карте'}`,
    more: (n: number) => `и ещё ${n} — в журнале проверки`,
  },

  monitoring: {
    button: MENU.prepareMonitoring,
    busy: 'Подготовка листа…',
    failed: 'Лист мониторинга не подготовлен',
  },
};
