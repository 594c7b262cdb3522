import { ParsedSchoolYear, parseSchoolYear } from '../parse';
import { matchProcedure } from '../shnor/procedures';
import { Row, cellText } from '../table';
import { fold } from '../text';
import { TitleInfo } from './types';

const KINDS: [RegExp, string][] = [
  [/(^|[^а-я])впр([^а-я]|$)|всероссийск\S* проверочн/, 'ВПР'],
  [/(^|[^а-я])огэ([^а-я]|$)|гиа-?9|основн\S* государствен/, 'ОГЭ'],
  [/(^|[^а-я])егэ([^а-я]|$)|гиа-?11|един\S* государствен/, 'ЕГЭ'],
  [/(^|[^а-я])кдр([^а-я]|$)|(краев|региональн)\S* диагностическ/, 'КДР'],
];
const SUBJECTS: [RegExp, string][] = [
  [/математик|алгебр/, 'математика'],
  [/русск/, 'русский язык'],
  [/читательск/, 'читательская грамотность'],
  [/естественнонаучн/, 'естественнонаучная грамотность'],
];

function only(text: string, table: [RegExp, string][]): string {
  const found = [...new Set(table.filter(([re]) => re.test(text)).map(([, v]) => v))];
  return found.length === 1 ? found[0] : '';
}

function gradeOf(text: string): string {
  const m = text.match(/(?:^|[^\d])(\d{1,2})\s*(?:-?\s*(?:й|го|х)\s*)?(?:класс|кл(?:[^а-я]|$))/) ?? text.match(/класс\S*\s*:?\s*(\d{1,2})(?:[^\d]|$)/);
  return m && Number(m[1]) >= 1 && Number(m[1]) <= 11 ? m[1] : '';
}

/** «ВПР математика 5 класс» from free text such as «Всероссийские проверочные работы 2022 (5 класс) … Предмет: Математика». */
export function procedureWords(text: string, defaultKind = ''): { text: string; kind: string } {
  const t = fold(text);
  const kind = only(t, KINDS);
  const subject = only(t, SUBJECTS);
  if (!subject) return { text: '', kind };
  const grade = gradeOf(t);
  const level = /профил/.test(t) ? 'профильная' : /базов/.test(t) ? 'базовая' : '';
  return { text: [kind || defaultKind, subject, grade && `${grade} класс`, level].filter(Boolean).join(' '), kind };
}

/** The school year a test date belongs to: from September on, the year that starts then. */
function yearOfDate(y: number, month: number): ParsedSchoolYear {
  const end = month >= 9 ? y + 1 : y;
  return { year: `${end - 1}/${end}`, end, fromBareYear: false };
}

function yearOf(text: string): Pick<TitleInfo, 'year' | 'yearSource' | 'yearText'> {
  for (const m of text.matchAll(/\d{4}\s*[/\-–—]\s*\d{2,4}/g)) {
    const y = parseSchoolYear(m[0]);
    if (y) return { year: y, yearSource: 'school-year', yearText: m[0] };
  }
  const ru = text.match(/(?:^|[^\d])(\d{1,2}\.(\d{1,2})\.(\d{4}))/);
  const iso = text.match(/((\d{4})-(\d{2})-\d{2})/);
  const date = ru ? { shown: ru[1], month: Number(ru[2]), year: Number(ru[3]) } : iso ? { shown: iso[1], month: Number(iso[3]), year: Number(iso[2]) } : null;
  if (date && date.month >= 1 && date.month <= 12) return { year: yearOfDate(date.year, date.month), yearSource: 'date', yearText: date.shown };
  const bare = text.match(/(?:^|[^\d])(20\d{2})(?:[^\d]|$)/);
  const y = bare ? parseSchoolYear(bare[1]) : null;
  return y ? { year: y, yearSource: 'bare', yearText: bare?.[1] ?? '' } : { year: null, yearSource: null, yearText: '' };
}

/** What the title lines above a table say about the procedure and the school year. */
export function readTitles(rows: Row[], defaultKind = ''): TitleInfo {
  const text = rows.map((r) => r.map((c) => cellText(c)).filter(Boolean).join(' ')).join('\n');
  const words = procedureWords(text, defaultKind);
  return { procedureText: words.text, procedure: words.text ? matchProcedure(words.text) : null, kind: words.kind || defaultKind, ...yearOf(text) };
}
