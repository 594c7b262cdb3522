import { quote } from './text';

/**
 * Every Russian word the product shows: sheet names, headers, menu, statuses.
 * Journal messages are built next to the rule that finds the problem, from the phrases here.
 */

export const PRODUCT_NAME = 'Мониторинг ШНОР и ШНСУ';

export const SHEETS = {
  registry: 'Справочник ОО',
  results: 'Результаты ОП',
  monitoring: 'Мониторинг',
  settings: 'Настройки',
  isbsh: 'ИСБШ',
  shnor: 'ШНОР',
  list: 'Перечень ШНОР и ШНСУ',
  indicators: 'Показатели',
  summary: 'Сводка',
  journal: 'Журнал проверки',
  objectivity: 'Объективность',
  history: 'История',
  approved: 'Перечни прошлых лет',
} as const;

/** Prefixes of the sheet a Google Form writes its responses to. */
export const QUESTIONNAIRE_SHEET_PREFIXES = ['Ответы на форму', 'Form Responses', 'Анкет'];

export const LEVEL_LABELS = {
  error: 'Ошибка',
  warning: 'Предупреждение',
  info: 'Информация',
} as const;

export const MENU = {
  openPanel: 'Открыть панель',
  calculate: 'Рассчитать',
  createStructure: 'Создать структуру листов',
  prepareMonitoring: 'Подготовить лист мониторинга',
  recordList: 'Зафиксировать перечень года',
  help: 'Справка',
} as const;

export const YES = 'да';
export const NO = 'нет';

export const CATEGORY = {
  shnor: 'ШНОР',
  shnsu: 'ШНСУ',
  both: 'ШНОР и ШНСУ',
} as const;

export const STATUS_LABELS = {
  ok: 'данные в порядке',
  'no-data': 'нет данных',
  'needs-check': 'требует проверки',
} as const;

export const INDICATOR_STATUS = {
  reached: 'достигнуто',
  notReached: 'не достигнуто',
  noData: 'нет данных',
} as const;

export const CUTOFF_LABELS = {
  quartile: 'нижний квартиль',
  quintile: 'нижний квинтиль',
} as const;

/** The first words of every generated sheet: a sheet without them is the user's and is never touched. */
export const GENERATED_MARKER = `Лист сформирован надстройкой «${PRODUCT_NAME}»`;

export const GENERATED_NOTE = (when: string): string => `${GENERATED_MARKER} ${when}. Он перезаписывается при каждом расчёте: не вносите в него правки.`;

/** Generated sheets whose name is taken by a sheet of the user's (issue 9). */
export const PLACEMENT_TEXT = {
  suffix: 'расчёт',
  displaced: (wanted: string, name: string) =>
    `Лист «${wanted}» создан пользователем (в нём нет отметки надстройки): он не изменён, результат записан в лист «${name}».`,
  displacedAction: 'переименуйте свой лист, если хотите видеть результат под прежним именем',
} as const;

/** A journal longer than this is cut in the sheet (the JSON keeps every entry). */
export const MAX_JOURNAL_ROWS = 5000;
export const JOURNAL_TRUNCATED = (n: number) =>
  `… и ещё ${n} ${n % 10 === 1 && n % 100 !== 11 ? 'запись' : 'записей'} не показаны: журнал слишком длинный. Исправьте первые ошибки и запустите расчёт снова (полный список — в результате JSON командной строки).`;

export const SUPPORT_LIST_NOTE =
  'Перечень является списком школ для адресной методической поддержки, а не рейтингом школ.';

export const HEADERS = {
  isbsh: ['Код ОО', 'Наименование ОО', 'Обучающихся (N)', 'Доля h (оба родителя с высшим)', 'Доля s (неполные семьи)', 'Доля r (на учёте)', 'ИСБШ', 'Ранг', 'ШНСУ', 'Примечание'],
  journal: ['Уровень', 'Лист', 'Строка', 'Школа', 'Сообщение', 'Что сделано'],
  list: ['№ п/п', 'Код ОО', 'Наименование ОО', 'Категория', 'Основания'],
  settings: ['Параметр', 'Значение', 'Пояснение'],
  /** The last seven are optional: the journal comparison and the boundary counts (OBJECTIVITY_HEADERS). */
  results: [
    'Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не справились', '% не справившихся', 'Средний балл', 'Категория', 'Этап',
    'Понизили', 'Подтвердили', 'Повысили', 'Ровно минимум «3»', 'Минимум «3» − 1', 'Ровно минимум «4»', 'Минимум «4» − 1',
  ],
} as const;

export const NO_QUESTIONNAIRE_REMARK = 'анкета не заполнена / содержит ошибки';

export const SOURCE_LABELS = {
  questionnaire: 'Анкета (ответы на форму)',
  results: 'Результаты оценочных процедур',
  registry: 'Справочник ОО',
  settings: 'Настройки',
  monitoring: 'Лист мониторинга',
  roadmap: 'Дорожная карта',
} as const;

export const MESSAGES = {
  busy: 'Расчёт уже выполняется (другим пользователем или в другой вкладке). Дождитесь его окончания и нажмите «Рассчитать» ещё раз.',
  done: 'Расчёт завершён',
  noSheet: (name: string) => `Лист «${name}» не найден.`,
  structureCreated: (names: string[]) => (names.length ? `Созданы листы: ${names.join(', ')}.` : 'Все листы уже есть — ничего не изменено.'),
  help:
    'Надстройка рассчитывает ИСБШ по ответам школ на анкету, определяет ШНСУ (нижний квартиль или квинтиль ИСБШ) и ШНОР (низкие результаты ВПР, ОГЭ, ЕГЭ по критериям 1 и 2), формирует листы «ИСБШ», «ШНОР», «Перечень ШНОР и ШНСУ», «Показатели», «Сводка», «Контекст» (результаты с учётом социальных условий и пары для сетевой поддержки) и «Журнал проверки». Исходные листы не изменяются. Лист «Мониторинг» для рабочей группы создаётся командой «Подготовить лист мониторинга» и при расчёте только читается. Так же «Дорожная карта» по трём трекам ФИОКО — командой «Подготовить дорожную карту»; расчёт проверяет её полноту. Параметры — на листе «Настройки». Откройте панель: Расширения → Мониторинг ШНОР/ШНСУ → Открыть панель.',
} as const;

/** «Мониторинг» (input sheet the working group fills), «Показатели» and «Сводка» (program indicators). */
export const MONITORING_HEADERS = {
  code: 'Код ОО',
  name: 'Наименование ОО',
  category: 'Категория',
  status: 'Статус в перечне',
} as const;

export const MONITORING_STATUS = {
  listed: 'в перечне',
  left: 'выбыла из перечня',
  notListed: 'не в перечне',
  unknown: 'нет в справочнике',
  duplicate: 'повторная строка',
} as const;

export const MONITORING_NOTE = (when: string): string =>
  `Лист мониторинга заполняет рабочая группа (сентябрь и январь). Подготовлен надстройкой «${PRODUCT_NAME}» ${when}. «Рассчитать» его только читает; «${MENU.prepareMonitoring}» добавляет новые школы и обновляет статусы, сохраняя все внесённые отметки, числа и добавленные столбцы.`;

export const MONITORING_HINT =
  'Флажок — пункт выполнен (по анализу сайта, документов, собеседованию). Числа — педагоги школы по её данным. Серые ячейки относятся к показателям ШНОР и ШНСУ и для школ вне перечня не учитываются.';

export const INDICATOR_HEADERS = ['№', 'Показатель', 'Целевое значение', 'Числитель', 'Знаменатель', 'Значение', 'Статус', 'Что учтено'] as const;

export const POPULATION_LABELS = {
  listed: 'школ ШНОР и ШНСУ',
  all: 'ОО муниципалитета',
  teachers: 'педагогов ШНОР и ШНСУ',
} as const;

export const SUMMARY_TITLES = {
  sheet: 'Сводка для муниципальной рабочей группы',
  counts: 'Перечень ШНОР и ШНСУ',
  changes: 'Изменения перечня по сравнению с предыдущим годом',
  wholeList: 'Перечень (ШНОР или ШНСУ)',
  longOnList: 'В перечне три года подряд и дольше',
  notReached: 'Показатели, которые не достигнуты',
  noData: 'Показатели без данных',
  chart: 'ИСБШ по школам и граница ШНСУ',
  note: 'Аналитическая записка',
} as const;

export const CHART_HEADERS = ['Наименование ОО', 'ИСБШ', 'Граница ШНСУ'] as const;

/** Paste import (issue #5): layouts, reasons a row is skipped, summaries. */
export const IMPORT_JOURNAL_SHEET = 'Журнал импорта';

export const IMPORT_LAYOUT_LABELS = {
  'fis-oko-marks': 'ФИС ОКО: статистика по отметкам (ВПР)',
  'vpr-export': 'Выгрузка ВПР: строка на школу, год, класс и предмет',
  'gia-schools': 'Результаты ГИА по школам',
  students: 'Результаты по участникам (строка на участника)',
  'vpr-protocol': 'Протокол ВПР из ФИС ОКО (строка на обучающегося)',
  'fis-oko-comparison': 'ФИС ОКО: сравнение отметок с отметками по журналу',
} as const;

export const IMPORT_TEXT = {
  unknownLayout:
    'Не удалось распознать таблицу: нужна строка заголовков с «Кол-во участников» и отметками «2», «3», «4», «5» (ФИС ОКО), или со школой, участниками и «не преодолели порог» / «получили 2» (ГИА), или со школой и отметкой/баллом каждого участника, или протокол ВПР (логин школы и «всего баллов» / «Итого баллов»), или «Сравнение отметок с отметками по журналу».',
  unknownLayoutLabel: 'не распознан',
  emptyPaste: 'Лист пуст.',
  needProcedure: 'Вставка не называет процедуру: выберите её.',
  needYear: 'Вставка не называет учебный год: укажите его.',
  badHintProcedure: (text: string) => `Процедура «${quote(text)}» не найдена в перечне процедур.`,
  badHintYear: (text: string) => `«${quote(text)}» не является учебным годом (пример: 2022/2023).`,
  bareYear: (text: string, year: string) => `Год «${quote(text)}» понят как учебный год ${year}.`,
  yearFromDate: (year: string) => `Учебный год ${year} определён по дате в заголовке.`,
  aggregateRow: (label: string) => `итоговая строка${label ? ` «${label}»` : ''}`,
  noNumbers: (label: string) => `строка без результатов${label ? ` («${label}»)` : ''}`,
  noSchool: 'не указана школа',
  badParticipants: (text: string) => `число участников «${quote(text)}» должно быть целым неотрицательным`,
  noParticipants: 'не указано число участников',
  badPercent: (text: string) => `доля «2» / не справившихся «${quote(text)}» не является процентом от 0 до 100`,
  noFailed: 'нет ни числа, ни доли не справившихся',
  badFailed: (text: string) => `«не справились» = «${quote(text)}» должно быть целым неотрицательным`,
  failedOverParticipants: (f: number, p: number) => `не справились (${f}) больше, чем участников (${p})`,
  unknownProcedure: (text: string) => (text ? `процедура «${quote(text)}» не распознана` : 'не указана процедура'),
  noProcedure: 'процедура не определена',
  badYear: (text: string) => (text ? `учебный год «${quote(text)}» не распознан` : 'не указан учебный год'),
  noYear: 'учебный год не определён',
  pastGraduate: 'выпускник прошлых лет (не учитывается)',
  retake: 'пересдача / дополнительный период (не учитывается)',
  noMark: 'нет отметки или балла, по которым можно решить, преодолён ли порог',
  unknownSchool: (shown: string, candidates: string) => `школа «${quote(shown)}» не найдена в справочнике${candidates ? `; возможно: ${candidates}` : ''}`,
  ambiguousSchool: (shown: string, candidates: string) => `наименование «${quote(shown)}» подходит к нескольким школам: ${candidates}; укажите логин`,
  duplicateRow: (first: number) => `повторяет строку ${first} вставки`,
  pasteConflict: (rows: string) => `строки ${rows} вставки противоречат друг другу`,
  missingTargetColumn: (sheet: string, column: string) => `в листе «${sheet}» нет столбца «${column}»`,
  targetBlocked: (sheet: string, columns: string) => `В листе «${sheet}» не найдены столбцы ${columns}: дописать строки некуда. Исправьте заголовок листа.`,
  conflict: (procedure: string, year: string, existing: string, imported: string) =>
    `${procedure}, ${year}: в листе уже есть другие числа (${existing}), во вставке — ${imported}.`,
  conflictAction: 'строка не добавлена: проверьте, какие данные верны',
  checkYearAction: 'проверьте учебный год перед импортом',
  nothingAppendedAction: 'ничего не добавлено',
  skippedAction: 'строка не добавлена',
  rowsLabel: (rows: string) => `${/[,–]/.test(rows) ? 'строки' : 'строка'} ${rows}`,
  alreadyThere: (n: number, sheet: string) => `${n} ${n === 1 ? 'результат уже есть' : 'результатов уже есть'} в листе «${sheet}» с теми же числами.`,
  alreadyThereAction: 'не добавлены повторно',
  appended: (n: number, sheet: string) => `Добавлено строк в лист «${sheet}»: ${n}.`,
  notPasteSheet: (name: string) => `Лист «${name}» нельзя импортировать: выберите лист со вставленным отчётом.`,
  busy: 'Импорт или расчёт уже выполняется. Дождитесь окончания и повторите.',
  needsBeforeApply: (what: string[]) => `Перед импортом ${what.join(' и ')}.`,
  needProcedureShort: 'выберите процедуру',
  needYearShort: 'укажите учебный год',
  several: 'несколько',
  chooseSheet: 'Выберите лист со вставленным отчётом.',
  summaryLayout: (sheet: string, layout: string) => `Лист «${sheet}»: ${layout}.`,
  summaryProcedureYear: (procedure: string, year: string) => `Процедура: ${procedure}; учебный год: ${year}.`,
  procedureUnknown: 'не определена',
  yearUnknown: 'не определён',
  summaryCounts: (applied: boolean, c: { schools: number; rows: number; alreadyThere: number; conflicts: number; skipped: number }) =>
    `Школ распознано: ${c.schools}. ${applied ? 'Добавлено' : 'Будет добавлено'} строк: ${c.rows}. Уже есть: ${c.alreadyThere}. Конфликтов: ${c.conflicts}. Пропущено строк: ${c.skipped}.`,
} as const;

