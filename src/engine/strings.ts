/**
 * Every Russian word the product shows: sheet names, headers, menu, statuses.
 * Journal messages are built next to the rule that finds the problem, from the phrases here.
 */

export const PRODUCT_NAME = 'Мониторинг ШНОР и ШНСУ';
export const MENU_TITLE = 'Мониторинг ШНОР/ШНСУ';

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
export const QUESTIONNAIRE_SHEET_PREFIXES = ['Ответы на форму', 'Form Responses', 'Form responses', 'Анкета'];

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
  ok: 'проверено',
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

export const GENERATED_NOTE = (when: string): string =>
  `Лист сформирован надстройкой «${PRODUCT_NAME}» ${when}. Он перезаписывается при каждом расчёте: не вносите в него правки.`;

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
    'Надстройка рассчитывает ИСБШ по ответам школ на анкету, определяет ШНСУ (нижний квартиль или квинтиль ИСБШ) и ШНОР (низкие результаты ВПР, ОГЭ, ЕГЭ по критериям 1 и 2), формирует листы «ИСБШ», «ШНОР», «Перечень ШНОР и ШНСУ» и «Журнал проверки». Исходные листы не изменяются. Параметры — на листе «Настройки». Откройте панель: Расширения → Мониторинг ШНОР/ШНСУ → Открыть панель.',
} as const;
