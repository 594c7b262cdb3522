import { ColumnSpec, SCHOOL_CODE_SPEC, SCHOOL_NAME_SPEC, findHeader } from '../headers';
import { Journal } from '../journal';
import { SHEETS } from '../strings';
import { Table, cellText, isBlankRow } from '../table';
import { NameOrder, fold, quote } from '../text';

export interface School {
  /** Stable identifier: the code when known, otherwise «name:» + normalised name. */
  id: string;
  /** Position in the registry (0, 1, …): an integer key for per-school arrays. */
  index: number;
  code: string;
  name: string;
  municipality?: string;
  locality?: string;
}

/** Each rule: a word the text must contain for the rule to apply (checked first: it is cheap), the pattern, the replacement. */
const ORG_FORMS: [string, RegExp, string][] = [
  ['муниципальн', /муниципальн\S* (бюджетн\S* |автономн\S* |казенн\S* )?общеобразовательн\S* (учреждени\S*|организаци\S*)/g, ' '],
  ['государственн', /государственн\S* (бюджетн\S* |автономн\S* |казенн\S* )?общеобразовательн\S* (учреждени\S*|организаци\S*)/g, ' '],
  ['о', /(^| )(м|г|ч)?(б|а|к)?о(у|о)( |$)/g, ' '],
  ['средн', /средн\S* общеобразовательн\S* школ\S*/g, ' сош '],
  ['основн', /основн\S* общеобразовательн\S* школ\S*/g, ' оош '],
  ['начальн', /начальн\S* общеобразовательн\S* школ\S*/g, ' нош '],
  ['средн', /средн\S* школ\S*/g, ' сш '],
];

/**
 * Normalised school name (DESIGN §3.1): case, ё, quotes, «№ 1» vs «№1», МБОУ/МАОУ/МКОУ prefixes,
 * «СОШ» vs «средняя общеобразовательная школа».
 */