/**
 * Student-level ВПР protocols of ФИС ОКО and the journal comparison (issue 16): the scale of marks,
 * absent students, rows of other municipalities, columns added to «Результаты ОП».
 */
export const PROTOCOL_TEXT = {
  scaleLabel: (procedure: string, year: string) => `Шкала ВПР: ${procedure}, ${year}`,
  scaleHint: 'Минимальные первичные баллы для отметок «3», «4», «5» через «;», например 7; 11; 15 (шкала перевода ФИОКО для этой работы и года).',
  scaleShown: (three: number, four: number, five: number) => `«3» — от ${three}, «4» — от ${four}, «5» — от ${five} баллов`,
  badScale: (text: string) => `шкала «${text}» не распознана: нужны три целых минимальных балла для «3», «4», «5» по возрастанию, например 7; 11; 15`,
  badScaleLabel: (label: string) => `не понятно, к какой процедуре и учебному году относится «${label}»: пишите «Шкала ВПР: ВПР математика 5 кл., 2020/2021»`,
  scaleYearInFull: (text: string) => `учебный год «${text}» укажите полностью, например 2020/2021`,
  scaleTwice: (label: string, rows: string) => `Параметр «${label}» указан несколько раз (${rows}).`,
  scaleTwiceAction: 'использована последняя строка',
  needScale: (procedure: string, year: string) =>
    `Во вставке протокол ВПР: баллы переводятся в отметки по шкале. Укажите минимальные баллы для «3», «4», «5» (${procedure}, ${year}) или добавьте в «Настройки» строку «Шкала ВПР: ${procedure}, ${year}».`,
  needScaleShort: 'укажите шкалу перевода баллов в отметки',
  scaleOverMax: (five: number, max: number) => `Минимальный балл для «5» (${five}) больше максимального балла работы (${max} — сумма максимумов заданий): проверьте шкалу.`,
  scaleFrom: { hint: 'указана при импорте', settings: 'из листа «Настройки»' } as Record<'hint' | 'settings', string>,
  scaleUsed: (shown: string, source: string) => `Шкала перевода баллов в отметки: ${shown} (${source}). Не справились — набравшие меньше минимального балла для «3».`,
  scaleDiffers: (hint: string, settings: string) => `Шкала при импорте (${hint}) отличается от шкалы в «Настройках» (${settings}).`,
  scaleDiffersAction: 'использована шкала, указанная при импорте',
  totalOverMax: (total: number, max: number) => `итоговый балл ${total} больше максимального (${max} — сумма максимумов заданий)`,
  badTotal: (text: string) => `итоговый балл «${text}» не является целым неотрицательным числом`,
  absentWithTotal: (variant: string) => `отмечен как «${variant}», но указан итоговый балл`,
  /** Word forms for `plural` (src/engine/text.ts): one, few, many. */
  forms: {
    students: ['обучающийся', 'обучающихся', 'обучающихся'],
    participants: ['участник', 'участника', 'участников'],
    schools: ['школе', 'школах', 'школах'],
    rows: ['строка', 'строки', 'строк'],
  } as Record<'students' | 'participants' | 'schools' | 'rows', [string, string, string]>,
  absent: (n: string) => `Отсутствовали на работе (нет итогового балла): ${n}.`,
  absentAction: 'не участники: не учитываются ни в числе участников, ни в сравнении с журналом',
  participants: (n: number, schools: string) => `Участников с итоговым баллом: ${n} в ${schools}.`,
  noJournalMark: (n: string) => `Без отметки по журналу 2–5 («нет отметки», пусто и т. п.): ${n}.`,
  noJournalMarkAction: 'учтены в числе участников, но не в сравнении с журналом',
  journalMarkNote: 'Отметка по журналу используется только для сравнения и никогда не заменяет отметку за работу.',
  otherMunicipality: (name: string) => `строки другого муниципалитета («${name}»)`,
  notInRegistry: (n: number, rows: string, logins: string) =>
    `Школ не из «Справочника ОО»: ${n} (${rows}): ${logins}. Если это школы вашего муниципалитета, добавьте их логины в справочник.`,
  notInRegistryAction: 'строки этих школ не добавлены',
  loginPrefix: (from: string, to: string) => `Логины ФИС ОКО вида «${from}…» сопоставлены с кодами «${to}…» справочника (номер ОО тот же).`,
  headerAdded: (sheet: string, columns: string) => `В лист «${sheet}» добавлены столбцы ${columns} (справа от имеющихся, в строке заголовка).`,
  objectivityRows: (n: number) => `Из них со сравнением с журналом или баллами на границах отметок: ${n}.`,
  supplementRows: (n: number) => `Строк только с данными объективности (результат уже был в листе): ${n}.`,
  comparisonConflict: (procedure: string, year: string, existing: string, imported: string) =>
    `${procedure}, ${year}: в листе уже есть другие данные объективности (${existing}), во вставке — ${imported}.`,
  comparisonPercents: (sum: string) => `доли «понизили», «подтвердили», «повысили» в сумме дают ${sum} %, а не 100 %`,
  comparisonCounts: (sum: number, total: number) => `понизили + подтвердили + повысили = ${sum}, а всего указано ${total}`,
  comparisonNoTotal: 'нет числа участников: по одним долям нельзя восстановить число обучающихся',
  comparisonIncomplete: 'указаны не все три строки «Понизили», «Подтвердили», «Повысили»',
  comparisonCategoryWithoutGroup: 'строка «Понизили / Подтвердили / Повысили» стоит раньше строки школы',
  badCount: (header: string, text: string) => `«${header}» = «${text}» должно быть целым неотрицательным`,
  badShare: (header: string, text: string) => `«${header}» = «${text}» не является долей от 0 до 100 %`,
  studentsLine: (s: { participants: number; absent: number; noJournalMark: number }) =>
    `Участников с итоговым баллом: ${s.participants}; отсутствовали: ${s.absent}; без отметки по журналу 2–5: ${s.noJournalMark}.`,
  yearFromUpload: (year: string) => `Учебный год ${year} определён по датам загрузки работ в протоколе.`,
  andMore: (n: number) => `и ещё ${n}`,
  badScaleHint: (text: string) => `Шкала «${text}» не распознана: укажите три минимальных балла для «3», «4», «5» по возрастанию, например 7; 11; 15.`,
} as const;

/** «Объективность» and the signs of biased marking (issue 16). */
export const OBJECTIVITY_TEXT = {
  title: (year: string) => `Объективность результатов оценочных процедур, ${year} учебный год`,
  note: (t: { upFactor: string; upMinPercent: string; boundaryRatio: string; boundaryMin: string }) =>
    `Понизили / подтвердили / повысили — доли участников, чья отметка за работу ниже / равна / выше отметки по журналу (учтены участники с отметкой по журналу 2–5). ` +
    `«Ровно минимум» — доля участников с баллом, равным минимуму для отметки, «− 1» — на балл ниже; «пик» — отношение первого числа ко второму ` +
    `(если на балл ниже никого нет, отношение считается к одному участнику). Признаки необъективности — ориентировочные пороги из листа «Настройки»: ` +
    `повысили не менее ${t.upFactor} × доли муниципалитета и не менее ${t.upMinPercent} %; пик не менее ${t.boundaryRatio} при не менее ${t.boundaryMin} участниках. ` +
    `Признак — повод проверить объективность проведения и проверки работ, а не вывод о ней; правила отнесения к ШНОР он не меняет.`,
  noData: (year: string) =>
    `Нет данных для проверки объективности за ${year}: импортируйте протокол ВПР по обучающимся (со шкалой отметок) или отчёт ФИС ОКО «Сравнение отметок с отметками по журналу».`,
  noYear: 'Нет результатов оценочных процедур: учебный год анализа не определён.',
  municipality: 'Муниципалитет (все школы)',
  headers: [
    'Процедура', 'Код ОО', 'Наименование ОО', 'Сравнено с журналом', 'Понизили', 'Подтвердили', 'Повысили', 'Участников',
    'Ровно минимум «3»', 'Минимум «3» − 1', 'Пик «3»', 'Ровно минимум «4»', 'Минимум «4» − 1', 'Пик «4»', 'Признаки необъективности',
  ],
  signUp: (share: string, up: number, n: number, factor: string, municipal: string, minPercent: string) =>
    `повысили ${share} (${up} из ${n}) — не менее ${factor} × доли муниципалитета (${municipal}) и не менее ${minPercent} %`,
  signBoundary: (mark: number, at: number, below: number, ratio: string, threshold: string, participants: number) =>
    `пик на границе «${mark}»: ровно минимум — ${at}, на балл ниже — ${below} (отношение ${ratio} ≥ ${threshold}; участников ${participants})`,
  smallSample: (n: number) => `малая выборка: ${n}`,
  /** The words «ШНОР» and «Перечень» add to a result with a sign (the rules of §2.3 are not changed by it). */
  mark: 'результат с признаками необъективности — рекомендуется проверка',
  remark: (procedure: string, year: string, signs: string) => `${procedure}, ${year}: результат с признаками необъективности — рекомендуется проверка (${signs}).`,
  duplicateDiffers: (procedure: string, year: string, what: string, rows: string) => `${procedure}, ${year}: ${what} в строках ${rows} расходятся.`,
  duplicateDiffersAction: 'эти данные объективности не учитываются: оставьте одну верную строку',
  participantsDiffer: (procedure: string, year: string, rows: string) => `${procedure}, ${year}: в строках ${rows} с данными объективности разное число участников.`,
  comparedOverParticipants: (procedure: string, year: string, compared: number, participants: number) =>
    `${procedure}, ${year}: с журналом сравнено ${compared}, а участников ${participants}.`,
  boundaryOverParticipants: (procedure: string, year: string, mark: number, counted: number, participants: number) =>
    `${procedure}, ${year}: на границе «${mark}» и на балл ниже — ${counted} участников, а всего участников ${participants}.`,
  leftOutAction: 'эти данные объективности не учитываются',
  groups: { comparison: 'сравнение с журналом', three: 'баллы на границе «3»', four: 'баллы на границе «4»' },
  describeComparison: (down: number, same: number, up: number) => `понизили ${down}, подтвердили ${same}, повысили ${up}`,
  describeBoundary: (mark: number, at: number, below: number) => `минимум «${mark}» — ${at}, на балл ниже — ${below}`,
} as const;

