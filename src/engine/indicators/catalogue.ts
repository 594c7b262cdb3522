/**
 * The program indicators of seed 000, «Раздел 5. Мониторинг реализации программы» (DESIGN §2.5),
 * as data: a new indicator is a new entry, not new code. Texts are verbatim from the program
 * (including its own spelling «ШНРО»), so a report quotes the document it answers to.
 */

/** Whose share the indicator is: the schools of the list, every school, or the teachers of the list. */
export type Population = 'listed' | 'all' | 'teachers';

export type IndicatorSource =
  /** A yes/no item of «Мониторинг»: the column is the indicator's own (header «<id> <short>»). */
  | { kind: 'checklist' }
  /** Σ numerator column / Σ denominator column over the population's rows of «Мониторинг». */
  | { kind: 'ratio'; numerator: NumberColumnKey; denominator: NumberColumnKey }
  /**
   * Positive dynamics of the school's results from Y−1 to Y. Several procedures (ЕГЭ математика:
   * базовая и профильная) are one exam of the school: see `dynamics.ts` for how they combine.
   */
  | { kind: 'dynamics'; procedures: string[] };

export interface Indicator {
  /** Stable id: the group and the position in it, «1.1.2.1». */
  id: string;
  group: string;
  text: string;
  /** Short name for headers and settings. */
  short: string;
  /** Target in percent, as in the program (100, 50, 30, 20). */
  target: number;
  population: Population;
  source: IndicatorSource;
}

export interface IndicatorGroup {
  id: string;
  title: string;
}

export const INDICATOR_GROUPS: IndicatorGroup[] = [
  { id: '1.1.1', title: 'По оценке процессов управления качеством образования' },
  { id: '1.1.2', title: 'По выявлению динамики образовательных результатов в ШНОР и ШНСУ' },
  { id: '1.1.3', title: 'По учету педагогических работников ШНОР и ШНСУ, прошедших диагностику профессиональных дефицитов, предметных компетенций' },
  { id: '1.1.4', title: 'По оказанию методической помощи ШНОР и ШНСУ' },
  { id: '1.1.5', title: 'По профилактике учебной неуспешности обучающихся' },
  { id: '1.1.6', title: 'По устранению рисков снижения образовательных результатов и ресурсных дефицитов' },
];

/** Numeric columns of «Мониторинг» (counts of teachers the schools report in September and January). */
export const NUMBER_COLUMNS = {
  teachers: 'Педагогов всего',
  diagnosed: 'Прошли диагностику',
  supportRegional: 'Получили поддержку: регион. сети',
  supportMunicipal: 'Получили поддержку: муницип. МО',
  mathTeachers: 'Учителей математики',
  mathWork: 'Учителей математики: работа по дефицитам',
  russianTeachers: 'Учителей русского языка',
  russianWork: 'Учителей русского языка: работа по дефицитам',
  primaryTeachers: 'Учителей начальных классов',
  primaryWork: 'Учителей начальных классов: работа по дефицитам',
} as const;

export type NumberColumnKey = keyof typeof NUMBER_COLUMNS;

const check = { kind: 'checklist' } as const;
const ratio = (numerator: NumberColumnKey, denominator: NumberColumnKey): IndicatorSource => ({ kind: 'ratio', numerator, denominator });
const dynamics = (...procedures: string[]): IndicatorSource => ({ kind: 'dynamics', procedures });

const DYNAMICS_TEXT = 'Доля школ, от общего числа школ ШНОР и ШНСУ в МСО, достигших положительной динамики в результатах';

/*
 * Decisions where the program is not explicit:
 * - 1.1.4.3–1.1.4.5 say «(от общего количества учителей … ШНРО и ШНСУ МСО)»: the denominator is
 *   teachers, so they are ratios of teachers, not of schools.
 * - 1.1.6.1 counts «организаций, в которых выявлены риски снижения образовательных результатов»:
 *   the risks this methodology identifies are ШНОР and ШНСУ, so its population is the list.
 */