export function normalizeSchoolName(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    // Names repeat on every results row: remember them (bounded, so a huge paste cannot grow it forever).
    if (nameKeys.size > 250000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

const nameKeys = new Map<string, string>();

function computeNameKey(name: string): string {
  let s = ` ${fold(name)} `
    .replace(/[«»"“”„'‘’`]/g, ' ')
    .replace(/№\s*/g, '№')
    .replace(/\bn\s*(?=\d)/g, '№')
    .replace(/[.,;:()\-–—]/g, ' ')
    .replace(/\s+/g, ' ');
  for (const [word, re, to] of ORG_FORMS) {
    if (!s.includes(word)) continue;
    const replaced = s.replace(re, to);
    if (replaced !== s) s = replaced.replace(/\s+/g, ' ');
  }
  return s.trim().replace(/(^| )№?(\d+)( |$)/g, '$1№$2$3').trim();
}

export function normalizeCode(code: string): string {
  let key = codeKeys.get(code);
  if (key === undefined) {
    const c = fold(code).replace(/\s+/g, '');
    // A numeric code typed into a number cell loses its leading zeros: «007» and 7 are one school.
    key = /^\d+$/.test(c) ? c.replace(/^0+(?=\d)/, '') : c;
    if (codeKeys.size > 250000) codeKeys.clear();
    codeKeys.set(code, key);
  }
  return key;
}

/** Codes repeat on every results row (each about 27 times): normalised once per distinct text. */
const codeKeys = new Map<string, string>();

export type MatchResult =
  | { kind: 'matched'; school: School; note?: string }
  | { kind: 'unmatched'; candidates: School[] }
  | { kind: 'ambiguous'; candidates: School[] };

/**
 * The schools of the municipality. Built from «Справочник ОО» when present; otherwise it learns
 * schools from the data itself (code + name as the rows give them).
 */
export class SchoolRegistry {
  private readonly byCode = new Map<string, School>();
  private readonly byName = new Map<string, School[]>();
  private readonly schools: School[] = [];
  /** Normalised names and aliases of each school, by index. */
  private readonly keys: string[][] = [];
  private order: NameOrder | null = null;
  private nameRanks: Int32Array | null = null;

  constructor(readonly fromSheet: boolean) {}

  /** Every school, in registry order (the same objects every time: never mutate them). */
  all(): School[] {
    return this.schools.slice();
  }

  get size(): number {
    return this.schools.length;
  }

  /** The schools' names in reading order, ranked on first use (a school added later ranks them again). */
  private nameOrder(): NameOrder {
    return (this.order ??= new NameOrder(this.schools.map((s) => s.name)));
  }

  /** Schools by name in reading order, as `compareNames` orders them, by rank: no collation per comparison. */
  schoolsByName(): (x: School, y: School) => number {
    const order = this.nameOrder();
    const ranks = (this.nameRanks ??= Int32Array.from(this.schools, (s) => order.rankOf(s.name) as number));
    const schools = this.schools;
    return (x, y) => (schools[x.index] === x && schools[y.index] === y ? ranks[x.index] - ranks[y.index] : order.compare(x.name, y.name));
  }

  add(school: Omit<School, 'id' | 'index'>, aliases: string[] = []): School {
    const code = school.code.trim();
    const codeKey = code ? normalizeCode(code) : '';
    const id = code ? `code:${codeKey}` : `name:${normalizeSchoolName(school.name)}`;
    const keys: string[] = [];
    const first = normalizeSchoolName(school.name);
    if (first) keys.push(first);
    for (let i = 0; i < aliases.length; i++) {
      const k = normalizeSchoolName(aliases[i]);
      if (k && !keys.includes(k)) keys.push(k);
    }
    // One object shape for every school (a spread would give each its own).
    const entry: School = { id, index: this.schools.length, code, name: school.name, municipality: school.municipality, locality: school.locality };
    this.schools.push(entry);
    this.keys.push(keys);
    this.order = null;
    this.nameRanks = null;
    if (code) this.byCode.set(codeKey, entry);
    for (const k of keys) {
      const list = this.byName.get(k);
      if (list) list.push(entry);
      else this.byName.set(k, [entry]);
    }
    return entry;
  }

  /**
   * Matches a row's code and/or name. Code wins when known; a name is matched only when exactly one
   * school has that normalised name. Nothing is guessed: otherwise the candidates are returned.
   */
  match(code: string, name: string): MatchResult {
    const c = normalizeCode(code);
    if (c) {
      const hit = this.byCode.get(c);
      if (hit) {
        const nameKey = normalizeSchoolName(name);
        const other = nameKey ? this.byName.get(nameKey) : undefined;
        const note =
          other && !other.includes(hit) ? `наименование «${quote(name)}» относится к другой школе (${other.map((o) => o.name).join('; ')}), сопоставлено по коду` : undefined;
        return { kind: 'matched', school: hit, note };
      }
    }
    const key = normalizeSchoolName(name);
    const byName = key ? this.byName.get(key) : undefined;
    if (byName && byName.length === 1) {
      return { kind: 'matched', school: byName[0], note: c ? `код «${quote(code)}» не найден в справочнике, сопоставлено по наименованию` : undefined };
    }
    if (byName && byName.length > 1) return { kind: 'ambiguous', candidates: byName.slice() };
    // Without a registry sheet an unmatched name becomes a new school, so no suggestions are needed
    // (and scoring every known school for every new one would be quadratic).
    return { kind: 'unmatched', candidates: this.fromSheet ? this.candidates(key) : [] };
  }

  /** Schools that share the number or most words with an unmatched name, best first (at most 3). */
  private candidates(key: string): School[] {
    if (!key) return [];
    const ws = new Set(key.split(' '));
    const num = key.match(/№\d+/)?.[0];
    const scored: { school: School; best: number }[] = [];
    this.schools.forEach((school, i) => {
      let best = -Infinity;
      for (const k of this.keys[i]) {
        const kw = k.split(' ');
        const common = kw.filter((w) => ws.has(w)).length;
        best = Math.max(best, common / Math.max(kw.length, ws.size) + (num && kw.includes(num) ? 1 : 0));
      }
      if (best >= 0.5) scored.push({ school, best });
    });
    return scored
      .sort((a, b) => b.best - a.best)
      .slice(0, 3)
      .map((x) => x.school);
  }
}

type RegistryKey = 'code' | 'name' | 'aliases' | 'municipality' | 'locality';
const REGISTRY_COLUMNS: ColumnSpec<RegistryKey>[] = [
  { key: 'code', ...SCHOOL_CODE_SPEC, required: true },
  { key: 'aliases', label: 'Другие написания', any: [['другие написания'], ['другие'], ['синоним'], ['варианты']] },
  { key: 'municipality', label: 'Муниципалитет', any: [['муниципалитет'], ['муниципальн'], ['мо']] },
  { key: 'locality', label: 'Местность', any: [['местность'], ['тип местности'], ['город село']] },
  { key: 'name', ...SCHOOL_NAME_SPEC, required: true },
];

/** Reads «Справочник ОО». Duplicate codes and blank rows are reported and skipped. */
export function readRegistry(table: Table, journal: Journal, sheet: string = SHEETS.registry): SchoolRegistry {
  const registry = new SchoolRegistry(true);
  const header = findHeader(table, REGISTRY_COLUMNS);
  for (const m of header.missing) journal.error(sheet, `Не найден столбец «${m.label}».`, { action: 'справочник прочитан без этого столбца' });
  const col = header.columns;
  const seen = new Set<string>();
  const seenNames = new Map<string, number>();
  for (let i = header.headerRow + 1; i < table.length; i++) {
    const row = table[i];
    if (isBlankRow(row)) continue;
    const code = col.code !== undefined ? cellText(row[col.code]) : '';
    const name = col.name !== undefined ? cellText(row[col.name]) : '';
    if (!code && !name) {
      journal.warning(sheet, 'В строке нет ни кода, ни наименования школы.', { row: i + 1, action: 'строка пропущена' });
      continue;
    }
    if (!code) {
      // Without a code a school is known by its name: two rows of one name would be one school twice.
      const key = normalizeSchoolName(name);
      const first = seenNames.get(key);
      if (key === '' || first !== undefined) {
        journal.error(sheet, key === '' ? `Наименование «${quote(name)}» не похоже на название школы, а кода нет.` : `Школа «${quote(name)}» без кода повторяет строку ${first}.`, { row: i + 1, school: quote(name), action: 'строка пропущена: укажите код ОО' });
        continue;
      }
      seenNames.set(key, i + 1);
    }
    if (!name) {
      journal.warning(sheet, `У школы с кодом «${quote(code)}» нет наименования.`, { row: i + 1, action: 'школа будет показана по коду' });
    }
    if (code && seen.has(normalizeCode(code))) {
      journal.error(sheet, `Код «${quote(code)}» повторяется в справочнике.`, { row: i + 1, school: name, action: 'строка пропущена' });
      continue;
    }
    if (code) seen.add(normalizeCode(code));
    const aliases = col.aliases !== undefined ? cellText(row[col.aliases]).split(/[;\n]/).map((a) => a.trim()).filter(Boolean) : [];
    registry.add(
      {
        code,
        name: name || code,
        municipality: col.municipality !== undefined ? cellText(row[col.municipality]) || undefined : undefined,
        locality: col.locality !== undefined ? cellText(row[col.locality]) || undefined : undefined,
      },
      aliases,
    );
  }
  if (registry.size === 0) journal.warning(sheet, 'Справочник ОО пуст.', { action: 'школы сопоставляются по данным анкеты и результатов' });
  return registry;
}

/**
 * Reports a row whose school could not be matched. Returns the school or null.
 */
export function resolveSchool(registry: SchoolRegistry, code: string, name: string, journal: Journal, sheet: string, row: number): School | null {
  const shown = quote(name || code);
  if (!code && !name) {
    journal.error(sheet, 'Не указана школа (нет ни кода, ни наименования).', { row, action: 'строка пропущена' });
    return null;
  }
  if (!code && normalizeSchoolName(name) === '') {
    journal.error(sheet, `Наименование «${shown}» не похоже на название школы, а кода нет.`, { row, action: 'строка пропущена' });
    return null;
  }
  const m = registry.match(code, name);
  if (m.kind === 'matched') {
    if (m.note) journal.warning(sheet, `Школа «${shown}»: ${m.note}.`, { row, school: m.school.name, action: `принята как «${m.school.name}»` });
    return m.school;
  }
  if (!registry.fromSheet && m.kind === 'unmatched') {
    // No registry: a school first seen here becomes known.
    return registry.add({ code, name: name || code });
  }
  const list = m.candidates.map((c) => `«${c.name}»${c.code ? ` (${c.code})` : ''}`).join(', ');
  if (m.kind === 'ambiguous') {
    journal.error(sheet, `Наименование «${shown}» подходит к нескольким школам: ${list}.`, { row, school: shown, action: 'строка пропущена: укажите код ОО' });
  } else {
    journal.error(sheet, `Школа «${shown}»${code ? ` (код «${quote(code)}»)` : ''} не найдена в справочнике.${list ? ` Возможно, имелась в виду: ${list}.` : ''}`, {
      row,
      school: shown,
      action: 'строка пропущена: исправьте наименование или добавьте вариант написания в справочник',
    });
  }
  return null;
}