/** Charts (src/engine/charts): titles, axes, legends and notes of the ИСБШ and context charts. */
export const CHART_TEXT = {
  yearSuffix: (year: string | null) => (year ? ` — ${year} учебный год` : ''),
  isbshTitle: (withCutoff: boolean) => (withCutoff ? 'ИСБШ по школам и граница ШНСУ' : 'ИСБШ по школам'),
  isbshAxis: 'ИСБШ (индекс социального благополучия школы)',
  isbshSubtitle: (from: number) => `Сверху — наименее благополучные школы (ранг 1). ИСБШ — от 0 до 100; ось начинается с ${from}, а не с 0.`,
  shnsu: 'ШНСУ',
  otherSchools: 'остальные школы',
  cutoff: (kind: string, value: string) => `граница ШНСУ (${kind}): ${value}`,
  barDescription: (name: string, value: string, shnsu: boolean) => `${name}: ИСБШ ${value}${shnsu ? ', ШНСУ' : ''}`,
  distributionTitle: 'Распределение ИСБШ и граница ШНСУ',
  distributionSubtitle: (schools: string, limit: number, step: string, shnsu: string) => [
    `${schools}: больше ${limit}, поэтому вместо столбца на школу показано, сколько школ в каждом интервале ИСБШ шириной ${step}.`,
    `ШНСУ — ${shnsu}; ИСБШ каждой школы — в листе «ИСБШ».`,
  ],
  schoolCount: 'Число школ',
  binDescription: (from: string, to: string, count: number, group: string) => `ИСБШ от ${from} до ${to}: ${count} (${group})`,
  contextTitle: 'Результаты школ и их социальный контекст',
  contextLineNote: (line: string, r2: string, n: string) => [
    `Линия — ожидаемая доля не справившихся по ИСБШ: ${line}${r2 ? ` (R² = ${r2}; школ в модели: ${n})` : ` (школ в модели: ${n})`}.`,
    'Точка выше линии — результаты ниже ожидаемых при таком социальном контексте.',
  ],
  modelNote: 'Статистическая модель для планирования поддержки, а не оценка школы.',
  contextLine: (a: string, b: string, negative: boolean) => `доля = ${a} ${negative ? '−' : '+'} ${b} × ИСБШ`,
  contextLineLegend: 'ожидаемая доля по ИСБШ',
  failedShareAxis: 'Доля не справившихся (процедуры ШНОР, год анализа)',
  contextCategories: { shnor: 'ШНОР', resilient: 'резильентная школа', both: 'ШНОР и резильентная', other: 'остальные школы' },
  pointDescription: (name: string, isbsh: string, share: string, category: string) => `${name}: ИСБШ ${isbsh}, доля не справившихся ${share} (${category})`,
} as const;

// ===== The schools' questionnaire form (issue 12) =====================================================

/** The sheet «Кто не ответил» writes: every school with the status of its answer and its link. */
export const FORM_MAILING_SHEET = 'Рассылка анкеты';

export const FORM_MENU = {
  create: 'Создать анкету для школ',
  refresh: 'Обновить список школ в анкете',
  mailing: 'Кто не ответил',
} as const;

/** The status of a school's answer for the year. */
export const FORM_STATUS = {
  accepted: 'ответ принят',
  invalid: 'ответ с ошибками',
  missing: 'нет ответа',
} as const;

/** «Наименование (код 001)»: the word that marks the code in a dropdown choice. */
export const FORM_CODE_WORD = 'код';

/**
 * The questions of the form. Titles are the response sheet's headers, so each must be recognised
 * by the questionnaire reader (src/engine/isbsh/questionnaire.ts) and by nothing else.
 */
export const FORM_QUESTIONS = {
  school: {
    title: 'Образовательная организация',
    help: 'Выберите свою школу из списка (в скобках — код ОО). Если школы нет в списке, сообщите муниципальному координатору.',
  },
  year: {
    title: 'Учебный год',
    help: 'Учебный год, к которому относятся указанные ниже числа.',
  },
  total: {
    title: 'Всего обучающихся в школе (N)',
    help: 'Общее число обучающихся школы, все классы. От него считаются доли h, s и r в формуле ИСБШ. Только цифры.',
    validation: 'Введите целое число больше нуля, только цифры (например, 412).',
  },
  higher: {
    title: 'Обучающихся, у которых оба родителя имеют высшее образование (H)',
    help: 'Методика (раздел 4): «доля учащихся из семей, где оба родителя имеют высшее образование». Укажите число таких обучающихся — не долю и не процент. Только цифры.',
    validation: 'Введите целое число не меньше нуля, только цифры (например, 0 или 57).',
  },
  single: {
    title: 'Обучающихся из неполных семей (S)',
    help: 'Методика (раздел 4): «доля учащихся из неполных семей» — семей, где ребёнка воспитывает один родитель. Укажите число таких обучающихся — не долю и не процент. Только цифры.',
    validation: 'Введите целое число не меньше нуля, только цифры (например, 0 или 57).',
  },
  register: {
    title: 'Обучающихся, состоящих на учёте (R)',
    help: 'Методика (раздел 4): «доля учащихся, состоящих на различных видах учёта» — любой вид учёта (внутришкольный, КДН и ЗП, ПДН и другие). Каждого обучающегося считайте один раз, даже если он состоит на нескольких видах учёта. Укажите число, не долю и не процент. Только цифры.',
    validation: 'Введите целое число не меньше нуля, только цифры (например, 0 или 57).',
  },
  email: {
    title: 'Адрес электронной почты для связи',
    help: 'Необязательно: куда координатору написать, если в ответе что-то неясно.',
    validation: 'Введите адрес электронной почты, например school1@example.ru.',
  },
  comment: {
    title: 'Комментарий',
    help: 'Необязательно.',
  },
} as const;

export const FORM_TEXT = {
  title: (municipality: string | null, year: string) =>
    `Анкета школы для расчёта ИСБШ${municipality ? ` — ${municipality}` : ''}, ${year} учебный год`,
  description:
    'Анкета собирает данные для расчёта индекса социального благополучия школы (ИСБШ) по методике муниципальной программы поддержки школ с низкими образовательными результатами (раздел 4). Анкету заполняет одна ответственная в каждой школе. Указываются числа обучающихся, а не доли и не проценты. Чтобы исправить ответ, отправьте анкету ещё раз: учитывается последний ответ школы.',
  confirmation: 'Спасибо! Ответ школы записан. Чтобы исправить его, отправьте анкету ещё раз — учитывается последний ответ.',
  /** Reasons a school is not in the dropdown, or a choice is given once for several schools. */
  noCode: (names: string) => `У этих школ нет кода в «Справочнике ОО», в анкете они без кода и сопоставляются по наименованию: ${names}.`,
  duplicateChoice: (names: string) => `Одинаковые наименования без кода: ${names}. В анкете каждое дано один раз — укажите коды в «Справочнике ОО».`,
  noMunicipality: 'Муниципалитет не указан: заполните параметр «Муниципалитет» в «Настройках» или столбец «Муниципалитет» в «Справочнике ОО» — он войдёт в название анкеты.',

  // What the commands answer (menu alerts and the panel).
  needRegistry: (sheet: string, create: string) =>
    `Для анкеты нужен список школ — лист «${sheet}» с кодами и наименованиями. Его нет или в нём нет ни одной школы. Создайте его командой «${create}» и заполните, затем создайте анкету.`,
  offerStructure: (create: string) => `Создать структуру листов («${create}») сейчас?`,
  alreadyExists: (title: string, url: string, refresh: string, setting: string) =>
    `Анкета уже создана: «${title}».\n${url}\n\nЧтобы список школ в ней следовал «Справочнику ОО», выберите «${refresh}». Чтобы создать новую анкету, очистите параметр «${setting}» в «Настройках».`,
  created: (title: string, schools: string, sheet: string) =>
    `Создана анкета «${title}», школ в списке: ${schools}. Ответы записываются в лист «${sheet}» этой таблицы; «Рассчитать» читает их оттуда.`,
  links: (respondent: string, edit: string) => `Ссылка для школ: ${respondent}\nРедактировать анкету: ${edit}`,
  previousSheet: (sheet: string) => `Прежний лист ответов «${sheet}» не изменён; расчёт его больше не читает (параметр «Лист анкеты» в «Настройках»).`,
  oldFormGone: (id: string) => `Прежняя анкета (${id}) не открывается — создана новая.`,
  notLinked: (detail: string) => `Анкета создана, но не связана с таблицей: ${detail}. Свяжите её вручную (в форме: «Ответы» → «Связать с Таблицами») или выберите «Обновить список школ в анкете».`,
  noSheetFound: 'Google не сообщил, в какой лист пишутся ответы: найдите лист «Ответы на форму…» и укажите его в «Настройках» (параметр «Лист анкеты»).',
  partial: (detail: string) => `Анкета не создана: ${detail}. Если в Google Диске осталась недоделанная форма, удалите её и повторите.`,
  notCreated: (create: string) => `Анкета ещё не создана: выберите «${create}».`,
  cannotOpen: (id: string, detail: string, setting: string) =>
    `Анкета «${id}» не открывается (${detail}). Проверьте параметр «${setting}» в «Настройках»: там должен быть идентификатор или ссылка формы, к которой у вас есть доступ.`,
  noSchoolQuestion: (title: string) => `В анкете нет вопроса-списка «${title}»: список школ обновить нельзя. Создайте анкету заново.`,
  refreshed: (added: number, removed: number, renamed: number, total: number) =>
    added + removed + renamed === 0
      ? `Список школ в анкете уже совпадает со «Справочником ОО» (${total}). Ничего не изменено.`
      : `Список школ в анкете обновлён: добавлено ${added}, убрано ${removed}, переименовано ${renamed}; всего ${total}. Уже полученные ответы не изменены: школа, переименованная в справочнике, сопоставляется по коду.`,
  yearsRefreshed: (years: string) => `Учебные годы в анкете: ${years}.`,
  sheetRelinked: (sheet: string) => `Лист ответов переименован — в «Настройках» указан лист «${sheet}».`,
  mailingDone: (missing: number, invalid: number, accepted: number, sheet: string) =>
    `Нет ответа: ${missing}, ответ с ошибками: ${invalid}, ответ принят: ${accepted}. Список со ссылками — на листе «${sheet}».`,
  noForm: 'Анкета не создана командой «Создать анкету для школ» (или не указана в «Настройках», параметр «Форма анкеты»): ссылок для школ нет, статусы ответов — по листу анкеты.',
  notInForm: 'школы нет в списке анкеты: выберите «Обновить список школ в анкете»',
  otherYearAnswer: (years: string) => `есть ответ за ${years}`,
  busy: 'Анкета или расчёт уже обрабатываются (другим пользователем или в другой вкладке). Дождитесь окончания и повторите.',

  // «Рассылка анкеты» and the letter.
  sheetTitle: 'Рассылка анкеты: кто не ответил',
  formLine: (title: string) => `Анкета: ${title}`,
  linkLine: (url: string) => `Ссылка на анкету: ${url}`,
  yearLine: (year: string | null) => `Учебный год ответов: ${year ?? 'не определён (в ответах нет учебного года)'}`,
  countsLine: (accepted: number, invalid: number, missing: number) =>
    `Ответ принят: ${accepted} · ответ с ошибками: ${invalid} · нет ответа: ${missing}`,
  linkHint: 'В ссылке для школы её наименование уже выбрано: школа не может ошибиться в выборе. Статус «ответ принят» — как при «Рассчитать» с текущими данными.',
  headers: ['Код ОО', 'Наименование ОО', 'Статус ответа', 'Что не так', 'Эл. почта', 'Ссылка для школы', 'Строка ответа'],
  letterHead: (title: string, year: string | null) => `${title}${year ? ` (ответы за ${year} учебный год)` : ''}.`,
  letterMissing: (n: number) => `Ещё не ответили (${n}):`,
  letterInvalid: (n: number) => `Ответ получен, но содержит ошибку — отправьте анкету ещё раз (${n}):`,
  letterLinkNote: 'В ссылке для каждой школы её наименование уже выбрано.',
  letterAll: 'Все школы ответили, ответы приняты.',
  letterCommonLink: (url: string) => `Ссылка на анкету: ${url}`,
  reasonLabel: 'что исправить',

  // The settings rows.
  formSettingHint: 'Идентификатор (или ссылка) Google Формы анкеты; заполняется командой «Создать анкету для школ». Пусто — анкета не создана.',
} as const;

