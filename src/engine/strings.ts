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

/** The longest text one cell holds in Google Sheets is 50 000 characters; generated cells stay well below. */
export const MAX_CELL_TEXT = 45000;
/** How much of a value typed by the user a message quotes. */
export const MAX_QUOTE = 200;

export const SUPPORT_LIST_NOTE =
  'Перечень является списком школ для адресной методической поддержки, а не рейтингом школ.';

export const HEADERS = {
  isbsh: ['Код ОО', 'Наименование ОО', 'Обучающихся (N)', 'Доля h (оба родителя с высшим)', 'Доля s (неполные семьи)', 'Доля r (на учёте)', 'ИСБШ', 'Ранг', 'ШНСУ', 'Примечание'],
  journal: ['Уровень', 'Лист', 'Строка', 'Школа', 'Сообщение', 'Что сделано'],
  list: ['№ п/п', 'Код ОО', 'Наименование ОО', 'Категория', 'Основания'],
  settings: ['Параметр', 'Значение', 'Пояснение'],
  results: ['Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не справились', '% не справившихся', 'Средний балл', 'Категория', 'Этап'],
} as const;

export const NO_QUESTIONNAIRE_REMARK = 'анкета не заполнена / содержит ошибки';

export const SOURCE_LABELS = {
  questionnaire: 'Анкета (ответы на форму)',
  results: 'Результаты оценочных процедур',
  registry: 'Справочник ОО',
  settings: 'Настройки',
  monitoring: 'Лист мониторинга',
} as const;

export const MESSAGES = {
  busy: 'Расчёт уже выполняется (другим пользователем или в другой вкладке). Дождитесь его окончания и нажмите «Рассчитать» ещё раз.',
  done: 'Расчёт завершён',
  noSheet: (name: string) => `Лист «${name}» не найден.`,
  structureCreated: (names: string[]) => (names.length ? `Созданы листы: ${names.join(', ')}.` : 'Все листы уже есть — ничего не изменено.'),
  help:
    'Надстройка рассчитывает ИСБШ по ответам школ на анкету, определяет ШНСУ (нижний квартиль или квинтиль ИСБШ) и ШНОР (низкие результаты ВПР, ОГЭ, ЕГЭ по критериям 1 и 2), формирует листы «ИСБШ», «ШНОР», «Перечень ШНОР и ШНСУ», «Показатели», «Сводка» и «Журнал проверки». Исходные листы не изменяются. Лист «Мониторинг» для рабочей группы создаётся командой «Подготовить лист мониторинга» и при расчёте только читается. Параметры — на листе «Настройки». Откройте панель: Расширения → Мониторинг ШНОР/ШНСУ → Открыть панель.',
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
} as const;

export const IMPORT_TEXT = {
  unknownLayout:
    'Не удалось распознать таблицу: нужна строка заголовков с «Кол-во участников» и отметками «2», «3», «4», «5» (ФИС ОКО), или со школой, участниками и «не преодолели порог» / «получили 2» (ГИА), или со школой и отметкой/баллом каждого участника.',
  unknownLayoutLabel: 'не распознан',
  emptyPaste: 'Лист пуст.',
  needProcedure: 'Вставка не называет процедуру: выберите её.',
  needYear: 'Вставка не называет учебный год: укажите его.',
  badHintProcedure: (text: string) => `Процедура «${text}» не найдена в перечне процедур.`,
  badHintYear: (text: string) => `«${text}» не является учебным годом (пример: 2022/2023).`,
  bareYear: (text: string, year: string) => `Год «${text}» понят как учебный год ${year}.`,
  yearFromDate: (year: string) => `Учебный год ${year} определён по дате в заголовке.`,
  aggregateRow: (label: string) => `итоговая строка${label ? ` «${label}»` : ''}`,
  noNumbers: (label: string) => `строка без результатов${label ? ` («${label}»)` : ''}`,
  noSchool: 'не указана школа',
  badParticipants: (text: string) => `число участников «${text}» должно быть целым неотрицательным`,
  noParticipants: 'не указано число участников',
  badPercent: (text: string) => `доля «2» / не справившихся «${text}» не является процентом от 0 до 100`,
  noFailed: 'нет ни числа, ни доли не справившихся',
  badFailed: (text: string) => `«не справились» = «${text}» должно быть целым неотрицательным`,
  failedOverParticipants: (f: number, p: number) => `не справились (${f}) больше, чем участников (${p})`,
  unknownProcedure: (text: string) => (text ? `процедура «${text}» не распознана` : 'не указана процедура'),
  noProcedure: 'процедура не определена',
  badYear: (text: string) => (text ? `учебный год «${text}» не распознан` : 'не указан учебный год'),
  noYear: 'учебный год не определён',
  pastGraduate: 'выпускник прошлых лет (не учитывается)',
  retake: 'пересдача / дополнительный период (не учитывается)',
  noMark: 'нет отметки или балла, по которым можно решить, преодолён ли порог',
  unknownSchool: (shown: string, candidates: string) => `школа «${shown}» не найдена в справочнике${candidates ? `; возможно: ${candidates}` : ''}`,
  ambiguousSchool: (shown: string, candidates: string) => `наименование «${shown}» подходит к нескольким школам: ${candidates}; укажите логин`,
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
