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
  results: ['Учебный год', 'Код ОО', 'Наименование ОО', 'Процедура', 'Участников', 'Не справились', '% не справившихся', 'Средний балл', 'Категория', 'Этап'],
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
  created: (sheet: string, rows: number, t1: number, t2: number, t3: number) =>
    `Лист «${sheet}» создан: ${rows} строк — трек 1: ${t1}, трек 2: ${t2}, трек 3: ${t3}. Заполните меры, сроки, ответственных и результаты.`,
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