/** The registry's optional column of school e-mails (for «Рассылка анкеты»). */
export const REGISTRY_EMAIL_HEADER = 'Эл. почта';

/** `shnor-monitor form-spec`: how to build the same form by hand in Google Forms. */
export const FORM_SPEC_TEXT = {
  heading: 'Анкета для школ: как создать такую же Google Форму вручную',
  title: (t: string) => `Название формы: ${t}`,
  description: (t: string) => `Описание: ${t}`,
  confirmation: (t: string) => `Сообщение после отправки (Настройки → Презентация): ${t}`,
  questions: 'Вопросы — в этом порядке. Названия вопросов вводите точно так, как здесь: по ним «Рассчитать» находит столбцы листа ответов.',
  kind: {
    list: 'Раскрывающийся список',
    count: 'Текст (строка)',
    email: 'Текст (строка)',
    paragraph: 'Текст (абзац)',
  },
  required: (r: boolean) => (r ? 'обязательный' : 'необязательный'),
  help: (t: string) => `Описание вопроса: ${t}`,
  choices: (n: number) => `Варианты (${n}) — можно вставить все сразу, по одному в строке:`,
  noSchools:
    'Варианты — школы «Справочника ОО» в виде «Наименование (код …)». Укажите книгу с листом «Справочник ОО» (shnor-monitor form-spec книга.xlsx), чтобы получить готовый список.',
  pattern: (p: string, help: string) => `Проверка ответа: «Регулярное выражение» → «Соответствует» → ${p}; текст ошибки: «${help}»`,
  email: (help: string) => `Проверка ответа: «Текст» → «Адрес электронной почты»; текст ошибки: «${help}»`,
  linkHeading: 'После создания',
  link: [
    'Ответы → «Связать с Таблицами» → выберите таблицу управления: Google добавит лист «Ответы на форму (N)».',
    'Если таких листов в таблице несколько, укажите нужный в «Настройках» (параметр «Лист анкеты»).',
    'Идентификатор формы (из ссылки редактирования …/forms/d/<идентификатор>/edit) можно записать в «Настройки» (параметр «Форма анкеты»): тогда надстройка обновит список школ и даст ссылки для «Кто не ответил».',
    'Список школ меняется — обновите варианты первого вопроса: уже полученные ответы останутся, переименованная школа сопоставляется по коду в скобках.',
  ],
  remarks: 'Замечания',
  written: (file: string) => `Описание анкеты записано в ${file}.`,
} as const;

/** The panel's section «Анкета для школ» (sidebar/form.ts). */
export const FORM_PANEL = {
  notCreated: 'Анкета ещё не создана.',
  created: 'Анкета создана.',
  schools: (n: number, sheet: string) => `Школ в «${sheet}»: ${n}.`,
  noRegistry: (sheet: string) => `Нет листа «${sheet}» или в нём нет школ: анкете нужен список школ.`,
  answersIn: (sheet: string) => `Ответы — на листе «${sheet}».`,
  openForm: 'Открыть анкету',
  editForm: 'Редактировать',
  createStructure: 'Создать структуру листов',
  structureBusy: 'Создание листов…',
  createBusy: 'Создание анкеты…',
  refreshBusy: 'Обновление…',
  mailingBusy: 'Проверка ответов…',
  failedCreate: 'Анкета не создана',
  failedRefresh: 'Список школ не обновлён',
  failedMailing: 'Не удалось проверить ответы',
  failedState: 'Не удалось прочитать сведения об анкете',
  consent:
    'Нужно разрешить надстройке работу с Google Формами. Выберите в меню «Расширения → Мониторинг ШНОР/ШНСУ» пункт «Создать анкету для школ» (или «Обновить список школ в анкете»), разрешите доступ в окне Google и вернитесь в панель. Остальные функции работают и без этого разрешения.',
  counts: { missing: 'Нет ответа', invalid: 'С ошибками', accepted: 'Ответ принят' },
  year: (y: string | null) => (y ? `Ответы за ${y} учебный год.` : 'В ответах нет учебного года.'),
  allAnswered: 'Все школы ответили, ответы приняты.',
  more: (n: number) => `и ещё ${n} — на листе`,
  copy: 'Скопировать список',
  copied: 'Список скопирован: вставьте его в письмо.',
  copySelected: 'Текст выделен: нажмите Ctrl+C (⌘+C), чтобы скопировать.',
  letterLabel: 'Текст для письма',
  noLink: 'без ссылки',

} as const;

// ---------------------------------------------------------------------------------------------
// Командная строка `shnor-monitor` (issues 9, 11): справка по командам, ошибки параметров, запись
// файлов, сводка `analyze`. The option names themselves (`--json`) are not translated. Texts built
// from other constants are getters, so that the add-on's bundle (which never reads them) drops them.

const CLI_EXIT_CODES = `Коды выхода:
  0  расчёт выполнен и что-то определено (проблемы в данных — в «Журнале проверки»)
  1  файл не прочитан или не записан (недописанных файлов не остаётся)
  2  неверные параметры (в том числе -o указывает на исходную книгу без --in-place)
  3  книга прочитана и файлы записаны, но ни ШНОР, ни ШНСУ определить не удалось
     (причины — в сводке и в «Журнале проверки»)`;

const CLI_COMMON_OPTIONS = `  --debug              при ошибке показать технические подробности (для разработчиков)
  -h, --help           эта справка`;

export const CLI_HELP = {
  get general() {
    return `${PRODUCT_NAME} — командная строка

Команды:
  analyze     расчёт ИСБШ, ШНСУ и ШНОР, листы-результаты, показатели программы
  monitoring  создать или обновить лист «${SHEETS.monitoring}» для рабочей группы
  import      дописать в «${SHEETS.results}» результаты из вставленного отчёта
  record      зафиксировать перечень года анализа как утверждённый («${SHEETS.approved}»)
  roadmap     создать или обновить «${ROADMAP_SHEET}» по трём трекам ФИОКО
  form-spec   описание анкеты для школ, чтобы создать Google Форму вручную

Запуск:  shnor-monitor <команда> <книга.xlsx | папка с .csv> [параметры]
Справка по команде:  shnor-monitor <команда> --help  (или shnor-monitor help <команда>)

Исходная книга никогда не изменяется: результат пишется в новый файл (-o). Запись в саму книгу —
только с --in-place, и тогда сначала сохраняется её копия «<книга>.bak.xlsx».

${CLI_EXIT_CODES}`;
  },
  get analyze() {
    return `shnor-monitor analyze — расчёт ИСБШ, ШНСУ и ШНОР

Запуск:
  shnor-monitor analyze <книга.xlsx | папка с .csv> [-o результат.xlsx] [--json результат.json]
                        [--year 2022/2023] [--cutoff quartile|quintile] [--docx справка.docx]
                        [--in-place]

В книгу-результат входят исходные листы без изменений и сформированные листы («${SHEETS.isbsh}»,
«${SHEETS.shnor}», «${SHEETS.list}», «${SHEETS.indicators}», «${SHEETS.summary}», «${CONTEXT_SHEET}», «${SHEETS.journal}» и др.).
Рядом с ней записываются диаграммы: ИСБШ — <результат>-isbsh.svg, доля не справившихся против ИСБШ
(лист «${CONTEXT_SHEET}») — <результат>-context.svg. Все файлы записываются вместе:
если один из них записать нельзя, не записывается ни один.

Параметры:
  -o, --output <файл>  куда записать книгу (по умолчанию <имя>-результат.xlsx рядом с исходной)
  --json <файл>        записать также машиночитаемый результат (JSON)
  --year <год>         учебный год анализа, например 2022/2023 (по умолчанию — из «${SHEETS.settings}»
                       или последний год в результатах)
  --cutoff <граница>   граница ШНСУ: quartile (нижний квартиль, 0,25) или quintile (нижний квинтиль, 0,2)
  --docx <файл>        записать также «Аналитическую справку» с приложением к приказу (Word)
  --in-place           записать результат в саму исходную книгу .xlsx; сначала рядом сохраняется её
                       копия <книга>.bak.xlsx (если она уже есть — <книга>.bak-2.xlsx и т. д.)
${CLI_COMMON_OPTIONS}

${CLI_EXIT_CODES}`;
  },
  get record() {
    return `shnor-monitor record — зафиксировать перечень года как утверждённый

Запуск:
  shnor-monitor record <книга.xlsx | папка с .csv> [--order "№ 45 от 20.01.2024"] [-o книга-перечень.xlsx]
                       [--in-place]

Дописывает перечень ШНОР и ШНСУ учебного года анализа в лист «${SHEETS.approved}» (создаёт лист
при первом вызове) — как он утверждён приказом. Перечень года, который уже записан, не заменяется:
чтобы исправить его, измените строки листа вручную. «${SHEETS.history}» и JSON берут утверждённый
перечень вместо расчёта.

Параметры:
  --order <текст>      номер и дата приказа, которым утверждён перечень (необязательно)
  -o, --output <файл>  куда записать книгу (по умолчанию <имя>-перечень.xlsx рядом с исходной)
  --in-place           записать лист в саму исходную книгу .xlsx; сначала рядом сохраняется её
                       копия <книга>.bak.xlsx (если она уже есть — <книга>.bak-2.xlsx и т. д.)
${CLI_COMMON_OPTIONS}

Коды выхода: 0 — перечень записан, 1 — файл не прочитан или не записан, 2 — неверные параметры,
3 — записывать нечего (год анализа не определён) или перечень этого года уже записан.`;
  },
  get roadmap() {
    return `shnor-monitor roadmap — «${ROADMAP_SHEET}» по трём трекам ФИОКО

Запуск:
  shnor-monitor roadmap <книга.xlsx | папка с .csv> [-o книга-дорожная-карта.xlsx] [--in-place]

Создаёт лист «${ROADMAP_SHEET}» из текущего перечня: трек 1 — строка на каждую ШНОР, трек 2 — на
каждую школу в зоне риска (ШНСУ или один низкий результат, не ШНОР), трек 3 — муниципальные меры;
столбцы примерной формы ФИОКО и «Статус» со списком значений. Повторный запуск добавляет строки
школ, вошедших в трек, ставит «${ROADMAP_STATUS.left}» (или «${ROADMAP_STATUS.moved}») в строках
вышедших и сохраняет всё внесённое: значения, свои строки и столбцы. Формулы листа в .xlsx
сохраняются своими значениями. Остальные листы книги переносятся без изменений.

Параметры:
  -o, --output <файл>  куда записать книгу (по умолчанию <имя>-дорожная-карта.xlsx рядом с исходной)
  --in-place           записать лист в саму исходную книгу .xlsx; сначала рядом сохраняется её
                       копия <книга>.bak.xlsx (если она уже есть — <книга>.bak-2.xlsx и т. д.)
${CLI_COMMON_OPTIONS}

Коды выхода: 0 — лист подготовлен, 1 — файл не прочитан или не записан, 2 — неверные параметры,
3 — лист «${ROADMAP_SHEET}» в книге есть, но это не дорожная карта (он не изменён).`;
  },
  get monitoring() {
    return `shnor-monitor monitoring — лист «${SHEETS.monitoring}» для рабочей группы

Запуск:
  shnor-monitor monitoring <книга.xlsx | папка с .csv> [-o книга-мониторинг.xlsx] [--in-place]

Создаёт или обновляет лист «${SHEETS.monitoring}»: новые школы перечня добавляются, выбывшие
отмечаются, внесённые отметки, числа и добавленные столбцы сохраняются по коду школы.
Остальные листы книги переносятся без изменений.

Параметры:
  -o, --output <файл>  куда записать книгу (по умолчанию <имя>-мониторинг.xlsx рядом с исходной)
  --in-place           записать лист в саму исходную книгу .xlsx; сначала рядом сохраняется её
                       копия <книга>.bak.xlsx (если она уже есть — <книга>.bak-2.xlsx и т. д.)
${CLI_COMMON_OPTIONS}

Коды выхода: 0 — лист подготовлен, 1 — файл не прочитан или не записан, 2 — неверные параметры.`;
  },
};

