import { School, SchoolRegistry, normalizeCode, normalizeSchoolName } from '../schools/registry';
import { IMPORT_TEXT, PROTOCOL_TEXT } from '../strings';
import { words } from '../text';

/** Why a row's school is not taken: an error of the row, or a row of a school the municipality does not have. */
export interface SchoolMiss {
  reason: string;
  /** 'other-municipality': the row names another municipality; 'not-in-registry': a login «Справочник ОО» lacks, in a paste of several municipalities. */
  kind?: 'other-municipality' | 'not-in-registry';
}

export type SchoolLookup = (code: string, name: string, municipality?: string) => School | SchoolMiss;

export const isMiss = (v: School | SchoolMiss): v is SchoolMiss => 'reason' in v;

/** Matches a school once per distinct code and name; never guesses (DESIGN §3.1). */
export function resolver(registry: SchoolRegistry): SchoolLookup {
  const cache = new Map<string, School | SchoolMiss>();
  return (code, name) => {
    const key = `${normalizeCode(code)}|${normalizeSchoolName(name)}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = matchSchool(registry, code, name);
      cache.set(key, hit);
    }
    return hit;
  };
}

function matchSchool(registry: SchoolRegistry, code: string, name: string): School | SchoolMiss {
  // Without «Справочник ОО» a school is known by what the rows say (as «Рассчитать» does); a row with
  // a code is that school, never another one that happens to share its name (a region has many «СОШ № 1»).
  if (!registry.fromSheet && code) {
    const byCode = registry.match(code, '');
    return byCode.kind === 'matched' ? byCode.school : registry.add({ code, name: name || code });
  }
  const m = registry.match(code, name);
  if (m.kind === 'matched') return m.school;
  if (!registry.fromSheet && m.kind === 'unmatched') return registry.add({ code, name: name || code });
  const list = m.candidates.map((c) => `«${c.name}»${c.code ? ` (${c.code})` : ''}`).join(', ');
  const shown = name ? `${name}${code ? ` (${code})` : ''}` : code;
  return { reason: m.kind === 'ambiguous' ? IMPORT_TEXT.ambiguousSchool(shown, list) : IMPORT_TEXT.unknownSchool(shown, list) };
}

const LOGIN = /^(edu|sch)(\d+)$/i;

const sameMunicipality = (a: string, b: string): boolean => words(a).join(' ') === words(b).join(' ');

/**
 * Schools of a protocol, which is often a whole region's. The ФИС ОКО login decides: «edu223017» and
 * «sch223017» are one school (ФИС ОКО renamed the prefix, the number stayed). A name is trusted only
 * where the row's municipality is this one: «МБОУ СОШ № 2» exists in every district. A login the
 * registry lacks is another municipality's row when the row says so, otherwise it is listed once
 * with the others («not-in-registry»), not as hundreds of errors.
 * `renamedPrefix` is told each prefix mapping used, once.
 */
export function protocolResolver(registry: SchoolRegistry, municipality: string | null, renamedPrefix: (from: string, to: string) => void): SchoolLookup {
  const cache = new Map<string, School | SchoolMiss>();
  const byName = resolver(registry);
  return (code, name, rowMunicipality = '') => {
    const key = `${normalizeCode(code)}|${normalizeSchoolName(name)}|${rowMunicipality}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const found = find(code, name, rowMunicipality);
    cache.set(key, found);
    return found;
  };

  function find(code: string, name: string, rowMunicipality: string): School | SchoolMiss {
    if (!registry.fromSheet) return byName(code, name);
    if (code) {
      const m = registry.match(code, '');
      if (m.kind === 'matched') return m.school;
      const login = code.match(LOGIN);
      if (login) {
        const other = `${login[1].toLowerCase() === 'edu' ? 'sch' : 'edu'}${login[2]}`;
        const alt = registry.match(other, '');
        if (alt.kind === 'matched') {
          renamedPrefix(login[1].toLowerCase(), other.slice(0, 3));
          return alt.school;
        }
      }
    }
    const ours = municipality !== null && rowMunicipality !== '' && sameMunicipality(municipality, rowMunicipality);
    if (municipality !== null && rowMunicipality !== '' && !ours) return { reason: PROTOCOL_TEXT.otherMunicipality(rowMunicipality), kind: 'other-municipality' };
    if (!code || ours) return byName(code, name);
    return { reason: IMPORT_TEXT.unknownSchool(code, ''), kind: 'not-in-registry' };
  }
}
