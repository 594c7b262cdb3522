import { words } from '../text';

/**
 * The catalogue of assessment procedures (DESIGN §2.3). Data, not code: a new procedure is a new
 * entry. `shnor` says whether it counts for ШНОР by default (a setting can switch each one).
 */
export interface Procedure {
  name: string;
  kind: 'ВПР' | 'ОГЭ' | 'ЕГЭ' | 'КДР';
  subject: Subject;
  grade?: number;
  level?: 'базовая' | 'профильная';
  shnor: boolean;
  /** How coordinators write it; matched after normalisation, in addition to the features above. */
  aliases: string[];
}

export type Subject = 'математика' | 'русский язык' | 'читательская грамотность' | 'естественнонаучная грамотность';

export const PROCEDURES: Procedure[] = [
  { name: 'ВПР математика 5 кл.', kind: 'ВПР', subject: 'математика', grade: 5, shnor: true, aliases: ['ВПР 5 кл. математика', 'Математика 5 класс ВПР', 'ВПР-5 МА', 'Математика 5'] },
  { name: 'ВПР математика 6 кл.', kind: 'ВПР', subject: 'математика', grade: 6, shnor: true, aliases: ['ВПР 6 кл. математика', 'Математика 6 класс ВПР', 'ВПР-6 МА', 'Математика 6'] },
  { name: 'ВПР русский язык 5 кл.', kind: 'ВПР', subject: 'русский язык', grade: 5, shnor: true, aliases: ['ВПР 5 кл. русский язык', 'Русский язык 5 класс ВПР', 'ВПР-5 РУ', 'Русский язык 5'] },
  { name: 'ВПР русский язык 6 кл.', kind: 'ВПР', subject: 'русский язык', grade: 6, shnor: true, aliases: ['ВПР 6 кл. русский язык', 'Русский язык 6 класс ВПР', 'ВПР-6 РУ', 'Русский язык 6'] },
  { name: 'ОГЭ математика', kind: 'ОГЭ', subject: 'математика', shnor: true, aliases: ['ОГЭ (математика)', 'ОГЭ по математике', 'Математика ОГЭ', 'ОГЭ-9 математика'] },
  { name: 'ОГЭ русский язык', kind: 'ОГЭ', subject: 'русский язык', shnor: true, aliases: ['ОГЭ (русский язык)', 'ОГЭ по русскому языку', 'Русский язык ОГЭ'] },
  { name: 'ЕГЭ математика (базовая)', kind: 'ЕГЭ', subject: 'математика', level: 'базовая', shnor: true, aliases: ['ЕГЭ базовая математика', 'ЕГЭ по математике (базовый уровень)', 'Математика базовая ЕГЭ', 'ЕГЭ математика база'] },
  { name: 'ЕГЭ математика (профильная)', kind: 'ЕГЭ', subject: 'математика', level: 'профильная', shnor: true, aliases: ['ЕГЭ профильная математика', 'ЕГЭ по математике (профильный уровень)', 'Математика профильная ЕГЭ', 'ЕГЭ математика профиль'] },
  { name: 'ЕГЭ русский язык', kind: 'ЕГЭ', subject: 'русский язык', shnor: true, aliases: ['ЕГЭ (русский язык)', 'ЕГЭ по русскому языку', 'Русский язык ЕГЭ'] },
  { name: 'КДР читательская грамотность 4 кл.', kind: 'КДР', subject: 'читательская грамотность', grade: 4, shnor: false, aliases: ['КДР ЧГ 4', 'Читательская грамотность 4 класс', 'КДР по читательской грамотности (4 класс)'] },
  { name: 'КДР читательская грамотность 6 кл.', kind: 'КДР', subject: 'читательская грамотность', grade: 6, shnor: false, aliases: ['КДР ЧГ 6', 'Читательская грамотность 6 класс', 'КДР по читательской грамотности (6 класс)'] },
  { name: 'КДР естественнонаучная грамотность 8 кл.', kind: 'КДР', subject: 'естественнонаучная грамотность', grade: 8, shnor: false, aliases: ['КДР ЕНГ 8', 'Естественнонаучная грамотность 8 класс', 'КДР по естественнонаучной грамотности (8 класс)'] },
];

const KIND_WORDS: Record<Procedure['kind'], string[]> = {
  ВПР: ['впр'],
  ОГЭ: ['огэ', 'гиа9', 'гиа-9'],
  ЕГЭ: ['егэ', 'гиа11', 'гиа-11'],
  КДР: ['кдр', 'краевая', 'региональная', 'диагностическая'],
};