export const CLI_TEXT = {
  error: (message: string) => `Ошибка: ${message}`,
  seeHelp: (command: string) => `Справка: shnor-monitor ${command} --help`,
  seeGeneralHelp: 'Справка: shnor-monitor --help',
  noCommand: 'укажите команду: analyze, monitoring, import, record, roadmap или form-spec.',
  unknownCommand: (name: string, suggestion: string | null) =>
    `неизвестная команда «${name}»${suggestion ? ` — возможно, вы имели в виду «${suggestion}»` : ''}. Команды: analyze, monitoring, import, record, roadmap, form-spec.`,
  commandBeforeBook: (path: string) => `сначала укажите команду, затем книгу: shnor-monitor analyze «${path}».`,
  unknownOption: (option: string, command: string, suggestion: string | null) =>
    `у команды ${command} нет параметра «${option}»${suggestion ? ` — возможно, вы имели в виду ${suggestion}` : ''}.`,
  missingValue: (option: string, placeholder: string) => `после ${option} укажите ${placeholder}.`,
  flagTakesNoValue: (option: string) => `параметр ${option} не принимает значения: уберите «=…».`,
  repeatedOption: (option: string) => `параметр ${option} указан несколько раз: оставьте один.`,
  needOneSource: 'укажите одну книгу .xlsx или папку с файлами .csv.',
  extraPositional: (extra: string) => `лишний аргумент «${extra}»: укажите одну книгу .xlsx или папку с файлами .csv (путь с пробелами возьмите в кавычки).`,
  badYear: (text: string) => `--year: «${text}» не является учебным годом (пример: 2022/2023).`,
  badCutoff: (text: string) => `--cutoff: ожидается quartile или quintile, указано «${text}».`,
  docxNotDocx: (path: string) => `--docx: укажите файл с расширением .docx, указано «${path}».`,
  outputNotXlsx: (option: string, path: string) => `${option}: книга-результат должна быть файлом .xlsx, указано «${path}».`,
  inPlaceNeedsXlsx: '--in-place: исходные данные — папка с CSV, записать результат в неё нельзя; укажите книгу-результат в -o.',
  inPlaceWithOtherOutput: (output: string) => `--in-place записывает результат в исходную книгу, а -o указывает другой файл («${output}»): оставьте один из параметров.`,
  /** Exit 2: the output is the input (same path, `..`, a symlink or a hard link). */
  outputIsInput: (label: string, path: string, backup: string) =>
    `${label} «${path}» — это исходная книга: запись заменила бы ваши данные. Укажите другой файл в -o или добавьте --in-place (тогда сначала будет сохранена копия «${backup}»).`,
  outputIsInputFile: (label: string, path: string) => `${label} «${path}» — это исходный файл: запись заменила бы ваши данные. Укажите другой файл.`,
  outputIsFolder: (label: string, path: string) => `${label}: «${path}» — это папка; укажите имя файла.`,
  outputParentIsFile: (label: string, path: string, parent: string) => `${label}: «${path}» нельзя создать — «${parent}» является файлом, а не папкой.`,
  sameOutput: (a: string, b: string, path: string) => `${a} и ${b} записываются в один и тот же файл «${path}»: укажите разные файлы.`,
  internalError: (message: string) =>
    `внутренняя ошибка программы (${message}). Повторите команду с --debug и сообщите разработчикам, приложив вывод.`,
  stackFollows: 'Подробности (--debug):',
} as const;

/** What a file written by the command line is called in messages. */
export const CLI_OUTPUT_LABELS = {
  workbook: 'книга-результат',
  json: 'JSON-результат (--json)',
  chart: 'диаграмма ИСБШ',
  contextChart: 'диаграмма контекста',
  docx: 'аналитическая справка (--docx)',
  backup: 'резервная копия исходной книги',
} as const;

export const CLI_WRITE_TEXT = {
  written: (path: string) => `Записано: ${path}`,
  backup: (path: string) => `Резервная копия исходной книги: ${path}`,
  failed: (label: string, path: string, why: string) => `не удалось записать файл «${path}» (${label}): ${why}.`,
  nothingWritten: 'Ни один файл не записан; исходные файлы и прежние результаты не изменены.',
  partlyWritten: (written: string[], notWritten: string[]) =>
    `Записаны: ${written.map((p) => `«${p}»`).join(', ') || 'нет'}. Не записаны: ${notWritten.map((p) => `«${p}»`).join(', ')}.`,
  leftover: (paths: string[]) => `Не удалось удалить временные файлы: ${paths.map((p) => `«${p}»`).join(', ')} — их можно удалить вручную.`,
  reasons: {
    EACCES: 'нет прав на запись в эту папку или в этот файл',
    EPERM: 'запись запрещена (нет прав, или файл открыт в другой программе — закройте его и повторите)',
    EBUSY: 'файл занят другой программой (возможно, открыт в Excel) — закройте его и повторите',
    EROFS: 'диск или папка доступны только для чтения',
    ENOSPC: 'на диске не хватает места',
    EDQUOT: 'превышена квота на диске',
    ENOENT: 'папка не найдена',
    ENOTDIR: 'часть пути — файл, а не папка',
    EISDIR: 'по этому пути находится папка',
    ENAMETOOLONG: 'слишком длинное имя файла или путь',
    EMFILE: 'открыто слишком много файлов — повторите позже',
    ENFILE: 'открыто слишком много файлов — повторите позже',
    EIO: 'ошибка ввода-вывода диска',
    EEXIST: 'файл с таким именем появился во время записи — повторите',
    EXDEV: 'файлы на разных дисках',
  } as Record<string, string>,
  otherReason: (code: string) => `системная ошибка (код ${code})`,
} as const;

export const CLI_SUMMARY = {
  year: (year: string | null) => `Учебный год анализа: ${year ?? 'не определён'}`,
  schools: (total: number, withIsbsh: number) => `Школ: ${total}, ИСБШ рассчитан: ${withIsbsh}`,
  cutoff: (label: string, value: string) => `Граница ШНСУ (${label}): ${value}`,
  counts: (shnor: number, shnsu: number, both: number) => `${CATEGORY.shnor}: ${shnor}; ${CATEGORY.shnsu}: ${shnsu}; ${CATEGORY.both}: ${both}`,
  listHeading: (category: string, n: number) => `${category} (${n}):`,
  noneListed: (category: string) => `${category}: нет`,
  more: (n: number) => `… и ещё ${n} (полностью — лист «${SHEETS.list}»)`,
  notDetermined: (category: string, why: string) => `${category} не определены: ${why}`,
  get nothingDetermined() {
    return `Ни ШНОР, ни ШНСУ не определены: проверьте, та ли это книга, и исправьте данные по листу «${SHEETS.journal}».`;
  },
  needsCheck: (needsCheck: number, noData: number) => `Требуют проверки: ${needsCheck}; нет данных о результатах: ${noData}`,
  indicators: (reached: number, notReached: number, noData: number) =>
    `Показатели программы (лист «${SHEETS.indicators}»): достигнуто ${reached}, не достигнуто ${notReached}, нет данных ${noData}`,
  noMonitoring: (command: string) =>
    `  Лист «${SHEETS.monitoring}» не найден, поэтому показатели по чек-листу рабочей группы и численности педагогов — «${INDICATOR_STATUS.noData}». Подготовьте его: ${command}, заполните и повторите расчёт.`,
  journal: (errors: number, warnings: number) => `${SHEETS.journal}: ошибок ${errors}, предупреждений ${warnings} (лист «${SHEETS.journal}»)`,
  firstErrors: (n: number, total: number) => (total > n ? `Первые ${n} ошибки журнала:` : total === 1 ? 'Ошибка журнала:' : 'Ошибки журнала:'),
  questionnaireYear: (questionnaireYear: string, year: string) =>
    `  ИСБШ и ШНСУ рассчитаны по анкете за ${questionnaireYear}, а учебный год анализа — ${year}.`,
  displaced: (wanted: string, name: string) => `Лист «${wanted}» — ваш (без отметки надстройки): он не изменён, результат записан в лист «${name}».`,
  // Why a category could not be determined.
  whyNoQuestionnaire: 'не найден лист с ответами школ на анкету («Ответы на форму…»)',
  whyNoQuestionnaireNamed: (name: string) => `не найден лист анкеты «${name}», указанный в «${SHEETS.settings}»`,
  whyMissingColumns: (sheet: string, columns: string[]) => `в листе «${sheet}» не найдены столбцы ${columns.map((c) => `«${c}»`).join(', ')}`,
  whyNoRows: (sheet: string) => `в листе «${sheet}» нет ни одной строки с данными`,
  whyNoValidResponse: (sheet: string, rows: number) => `ни один из ответов листа «${sheet}» (${rows}) не прошёл проверку — см. ошибки журнала`,
  whyNoSchools: 'не найдено ни одной школы',
  whyNoResults: (name: string) => `не найден лист результатов «${name}» (или другой, чьё имя начинается с «Результаты»)`,
  whyNoYear: 'учебный год анализа не определён: ни в одной строке результатов нет распознанного учебного года',
  whyNoDataForYears: (prev: string, year: string, present: string[]) =>
    `в результатах нет данных за ${prev} и ${year}${present.length > 0 ? ` (есть за ${present.join(', ')})` : ''} — проверьте --year или «Учебный год анализа» в листе «${SHEETS.settings}»`,
  whyNoUsableResults: (prev: string, year: string) => `ни у одной школы нет пригодных результатов включённых процедур за ${prev} и ${year} — см. журнал`,
} as const;

// ===== Context: results against social conditions, resilient schools, pairs (issue 14, DESIGN §2.7) ====

/** The generated sheet of the context model. */
export const CONTEXT_SHEET = 'Контекст';

/** The rows of «Настройки» for the context model. */
export const CONTEXT_SETTINGS = {
  deviation: {
    label: 'Отклонение от ожидаемого, п.п.',
    hint: 'Лист «Контекст»: «результаты ниже ожидаемых», если доля не справившихся выше ожидаемой по ИСБШ не менее чем на столько процентных пунктов.',
  },
  capacity: {
    label: 'Школ на одного лидера',
    hint: 'Лист «Контекст»: сколько ШНОР можно предложить в пару одной школе-лидеру.',
  },
} as const;

