import { FORM_CODE_WORD } from '../strings';
import type { School } from './registry';

/**
 * How the questionnaire form names a school in its dropdown: «МБОУ СОШ № 1 (код 001)». The code
 * travels with every answer, so an answer still finds its school after the registry renames it.
 */
export function schoolChoice(school: Pick<School, 'code' | 'name'>): string {
  const code = school.code.trim();
  return code ? `${school.name.trim()} (${FORM_CODE_WORD} ${code})` : school.name.trim();
}

const CHOICE = new RegExp(`^(.*\\S)\\s*\\(\\s*${FORM_CODE_WORD}\\s+([^()]*[^()\\s])\\s*\\)$`, 'i');

/**
 * The code and name of a row that names its school the way the form's dropdown writes it, in a
 * name column and without a code of its own. Any other row is returned as it is.
 */
export function schoolFromChoice(code: string, name: string): { code: string; name: string } {
  if (code !== '') return { code, name };
  const m = CHOICE.exec(name);
  return m ? { code: m[2], name: m[1] } : { code, name };
}