/** Word stems that name a subject (checked as prefixes of words). */
const SUBJECT_STEMS: Record<Subject, string[]> = {
  математика: ['матем', 'мат', 'ма', 'алгебр'],
  'русский язык': ['русск', 'рус', 'ру', 'ря'],
  'читательская грамотность': ['читат', 'чг'],
  'естественнонаучная грамотность': ['естеств', 'енг', 'ен'],
};
const LEVEL_STEMS: Record<NonNullable<Procedure['level']>, string[]> = {
  базовая: ['баз'],
  профильная: ['проф'],
};

/** Normalised comparison key: folded words without punctuation, «кл.», «класс», «по». */
function procedureKey(text: string): string {
  return splitWords(text).join(' ');
}

function splitWords(text: string): string[] {
  return words(text.replace(/(\d)([^\d\s])/g, '$1 $2').replace(/([^\d\s-])(\d)/g, '$1 $2'))
    .flatMap((w) => w.split('-'))
    .filter((w) => w && !['кл', 'класс', 'классы', 'по', 'в', 'уровень', 'уровня', 'язык', 'языку', 'яз', 'й'].includes(w));
}

interface Features {
  kind?: Procedure['kind'];
  subject?: Subject;
  grade?: number;
  level?: Procedure['level'];
}

function features(text: string): Features {
  const ws = splitWords(text);
  const f: Features = {};
  for (const w of ws) {
    for (const [kind, list] of Object.entries(KIND_WORDS)) if (list.includes(w)) f.kind ??= kind as Procedure['kind'];
    if (/^\d{1,2}$/.test(w) && Number(w) >= 1 && Number(w) <= 11) f.grade ??= Number(w);
    for (const [level, stems] of Object.entries(LEVEL_STEMS)) if (stems.some((s) => w.startsWith(s))) f.level ??= level as Procedure['level'];
  }
  for (const [subject, stems] of Object.entries(SUBJECT_STEMS) as [Subject, string[]][]) {
    if (ws.some((w) => stems.some((s) => (s.length <= 2 ? w === s : w.startsWith(s))))) {
      f.subject ??= subject;
    }
  }
  if (f.kind === undefined && f.subject && /грамотн/.test(ws.join(' '))) f.kind = 'КДР';
  return f;
}

const BY_KEY = new Map<string, Procedure>();
for (const p of PROCEDURES) for (const alias of [p.name, ...p.aliases]) BY_KEY.set(procedureKey(alias), p);

/**
 * Finds the catalogue procedure a coordinator's wording means, or null when it is not in the
 * catalogue or is ambiguous («ЕГЭ математика» without the level). Never guesses between two.
 */
export function matchProcedure(text: string): Procedure | null {
  if (!matched.has(text)) matched.set(text, findProcedure(text));
  return matched.get(text) ?? null;
}

/** Results sheets repeat a handful of procedure names thousands of times. */
const matched = new Map<string, Procedure | null>();

function findProcedure(text: string): Procedure | null {
  const key = procedureKey(text);
  if (key === '') return null;
  const exact = BY_KEY.get(key);
  if (exact) return exact;
  const f = features(text);
  if (!f.subject) return null;
  const candidates = PROCEDURES.filter(
    (p) =>
      (f.kind === undefined ? p.kind === 'ВПР' && f.grade !== undefined : p.kind === f.kind) &&
      p.subject === f.subject &&
      (p.grade === undefined ? f.grade === undefined || (p.kind === 'ОГЭ' && f.grade === 9) || (p.kind === 'ЕГЭ' && f.grade === 11) : p.grade === f.grade) &&
      (p.level === undefined || p.level === f.level),
  );
  return candidates.length === 1 ? candidates[0] : null;
}

const INDEX = new Map(PROCEDURES.map((p, i) => [p, i]));

/** Position of a catalogue procedure (an integer key; the catalogue has fewer than 64). */
export function procedureIndex(p: Procedure): number {
  return INDEX.get(p) as number;
}

/** A bit per procedure (bit i = procedure i of the catalogue): sets of procedures as one integer. */
export function procedureMask(names: readonly string[]): number {
  let mask = 0;
  for (const name of names) {
    const p = procedureByName(name);
    if (p) mask |= 1 << procedureIndex(p);
  }
  return mask;
}

export function procedureByName(name: string): Procedure | undefined {
  return PROCEDURES.find((p) => p.name === name);
}