const schoolsOf = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'школы' : 'школ'}`;
const schoolsDat = (n: number) => `${n} ${n % 10 === 1 && n % 100 !== 11 ? 'школе' : 'школам'}`;
const schoolsNom = (n: number) => {
  const a = n % 100;
  const b = n % 10;
  return `${n} ${a > 10 && a < 20 ? 'школ' : b === 1 ? 'школа' : b >= 2 && b <= 4 ? 'школы' : 'школ'}`;
};

export const CONTEXT_TEXT = {
  // The journal.
  noResults: 'нет результатов оценочных процедур за год анализа',
  tooFew: (n: number, min: number) => `ИСБШ и доля не справившихся есть только у ${schoolsOf(n)}, а нужно не менее ${min}`,
  sameIsbsh: (n: number) => `у всех ${schoolsOf(n)} с долей не справившихся одинаковый ИСБШ — по нему нельзя различить ожидаемые результаты`,
  notComputed: (why: string) => `Модель ожидаемых результатов (лист «${CONTEXT_SHEET}») не рассчитана: ${why}.`,
  notComputedAction: 'ожидаемая доля, отклонение и «результаты ниже ожидаемых» не определены; резильентные школы, школы-лидеры и пары определены по доле не справившихся',
  unstableQuartile: (n: number, min: number) => `Доля не справившихся есть только у ${schoolsOf(n)}: квартиль, по которому отбираются резильентные школы и школы-лидеры, неустойчив (нужно не менее ${min}).`,
  unstableQuartileAction: 'квартиль рассчитан, проверьте вывод вручную',
  participants: (n: number) => `участников ${n}`,
  smallSample: (n: number, year: string, min: number, names: string) =>
    `Доля не справившихся в ${year} не рассчитана у ${schoolsOf(n)}: участников процедур ШНОР меньше ${min} («Минимум участников для надёжного вывода») — ${names}.`,
  noRows: (n: number, year: string, names: string) => `Нет результатов процедур ШНОР за ${year} у ${schoolsOf(n)}: доля не справившихся не рассчитана — ${names}.`,
  noShareAction: `школа в листе «${CONTEXT_SHEET}» без доли: не входит в модель, не может быть резильентной или школой-лидером`,
  unweighted: (n: number, year: string) => `Строк за ${year} с процентом не справившихся без числа участников: ${n}.`,
  unweightedAction: `в долю не справившихся листа «${CONTEXT_SHEET}» не входят: без участников их нельзя сложить с другими (для ШНОР учтены)`,
  shnorWithoutIsbsh: (n: number, names: string) => `ШНОР без ИСБШ не получают пару для сетевой поддержки (${n}): ${names}.`,
  shnorWithoutLeader: (n: number, why: string, names: string) => `ШНОР без пары для сетевой поддержки (${n}): ${why} — ${names}.`,
  noLeaders: 'школ-лидеров нет',
  leadersFull: (leaders: number, capacity: number) => `все школы-лидеры (${leaders}) уже в парах с ${capacity} ШНОР каждая`,
  unpairedAction: `подберите пару вручную или измените «${CONTEXT_SETTINGS.capacity.label}» в «Настройках»`,
  noIsbshAction: 'получите от школы ответ на анкету (ИСБШ) или подберите пару вручную',
  leadersWithoutIsbsh: (n: number, names: string) => `Школы-лидеры без ИСБШ не участвуют в подборе пар (${n}): ${names}.`,
  leadersWithoutIsbshAction: 'без ИСБШ нельзя найти ШНОР в близких условиях; школа отмечена лидером в листе',

  // The sheet.
  title: (year: string | null) => `Контекст: результаты школ и их социальные условия${year ? ` — ${year} учебный год` : ''}`,
  statement:
    'Это статистическая модель для планирования поддержки, а не оценка школы: она показывает, каких результатов можно ожидать при социальных условиях школы (ИСБШ), и где они заметно хуже или лучше ожидаемых.',
  shareExplained: (year: string, min: number) =>
    `p — доля не справившихся в ${year} по всем процедурам ШНОР вместе: не справились (ΣF) / участников (ΣP), основной период, без пересдач и выпускников прошлых лет; если дан только процент, F = доля × P. Школа, у которой участников меньше ${min}, доли не получает.`,
  modelExplained:
    'p̂ — ожидаемая доля: p̂ = a + b × ИСБШ, прямая наименьших квадратов по школам, у которых есть и ИСБШ, и p. Отклонение = p − p̂: больше нуля — не справившихся больше, чем ожидается при таком ИСБШ.',
  flagsExplained: (deviation: string, capacity: number) =>
    `«Результаты ниже ожидаемых» — отклонение не меньше ${deviation} п.п. Резильентная школа — ШНСУ, у которой p не выше квартиля p всех школ с долей (PERCENTILE.INC, 0,25). Школа-лидер — не ШНОР, данные в порядке, p не выше того же квартиля. Пары: ШНОР по возрастанию ИСБШ получают школу-лидера с ближайшим ИСБШ, не более ${capacity} ШНОР на лидера; при равной разнице — из той же местности, затем с меньшей долей p, затем по коду.`,
  noResultsSheet: 'Нет результатов оценочных процедур за год анализа: доли не справившихся, модель и пары не рассчитаны. Заполните лист «Результаты ОП».',
  modelHeader: ['Модель ожидаемой доли', 'Значение', 'Проверка: формула в свободной ячейке этого листа'],
  a: 'a — свободный член',
  b: 'b — наклон (изменение доли на 1 балл ИСБШ)',
  r2: 'R² — доля разброса p, которую объясняет ИСБШ',
  r2Undefined: 'не определён: у всех школ модели одинаковая доля',
  n: 'n — школ в модели',
  quartile: (n: number) => `Квартиль p (PERCENTILE.INC, 0,25) по ${schoolsDat(n)} с долей`,
  noQuartile: 'Квартиль p не рассчитан: ни у одной школы нет доли не справившихся.',
  deviationRow: `${CONTEXT_SETTINGS.deviation.label} (настройка)`,
  capacityRow: `${CONTEXT_SETTINGS.capacity.label} (настройка)`,
  notComputedRow: (why: string) => `Модель не рассчитана: ${why}. Ожидаемая доля и отклонение не определены.`,
  formulasHint:
    'Формулы считают по столбцам «ИСБШ» и «p» таблицы школ ниже — ровно по школам модели. В Excel на русском: ОТРЕЗОК, НАКЛОН, КВПИРСОН, СЧЁТ, ПРОЦЕНТИЛЬ.ВКЛ.',
  chartNote: 'Диаграмма: по горизонтали ИСБШ, по вертикали p, линия — ожидаемая доля; ШНОР и резильентные школы выделены. Данные — столбцы «ИСБШ», «p», «p̂» и два последних столбца таблицы школ.',
  pairsTitle: (capacity: number) => `Пары для сетевой поддержки: ШНОР → школа-лидер (не более ${capacity} ШНОР на лидера)`,
  pairsHeader: ['Код ОО (ШНОР)', 'ШНОР → школа-лидер', 'ИСБШ ШНОР', 'p ШНОР', 'Код ОО лидера', 'ИСБШ лидера', 'p лидера', 'Разница ИСБШ', 'Местность'],
  pair: (shnor: string, leader: string) => `${shnor} → ${leader}`,
  unpairedPair: (shnor: string, why: string) => `${shnor} → пара не подобрана: ${why}`,
  unpairedWhy: { 'no-isbsh': 'нет ИСБШ (анкета не заполнена / содержит ошибки)', 'no-leader': 'нет свободной школы-лидера' },
  sameLocality: (locality: string) => `одна: ${locality}`,
  otherLocality: (a: string, b: string) => `разные: ${a || 'не указана'} / ${b || 'не указана'}`,
  noPairs: 'ШНОР нет — пары не нужны.',
  tableTitle: (ordered: boolean) => (ordered ? 'Школы: сначала наибольшее отклонение от ожидаемого' : 'Школы: сначала наибольшая доля не справившихся'),
  tableHeader: [
    'Код ОО',
    'Наименование ОО',
    'ИСБШ',
    'p — доля не справившихся',
    'p̂ — ожидаемая доля',
    'Отклонение p − p̂',
    'Участников (ΣP)',
    'Не справились (ΣF)',
    'Категория',
    'Результаты ниже ожидаемых',
    'Резильентная',
    'Школа-лидер',
    'Пара для сетевой поддержки',
    'Примечание',
    'p: ШНОР',
    'p: резильентные',
  ],
  chartColumnNote: 'Столбец для диаграммы: p только у этих школ, чтобы выделить их точки.',
  partnerOf: (leader: string) => `→ ${leader}`,
  partnersOf: (names: string) => `← ${names}`,
  noIsbshNote: (remark: string) => `нет ИСБШ: ${remark}`,
  noRowsNote: (year: string) => `нет результатов процедур ШНОР за ${year}`,
  smallSampleNote: (n: number, min: number) => `участников ${n} — меньше ${min}`,
  unweightedNote: (n: number) => `без числа участников не учтено строк: ${n}`,
  chartTitle: (year: string | null) => `Результаты и социальный контекст${year ? `, ${year}` : ''}`,
  chartXAxis: 'ИСБШ',
  chartYAxis: 'Доля не справившихся',

  // «Сводка» and the analytic note.
  summaryTitle: 'Контекст: результаты с учётом социальных условий',
  summaryModel: (line: string, r2: string, n: number) => `Ожидаемая доля не справившихся: ${line}${r2 ? `, R² = ${r2}` : ''}; школ в модели: ${n}.`,
  summaryBelow: (deviation: string) => `Результаты ниже ожидаемых (на ${deviation} п.п. и более)`,
  summaryResilient: 'Резильентные школы (ШНСУ с долей не справившихся в нижнем квартиле)',
  summaryLeaders: 'Школы-лидеры (не ШНОР, доля не справившихся в нижнем квартиле)',
  summaryPairs: 'Пары для сетевой поддержки (ШНОР → школа-лидер)',
  summaryUnpaired: 'ШНОР без пары',
  summaryMore: (n: number) => `… и ещё ${n} — на листе «${CONTEXT_SHEET}».`,
  noteModel: (line: string, r2: string, n: number) =>
    `Социальный контекст (лист «${CONTEXT_SHEET}»): при социальных условиях школы ожидаемая доля не справившихся ${line} (прямая по ${schoolsDat(n)}${r2 ? `, R² = ${r2}` : ''}).`,
  noteNoModel: (why: string) => `Социальный контекст (лист «${CONTEXT_SHEET}»): модель ожидаемых результатов не рассчитана — ${why}.`,
  noteBelow: (n: number, deviation: string, names: string) => (n ? `Результаты ниже ожидаемых (на ${deviation} п.п. и более) — у ${schoolsOf(n)}: ${names}.` : `Школ с результатами ниже ожидаемых на ${deviation} п.п. и более нет.`),
  noteResilient: (n: number, names: string) => (n ? `Резильентные школы — ШНСУ с результатами в лучшей четверти: ${names}.` : 'Резильентных школ (ШНСУ с результатами в лучшей четверти) нет.'),
  notePairs: (n: number, pairs: string) => `Для сетевой поддержки предложено пар «ШНОР → школа-лидер»: ${n}${n ? ` — ${pairs}` : ''}.`,
  noteUnpaired: (n: number, names: string) => `Без пары — ${schoolsNom(n)}: ${names}.`,
  line: (a: string, b: string, negative: boolean) => `p̂ = ${a} ${negative ? '−' : '+'} ${b} × ИСБШ`,
  modelNote: 'Это статистическая модель для планирования поддержки, а не оценка школы.',
} as const;

/** The panel's section «Пары для сетевой поддержки» (sidebar/contextPairs.ts). */
export const CONTEXT_PANEL = {
  none: 'Нет данных.',
  noResults: 'Нет результатов за год анализа: доли не справившихся и пары не рассчитаны.',
  model: (line: string, r2: string, n: string) => `Ожидаемая доля не справившихся по ИСБШ: ${line}${r2 ? ` (R² = ${r2}, школ: ${n})` : ` (школ: ${n})`}.`,
  noModel: (why: string) => `Модель ожидаемых результатов не рассчитана: ${why}.`,
  below: 'Результаты ниже ожидаемых',
  resilient: 'Резильентные школы',
  leaders: 'Школы-лидеры',
  pairs: 'Пары «ШНОР → школа-лидер»',
  unpaired: 'ШНОР без пары',
  noShnor: 'ШНОР нет — пары не нужны.',
  pairsLabel: 'Предложенные пары',
  school: (isbsh: string, share: string) => `ИСБШ ${isbsh}, доля не справившихся ${share}`,
  noIsbsh: 'нет',
  noShare: 'нет',
  sameLocality: 'та же местность',
  more: (n: number, sheet: string) => `и ещё ${n} — на листе «${sheet}»`,
  later: (sheet: string) => `Все пары и доли каждой школы — на листе «${sheet}» после расчёта.`,
  modelNote: 'Статистическая модель для планирования поддержки, а не оценка школы.',
} as const;

// ===== History: the list across years, approved lists (issue 13) =====================================

/** The panel's section «Изменения перечня». */
export const HISTORY_PANEL = {
  none: 'Нет данных.',
  noYears: 'Результатов оценочных процедур нет: истории перечня пока нет.',
  noPrevious: (previous: string) => `Результатов за ${previous} нет: сравнить перечень с прошлым годом нельзя.`,
  since: (previous: string) => `По сравнению с ${previous}:`,
  entered: 'Вошли в перечень',
  left: 'Вышли из перечня',
  stayed: 'Остались в перечне',
  longOnList: 'В перечне три года подряд и дольше',
  more: (n: number, sheet: string) => `и ещё ${n} — на листе «${sheet}»`,
  later: (sheet: string) => `История за все годы — на листе «${sheet}» после расчёта.`,
  recorded: (year: string, sheet: string) => `Перечень ${year} зафиксирован в листе «${sheet}» как утверждённый.`,
  notRecorded: (year: string) => `Перечень ${year} ещё не зафиксирован как утверждённый. Когда приказ подписан, зафиксируйте его: история будет брать его вместо расчёта, а изменения данных после приказа попадут в журнал.`,
  orderLabel: 'Приказ (№, дата)',
  orderPlaceholder: '№ 45 от 20.01.2024',
  button: 'Зафиксировать перечень года',
  busy: 'Запись перечня…',
  failed: 'Перечень не зафиксирован',
} as const;

export const HISTORY_TEXT = {
  approvedHeader: ['Учебный год', 'Код ОО', 'Наименование ОО', 'Категория', 'Приказ (№, дата)'],
  emptyList: '(в перечне нет ни одной школы)',
  approvedIgnored: 'утверждённые перечни не учитываются: исправьте заголовок листа',
  rowIgnored: 'строка не учитывается в истории',
  firstKept: 'учитывается первая строка',
  badCategory: (text: string) => `Категория «${text}» не распознана: ожидается «ШНОР», «ШНСУ» или «ШНОР и ШНСУ».`,
  repeatedSchool: (year: string, row: number, first: string, other: string) => `Школа повторяется в перечне ${year}: в строке ${row} — «${first}», здесь — «${other}».`,
  noYear: 'Учебный год анализа не определён: фиксировать нечего. Заполните результаты или укажите год в «Настройках».',
  alreadyRecorded: (year: string, rows: number[], sheet: string) =>
    `Перечень ${year} уже записан в лист «${sheet}» (строки ${rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : rows[0]}): утверждённый перечень не заменяется. Чтобы исправить его, измените или удалите эти строки в листе вручную (например, если приказ изменён), затем зафиксируйте перечень снова.`,
  recorded: (year: string, schools: number, sheet: string) => `Перечень ${year} записан в лист «${sheet}»: ${schools} ${schools % 10 === 1 && schools % 100 !== 11 ? 'школа' : schools % 10 >= 2 && schools % 10 <= 4 && (schools % 100 < 12 || schools % 100 > 14) ? 'школы' : 'школ'}. Теперь история использует его как утверждённый.`,
  orderLabel: 'Приказ (№, дата), необязательно',
  orderPrompt: (year: string) => `Перечень ${year} будет записан в лист «Перечни прошлых лет» как утверждённый и больше не будет пересчитываться. Укажите номер и дату приказа (можно оставить пустым):`,
  cancelled: 'Перечень не зафиксирован.',
  orderHint: 'например: № 45 от 20.01.2024',
  noQuestionnaireYears: (years: string[]) =>
    `Ответов на анкету за ${years.join(', ')} нет (или в анкете нет столбца «Учебный год»): в истории за ${years.length === 1 ? 'этот год' : 'эти годы'} ШНСУ не определены.`,
  noQuestionnaireAction: 'в истории ШНСУ за эти годы — «нет данных»; ШНОР определены по результатам',
  differs: (year: string, approved: string | null, computed: string | null) => `${year}: в утверждённом перечне — ${approved ? `«${approved}»` : 'не в перечне'}, по данным сейчас — ${computed ? `«${computed}»` : 'не в перечне'}`,
  differences: (items: string[]) => `Утверждённый перечень расходится с расчётом по нынешним данным (данные изменились после приказа): ${items.join('; ')}.`,
  differencesAction: 'в истории использован утверждённый перечень',
  sourceLabel: { approved: 'утверждён', computed: 'расчёт' },
  exitLabel: { left: 'вышла из перечня', leaving: 'на пути к выходу' },
  sheetTitle: 'История перечня ШНОР и ШНСУ по учебным годам',
  sheetNote:
    'Категория за год — по утверждённому перечню (лист «Перечни прошлых лет»), где он записан, иначе по расчёту по нынешним данным и настройкам. ШНСУ за год — только по ответам на анкету за этот год.',
  headers: { code: 'Код ОО', name: 'Наименование ОО', years: 'Лет в перечне', clear: 'Лет подряд без оснований', exit: 'Выход из перечня' },
  perYearHeaders: ['Учебный год', 'Источник', 'ШНОР', 'ШНСУ', 'ШНОР и ШНСУ', 'Всего в перечне', 'Вошли', 'Вышли'],
  noData: 'нет данных',
  notListed: '—',
  noYears: 'Результатов оценочных процедур нет: история не построена.',
} as const;

/**
 * Writing sheets in the add-on all-or-nothing (issue 9): a run builds its sheets under temporary
 * names and swaps them in when every one is ready. These are the names and what the user is told.
 */
export const WRITE_TEXT = {
  /** «[черновик] Сводка»: a sheet being built; «[прежний] Сводка»: the one it replaces, until the swap is over. */
  draft: 'черновик',
  retired: 'прежний',
  /** `google`: the error came from a Google service (else from the add-on itself). */
  failed: (detail: string, google: boolean) =>
    `Листы не записаны: ${google ? 'Google Таблицы сообщили об ошибке' : 'произошла ошибка'} («${detail}»). Прежние результаты и ваши листы не изменены, временные листы удалены. Повторите попытку; если ошибка повторяется, перешлите этот текст разработчикам.`,
  failedWithLeftovers: (detail: string, google: boolean, sheets: string) =>
    `Листы не записаны: ${google ? 'Google Таблицы сообщили об ошибке' : 'произошла ошибка'} («${detail}»). Прежние результаты и ваши листы не изменены; временные листы ${sheets} удалить не удалось — они будут удалены при следующем запуске.`,
  tooLong: (minutes: number) =>
    `Запуск не успел записать листы за ${minutes} мин (Google прерывает запуск через 6 минут): прежние результаты и ваши листы не изменены, временные листы удалены. Повторите попытку; если так будет снова, уменьшите объём данных (например, удалите лишние годы из результатов).`,
  leftovers: (sheets: string) => `Не удалось удалить временные листы ${sheets}: они будут удалены при следующем запуске.`,
  chartFailed: (sheet: string) => `Диаграмма на листе «${sheet}» не построена: данные для неё на листе есть, её можно вставить вручную.`,
  displaced: (wanted: string, name: string) => `Лист «${wanted}» ваш (создан не надстройкой): он не изменяется, результат — в листе «${name}».`,
  /** The error detail Google gave, shortened for a message box. */
  maxDetail: 300,
} as const;

// ===== «Аналитическая справка» as a document (issue 11, DESIGN §3.4) ===============================

export const DOCUMENT_TEXT = {
  menu: 'Создать документ справки',
  title: 'Аналитическая справка',
  subtitle: 'о выявлении школ с низкими образовательными результатами (ШНОР) и школ, функционирующих в неблагоприятных социальных условиях (ШНСУ)',
  municipalityBlank: '_____________________________________ (муниципалитет)',
  period: (year: string | null) => (year ? `по итогам ${year} учебного года` : 'учебный год анализа не определён (нет результатов оценочных процедур)'),
  madeBy: (when: string, source: string) => `Сформирована ${when} надстройкой «${PRODUCT_NAME}» по данным ${source}. Параметры расчёта — лист «${SHEETS.settings}».`,
  sourceSpreadsheet: (name: string) => `таблицы «${name}»`,
  sourceWorkbook: (name: string) => `книги «${name}»`,
  sourceFolder: (name: string) => `папки с файлами CSV «${name}»`,
  name: (municipality: string | null, year: string | null, when: string) =>
    ['Аналитическая справка ШНОР и ШНСУ', municipality, year, when].filter(Boolean).join(' — '),
  sections: {
    method: '1. Методика и параметры расчёта',
    counts: '2. Итоги выявления',
    chart: '3. ИСБШ по школам',
    note: '4. Аналитическая записка',
    indicators: '5. Показатели программы, которые не достигнуты',
    changes: (previousYear: string | null) => (previousYear ? `6. Изменения перечня по сравнению с ${previousYear} учебным годом` : '6. Изменения перечня по сравнению с предыдущим годом'),
    roadmap: '7. Дорожная карта по трём трекам',
  },
  countsColumns: ['Показатель', 'Значение'],
  indicatorColumns: ['№', 'Показатель', 'Значение', 'Целевое значение', 'Учтено'],
  roadmapColumns: ['Трек', 'ОО', 'Задача — действие', 'Мера — мероприятие', 'Сроки', 'Ответственные', 'Результаты / показатели'],
  appendixColumns: ['№ п/п', 'Образовательная организация', 'Категория', 'Основания'],
  appendixHead: ['Приложение', 'к приказу ______________________________', 'от «___» ____________ 20___ г. № ______'],
  signature: ['Справку составил(а): ______________________ / ______________________ /', 'Дата: «___» ____________ 20___ г.'],
  figure: (cutoff: string | null, label: string) => `Рисунок 1 — ИСБШ по школам (от наименее благополучной)${cutoff ? ` и граница ШНСУ ${cutoff} (${label})` : ''}`,
  chartFallback: `Диаграмма ИСБШ не вставлена: она есть на листе «${SHEETS.summary}» (в командной строке — файл …-isbsh.svg рядом с книгой).`,
  noChart: 'ИСБШ не рассчитан ни для одной школы: диаграмма не построена.',
  noYearChanges: 'Учебный год анализа не определён: сравнение с предыдущим годом невозможно.',
  allReached: 'Все показатели, по которым есть данные, достигнуты.',
  noIndicatorData: 'Ни по одному показателю нет данных.',
  noRoadmap: 'Дорожная карта не заполнена.',
} as const;

/** The add-on's «Создать документ справки»: messages of the menu item and the panel. */
export const DOCUMENT_ADDON_TEXT = {
  created: (name: string) => `Создан документ «${name}».`,
  where: 'Он сохранён в корне «Моего диска» (надстройка не видит папок Диска): переместите его в папку таблицы и откройте доступ рабочей группе через «Настройки доступа».',
  everyRun: 'Каждое нажатие создаёт новый документ с датой и временем в названии: уже подписанная или отправленная справка не изменяется.',
  recalculated: (sheets: number) => `Перед созданием выполнен расчёт: обновлено листов — ${sheets}.`,
  noChart: `Диаграмма не вставлена: её нет на листе «${SHEETS.summary}».`,
  headerNotPinned: 'Строка заголовка приложения не закреплена: при печати отметьте её в Google Документах (Таблица → Свойства таблицы → Закрепить строку заголовка).',
  open: 'Открыть документ',
  panelTitle: 'Аналитическая справка',
  panelHint:
    'Документ Google с аналитической справкой и приложением к приказу (перечень ШНОР и ШНСУ) для печати и подписи. Перед созданием выполняется расчёт, чтобы справка и листы совпадали.',
  busy: 'Создание документа…',
  failed: 'Документ не создан',
  recent: 'Созданные справки',
  permission:
    'Для создания документа нужно разрешение «Просматривать, изменять, создавать и удалять документы Google Документов»: его запрашивает только эта команда. Разрешите доступ в открывшемся окне и выберите команду ещё раз.',
} as const;

// ===== Дорожная карта по трём трекам ФИОКО (issue 15, DESIGN §2.8) ================================

/** The kept sheet «Дорожная карта»: created by «Подготовить дорожную карту», then the working group's. */
export const ROADMAP_SHEET = 'Дорожная карта';

export const ROADMAP_MENU = 'Подготовить дорожную карту';

export const ROADMAP_HEADERS = {
  track: 'Трек',
  code: 'Код ОО',
  name: 'Наименование ОО',
  task: 'Задача — действие',
  measure: 'Мера — мероприятие',
  deadline: 'Сроки',
  responsible: 'Ответственные',
  results: 'Результаты / показатели',
  status: 'Статус',
} as const;

/** Values of «Статус» (its drop-down list, in this order). */
export const ROADMAP_STATUS = {
  planned: 'запланировано',
  inProgress: 'в работе',
  done: 'выполнено',
  notDone: 'не выполнено',
  left: 'вышла из перечня',
  moved: 'перешла в другой трек',
} as const;

/**
 * The three tracks of the ФИОКО template (seed 001, «Примерная форма плана/дорожной карты»): title
 * and goal as the template gives them (the goal of track 1 with its grammar put right), and who is in it.
 */
export const ROADMAP_TRACKS = {
  1: {
    title: 'Адресная поддержка школ с низкими результатами обучения',
    goal: 'внедрить в систему управления школ с низкими результатами обучения антикризисную управленческую модель, включая системный мониторинг и коррекцию реализуемых мероприятий',
    members: 'строка на каждую ШНОР перечня (школа с низкими образовательными результатами по критерию 1 или 2)',
  },
  2: {
    title: 'Адресная поддержка школ, функционирующих в зоне риска снижения образовательных результатов',
    goal: 'внедрить технологии эффективного школьного управления, способствующего переходу школ в эффективный режим работы, через выявление дефицитов рискованных школ, ресурсную поддержку, повышение профессиональных компетенций педагогов и управленческих команд данной категории школ',
    members: 'строка на каждую ШНСУ, не отнесённую к ШНОР, и на каждую школу с одним низким результатом в учебном году анализа, не отнесённую к ШНОР',
  },
  3: {
    title: 'Профилактика учебной неуспешности в ОО муниципалитета',
    goal: 'создать необходимые условия для разработки и реализации модели управления системой профилактики учебной неуспешности, предотвращения появления низких образовательных результатов и создания благоприятных условий для обучающихся с трудностями в обучении',
    members: 'муниципальные меры для всех ОО, без привязки к школе',
  },
} as const;

export const ROADMAP_TEXT = {
  heading: (track: number, title: string) => `Трек ${track}. ${title}`,
  headingNote: (goal: string, members: string) => `Цель: ${goal}.\n\nВ трек входят: ${members}.`,
  title: (year: string | null) => `Дорожная карта реализации мер адресной поддержки ШНОР и ШНСУ${year ? ` — ${year} учебный год` : ''}`,
  hint:
    'Для каждой меры укажите сроки, ответственных исполнителей и результаты (показатели): так ФИОКО оценивает план. Вторую меру школы пишите в новой строке под её строкой — код и наименование можно не повторять. Статус выбирается из списка.',
  note: (when: string) =>
    `Дорожную карту заполняет рабочая группа. Подготовлена надстройкой «${PRODUCT_NAME}» ${when}. «Рассчитать» её только читает и проверяет полноту; «${ROADMAP_MENU}» добавляет строки школ, вошедших в перечень, и отмечает вышедшие, не меняя ничего из внесённого.`,
  deadlineHeaderNote: 'Дата (31.03.2023), месяц (март 2023) или квартал (II квартал 2023); можно период («январь–март 2023», «до 31.03.2023»). «В течение года», «постоянно» и месяц без года не читаются.',
  statusHeaderNote: `Выберите из списка: ${Object.values(ROADMAP_STATUS).join(', ')}. «${ROADMAP_STATUS.left}» и «${ROADMAP_STATUS.moved}» ставит надстройка, когда школа выходит из трека.`,
  validationHelp: 'Выберите статус меры из списка.',
  statusBefore: (date: string, status: string) => `Статус до обновления дорожной карты ${date}: «${status}».`,
  // Prefilled tasks and measures: the program's own (seed 000, «Раздел 6. Дорожная карта» and «Раздел 5», 1.1.5).
  task1: (lows: string) => `Повысить результаты по процедурам с низкими результатами: ${lows}`,
  measure1: 'Разработка (корректировка) и реализация программы повышения качества образования школы',
  task2Shnsu: (isbsh: string, cutoff: string) => `Снизить влияние неблагоприятных социальных условий (ИСБШ ${isbsh} не выше границы ШНСУ ${cutoff})`,
  task2Low: (low: string) => `Не допустить закрепления низкого результата: ${low}`,
  measure2: 'Разработка комплекса мер по устранению рисков снижения образовательных результатов',
  municipal: [
    {
      task: 'Создать в ОО муниципалитета системы профилактики учебной неуспешности',
      measure: 'Разработка программ профилактики школьной неуспешности в ОО муниципалитета',
      results: 'Программы профилактики и ликвидации школьной неуспешности сформированы в 100 % ОО (показатель 1.1.5.1)',
    },
    {
      task: 'Обеспечить адресную поддержку слабоуспевающих и неуспевающих обучающихся',
      measure: 'Разработка индивидуальных учебных планов (адресных образовательных программ) для слабоуспевающих и неуспевающих обучающихся; организация тьюторской поддержки для ликвидации учебных дефицитов',
      results: 'ИУП разработаны и тьюторская поддержка организована в 100 % ОО (показатели 1.1.5.2, 1.1.5.3)',
    },
    {
      task: 'Распространять эффективные практики профилактики учебной неуспешности',
      measure: 'Организация муниципальных площадок по обмену эффективным педагогическим опытом, в том числе по вопросам профилактики школьной неуспешности',
      results: 'Обобщены и представлены эффективные практики ОО муниципалитета',
    },
  ],
} as const;

/** What «Подготовить дорожную карту» and the completeness check say (journal, panel, CLI). */
export const ROADMAP_MESSAGES = {
  created: (sheet: string, rows: string, t1: number, t2: number, t3: number) =>
    `Лист «${sheet}» создан: ${rows} — трек 1: ${t1}, трек 2: ${t2}, трек 3: ${t3}. Заполните меры, сроки, ответственных и результаты.`,
  updated: (sheet: string) => `Лист «${sheet}» обновлён; всё внесённое рабочей группой сохранено.`,
  unchanged: (sheet: string) => `Лист «${sheet}» соответствует перечню: ничего не изменено.`,
  added: (track: number, names: string) => `Трек ${track}, добавлены строки: ${names}.`,
  left: (track: number, names: string) => `Трек ${track}, отмечены «${ROADMAP_STATUS.left}»: ${names}.`,
  moved: (track: number, names: string) => `Трек ${track}, отмечены «${ROADMAP_STATUS.moved}»: ${names}.`,
  returned: (names: string) => `Снова в перечне (прежние строки с отметкой сохранены, добавлена новая): ${names}.`,
  addedColumns: (headers: string) => `Добавлены недостающие столбцы: ${headers}.`,
  addedHeadings: (tracks: string) => `Добавлены заголовки треков: ${tracks}.`,
  unknownSchools: (names: string) => `Строки школ, которых нет в справочнике, оставлены как есть: ${names}.`,
  notRecognized: (sheet: string, missing: string) =>
    `Лист «${sheet}» не распознан как дорожная карта: не найдены столбцы ${missing}. Переименуйте лист (его содержимое не изменено) или добавьте заголовки столбцов — тогда «${ROADMAP_MENU}» дополнит его.`,
  noYear: 'Нет результатов оценочных процедур: ШНОР и зона риска не определены, треки 1 и 2 пустые.',
  noShnor: 'ШНОР в перечне нет: трек 1 без школ (ФИОКО при подтверждении отсутствия ШНОР ставит по этому треку максимальный балл).',
  // The check during «Рассчитать»
  withoutMeasure: (track: number, detail: string) => `Трек ${track}: нет ни одной полной меры (мера, сроки, ответственные, результаты) — ${detail}`,
  notInRoadmap: (track: number) => `Трек ${track}: школы нет в дорожной карте.`,
  missingFields: (row: number, fields: string) => `строка ${row}: не заполнено ${fields}`,
  unreadableDeadline: (text: string) => `Сроки «${text}» не читаются как дата, месяц или квартал.`,
  deadlineHint: 'укажите дату (31.03.2023), месяц (март 2023) или квартал (II квартал 2023) с годом',
  overdue: (deadline: string, today: string, status: string) => `Срок «${deadline}» прошёл (на ${today}), а статус — ${status ? `«${status}»` : 'не указан'}.`,
  overdueAction: `поставьте «${ROADMAP_STATUS.done}» или перенесите срок`,
  stale: (track: number) => `Трек ${track}: школа больше не относится к треку, но её строки не отмечены.`,
  staleAction: `выберите «${ROADMAP_MENU}»: строки будут отмечены, внесённое сохранится`,
  addAction: `выберите «${ROADMAP_MENU}» — строка школы будет добавлена`,
  fillAction: 'заполните меру, сроки, ответственных и результаты хотя бы в одной строке школы',
  unknownSchool: (code: string) => `Школа «${code}» не найдена в справочнике.`,
  unknownSchoolAction: 'строка учтена без школы; проверьте код',
  noTrack: 'Не указан трек (1, 2 или 3).',
  noTrackAction: 'строка не учтена в проверке полноты',
  emptyTrack: (track: number) => `В треке ${track} нет ни одной меры: ФИОКО оценивает, охвачены ли все три трека.`,
  checkUnrecognized: (missing: string) => `Лист не распознан как дорожная карта: не найдены столбцы ${missing}.`,
  checkUnrecognizedAction: 'полнота дорожной карты не проверена',
} as const;

/** The roadmap's counts in «Сводка». */
export const ROADMAP_SUMMARY = {
  title: (sheet: string) => `Дорожная карта (лист «${sheet}»)`,
  unrecognized: 'Лист не распознан как дорожная карта: подробности — в журнале проверки.',
  rows: 'Мер в дорожной карте',
  track: (t: number) => `  трек ${t}`,
  withoutMeasures: 'Школ треков 1 и 2 без полной меры (мера, сроки, ответственные, результаты)',
  incomplete: 'Мер без сроков, ответственных, мероприятия или результатов',
  unreadable: 'Мер с нечитаемыми сроками',
  overdue: (date: string) => `Мер с прошедшим сроком не выполнено (на ${date})`,
} as const;