export const INDICATORS: Indicator[] = [
  { id: '1.1.1.1', group: '1.1.1', short: 'Программа ПКО/развития на сайте', target: 100, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ, на сайтах которых размещена школьная программа повышения качества образования/программа развития, предусматривающая антирисковые мероприятия' },
  { id: '1.1.1.2', group: '1.1.1', short: 'Приказ о программе на сайте', target: 100, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ, на сайтах которых размещен приказ об утверждении/реализации школьной программы повышения качества образования' },
  { id: '1.1.1.3', group: '1.1.1', short: 'Пакет документов на сайте', target: 100, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ, на сайтах которых размещен пакет документов, регламентирующих деятельность по повышению качества образования' },
  { id: '1.1.1.4', group: '1.1.1', short: 'Мероприятия программы на сайте', target: 100, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ, на сайтах которых размещена информация о проведенных мероприятиях/ событиях в рамках реализации программы повышения качества образования' },
  { id: '1.1.1.5', group: '1.1.1', short: 'ШППКО разработана в «Конструкторе»', target: 20, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ в МСО, которые использовали «Конструктор» для разработки ШППКО' },
  { id: '1.1.1.6', group: '1.1.1', short: 'Договоры о сетевом взаимодействии на сайте', target: 20, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ, на сайтах которых размещены договоры по вопросам повышения качества образования в рамках сетевого взаимодействия с учреждениями системы дополнительного и профессионального образования, а также с учреждениями культурной и социальной направленности' },
  { id: '1.1.1.7', group: '1.1.1', short: 'Узкие специалисты по нормативам', target: 100, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ, в которых количество узких специалистов соответствует нормативам' },

  { id: '1.1.2.1', group: '1.1.2', short: 'Динамика: ОГЭ математика', target: 20, population: 'listed', source: dynamics('ОГЭ математика'),
    text: `${DYNAMICS_TEXT} ОГЭ по математике` },
  { id: '1.1.2.2', group: '1.1.2', short: 'Динамика: ОГЭ русский язык', target: 20, population: 'listed', source: dynamics('ОГЭ русский язык'),
    text: `${DYNAMICS_TEXT} ОГЭ по русскому языку` },
  { id: '1.1.2.3', group: '1.1.2', short: 'Динамика: ЕГЭ математика', target: 20, population: 'listed', source: dynamics('ЕГЭ математика (базовая)', 'ЕГЭ математика (профильная)'),
    text: `${DYNAMICS_TEXT} ЕГЭ по математике` },
  { id: '1.1.2.4', group: '1.1.2', short: 'Динамика: ЕГЭ русский язык', target: 20, population: 'listed', source: dynamics('ЕГЭ русский язык'),
    text: `${DYNAMICS_TEXT} ЕГЭ по русскому языку` },
  { id: '1.1.2.5', group: '1.1.2', short: 'Динамика: КДР читательская грамотность 4 кл.', target: 20, population: 'listed', source: dynamics('КДР читательская грамотность 4 кл.'),
    text: `${DYNAMICS_TEXT} краевой диагностической работы по читательской грамотности (4 класс)` },
  { id: '1.1.2.6', group: '1.1.2', short: 'Динамика: КДР читательская грамотность 6 кл.', target: 20, population: 'listed', source: dynamics('КДР читательская грамотность 6 кл.'),
    text: `${DYNAMICS_TEXT} краевой диагностической работы по читательской грамотности (6 класс)` },
  { id: '1.1.2.7', group: '1.1.2', short: 'Динамика: КДР естественнонаучная грамотность 8 кл.', target: 20, population: 'listed', source: dynamics('КДР естественнонаучная грамотность 8 кл.'),
    text: `${DYNAMICS_TEXT} краевой диагностической работы по естественнонаучной грамотности (8 класс)` },

  { id: '1.1.3.1', group: '1.1.3', short: 'Система выявления дефицитов педагогов', target: 100, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ в которых разработана система/ механизм по выявлению профессиональных (предметных, методических, психолого-педагогических) образовательных дефицитов педагогов и иных педагогических работников' },
  { id: '1.1.3.2', group: '1.1.3', short: 'Система ликвидации дефицитов педагогов', target: 100, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ в которых разработана система/ механизм ликвидации профессиональных (предметных, методических, психолого-педагогических) образовательных дефицитов педагогов и иных педагогических работников' },
  { id: '1.1.3.3', group: '1.1.3', short: 'Педагоги, прошедшие диагностику', target: 50, population: 'teachers', source: ratio('diagnosed', 'teachers'),
    text: 'Доля учителей, прошедших профессиональную диагностику/самодиагностику, от общего числа педагогов ШНОР и ШНСУ в МСО' },
  { id: '1.1.3.4', group: '1.1.3', short: 'Отчёты о мониторинге компетенций на сайте', target: 100, population: 'listed', source: check,
    text: 'Доля ШНОР и ШНСУ, на сайтах которых размещены аналитические отчеты о результатах мониторингов динамики профессиональных компетенций педагогов, включающие адресные рекомендации' },

  { id: '1.1.4.1', group: '1.1.4', short: 'Поддержка педагогов через региональные сети', target: 100, population: 'teachers', source: ratio('supportRegional', 'teachers'),
    text: 'Доля педагогов ШНОР и ШНСУ в МСО, которым оказана консультативная, методическая и другие виды поддержки по повышению качества образования через региональные сетевые методические объединения учителей-предметников' },
  { id: '1.1.4.2', group: '1.1.4', short: 'Поддержка педагогов через муниципальные МО', target: 100, population: 'teachers', source: ratio('supportMunicipal', 'teachers'),
    text: 'Доля педагогов ШНОР и ШНСУ в МСО, которым оказана консультативная, методическая и другие виды поддержки по повышению качества образования через муниципальные методические объединения предметной и межпредметной направленности, муниципальные творческие/ методические группы по вопросам повышения качества образования в ШНРО и ШНСУ' },
  { id: '1.1.4.3', group: '1.1.4', short: 'Работа по дефицитам учителей математики', target: 100, population: 'teachers', source: ratio('mathWork', 'mathTeachers'),
    text: 'Доля ШНРО и ШНСУ, в которых организована работа по ликвидации выявленных квалификационных образовательных дефицитов учителей математики (от общего количества учителей математики ШНРО и ШНСУ МСО)' },
  { id: '1.1.4.4', group: '1.1.4', short: 'Работа по дефицитам учителей русского языка', target: 100, population: 'teachers', source: ratio('russianWork', 'russianTeachers'),
    text: 'Доля ШНРО и ШНСУ, в которых организована работа по ликвидации выявленных квалификационных образовательных дефицитов учителей русского языка (от общего количества учителей русского языка ШНРО и ШНСУ МСО)' },
  { id: '1.1.4.5', group: '1.1.4', short: 'Работа по дефицитам учителей начальной школы', target: 100, population: 'teachers', source: ratio('primaryWork', 'primaryTeachers'),
    text: 'Доля ШНРО и ШНСУ, в которых организована работа по ликвидации выявленных квалификационных образовательных дефицитов учителей начальной школы (от общего количества учителей начальной школы ШНРО и ШНСУ МСО)' },
  { id: '1.1.4.6', group: '1.1.4', short: 'Участие в региональных мероприятиях', target: 30, population: 'listed', source: check,
    text: 'Доля школ ШНРО и ШНСУ, вовлеченных в региональные мероприятия, направленные на развитие профессионального мастерства педагогических и управленческих кадров по тематикам, связанным с повышением качества образования и поддержки от числа идентифицированных в текущем году' },
  { id: '1.1.4.7', group: '1.1.4', short: 'Продуктивное участие: информация на сайте', target: 20, population: 'listed', source: check,
    text: 'Доля ШНРО и ШНСУ, на сайтах которых размещена информация, отражающая продуктивное участие (выступление, статья и т.д.) в региональных мероприятиях, направленных на развитие профессионального мастерства педагогических и управленческих кадров' },

  { id: '1.1.5.1', group: '1.1.5', short: 'Программа профилактики неуспешности', target: 100, population: 'all', source: check,
    text: 'Доля ОО муниципалитета, в которых сформирована программа/система профилактики и ликвидации школьной неуспешности' },
  { id: '1.1.5.2', group: '1.1.5', short: 'ИУП для слабоуспевающих', target: 100, population: 'all', source: check,
    text: 'Доля ОО муниципалитета, в которых разработаны ИУПы (адресные образовательные программы) для слабоуспевающих и неуспевающих обучающихся' },
  { id: '1.1.5.3', group: '1.1.5', short: 'Тьюторская поддержка обучающихся', target: 100, population: 'all', source: check,
    text: 'Доля ОО муниципалитета, в которых организована тьюторская поддержка обучающихся для ликвидации учебных дефицитов' },

  { id: '1.1.6.1', group: '1.1.6', short: 'Дорожная карта по снижению рисков', target: 100, population: 'listed', source: check,
    text: 'Доля ОО муниципалитета, в которых разработана система мер/дорожная карта по снижению рисков возникновения школьной неуспешности от общего числа организаций, в которых выявлены риски снижения образовательных результатов' },
];

export function indicatorById(id: string): Indicator | undefined {
  return INDICATORS.find((i) => i.id === id);
}

export function groupTitle(id: string): string {
  return INDICATOR_GROUPS.find((g) => g.id === id)?.title ?? '';
}
