// The procedure, school-year and scale fields of «Импорт результатов»: shown when a check finds the
// paste does not say them (the scale: for a student-level ВПР protocol), sent with the next check.
import type { ImportPreview } from '../src/addon/importPanel';
import { Child, byId, fill, h } from './dom';
import { setFieldError } from './fieldError';
import { hintRequired } from './importView';
import type { ImportHints } from './server';
import { onLockChange } from './state';
import { TEXT } from './text';

/** The last successful check: the sheet and hints sent, what came back, the fields as they were shown. */
export interface Checked {
  sheet: string;
  hints: ImportHints;
  preview: ImportPreview;
  fields: HintFields;
}

type HintFields = { procedure: string; year: string; scale: string };

const box = byId('import-hints');
const ask = byId('import-ask');
const procedureField = byId('import-procedure-field');
const procedure = byId<HTMLSelectElement>('import-procedure');
const yearField = byId('import-year-field');
const year = byId<HTMLInputElement>('import-year');
const scaleField = byId('import-scale-field');
const scale = byId<HTMLInputElement>('import-scale');
const note = byId('import-hints-note');

/** In the order a missing one is reported. */
const FIELDS = [
  { key: 'procedure', field: procedureField, control: procedure, required: TEXT.import.procedureRequired },
  { key: 'year', field: yearField, control: year, required: TEXT.import.yearRequired },
  { key: 'scale', field: scaleField, control: scale, required: TEXT.import.scaleRequired },
] as const;

/** What the fields hold, '' for a hidden one. */
export function hintFields(): HintFields {
  return { procedure: procedureField.hidden ? '' : procedure.value, year: yearField.hidden ? '' : year.value.trim(), scale: scaleField.hidden ? '' : scale.value.trim() };
}

/** The procedure or the year was changed after the check: «Добавить» waits for another check. */
export function hintsChanged(c: Checked | null): boolean {
  if (!c || box.hidden) return false;
  const now = hintFields();
  return now.procedure !== c.fields.procedure || now.year !== c.fields.year || now.scale !== c.fields.scale;
}

/** Shows the fields the check calls for, filled with what will be used; `procedures` to choose from. */
export function renderHints(p: ImportPreview, procedures: string[]): void {
  const askProcedure = p.layout !== null && !p.perRow.procedure;
  const askYear = p.layout !== null && !p.perRow.year;
  const askScale = p.scale !== null;
  box.hidden = !askProcedure && !askYear && !askScale;
  procedureField.hidden = !askProcedure;
  yearField.hidden = !askYear;
  scaleField.hidden = !askScale;
  const options: Child[] = [h('option', { attrs: { value: '' } }, TEXT.import.chooseProcedure), ...procedures.map((name) => h('option', { attrs: { value: name } }, name))];
  if (p.procedure && !procedures.includes(p.procedure)) options.push(h('option', { attrs: { value: p.procedure } }, p.procedure));
  fill(procedure, ...options);
  procedure.value = p.procedure ?? '';
  year.value = p.year ?? '';
  // What the import used (typed or from «Настройки»), or what was typed when it could not be used.
  const used = p.scale?.value;
  if (used) scale.value = `${used.three}; ${used.four}; ${used.five}`;
  else if (!p.scale?.problem) scale.value = '';
  for (const f of FIELDS) {
    f.control.setAttribute('aria-required', String(hintRequired(p, f.key)));
    setFieldError(f.control, null);
  }
  if (p.scale?.problem) setFieldError(scale, p.scale.problem);

  const needs = p.needs.filter((n) => (n === 'procedure' ? askProcedure : n === 'year' ? askYear : askScale));
  ask.hidden = needs.length === 0;
  ask.textContent = TEXT.import.ask[needs.join('+')] ?? needs.map((n) => TEXT.import.ask[n]).join(' ');
  const read: string[] = [];
  if (askProcedure && p.proposed.procedure) read.push(`«${p.proposed.procedureText || p.proposed.procedure}»`);
  if (askYear && p.proposed.year) read.push(p.proposed.year);
  if (askScale && used && p.scale?.source === 'settings') read.push(TEXT.import.scaleFromSettings(`${used.three}; ${used.four}; ${used.five}`));
  note.textContent = needs.length ? TEXT.import.yearFormat : read.length ? TEXT.import.readInPaste(read) : TEXT.import.chosenByUser;
}

/** Hides the fields: nothing checked applies any more. */
export function resetHints(): void {
  box.hidden = true;
  for (const f of FIELDS) setFieldError(f.control, null);
}

/** The hints to send with a check of `sheet`, or null (with the field marked) when a required one is empty. */
export function readHints(c: Checked | null, sheet: string): ImportHints | null {
  if (!c || c.sheet !== sheet || box.hidden) return {};
  const hints: ImportHints = {};
  const values = hintFields();
  for (const f of FIELDS) {
    if (f.field.hidden) continue;
    if (values[f.key]) hints[f.key] = values[f.key];
    else if (hintRequired(c.preview, f.key)) {
      setFieldError(f.control, f.required);
      f.control.focus();
      return null;
    }
  }
  return hints;
}

/** `edited` runs when the user changes a field: «Добавить» then waits for another check. */
export function setupHints(edited: () => void): void {
  for (const control of [procedure, year, scale]) {
    const changed = () => {
      setFieldError(control, null);
      edited();
    };
    control.addEventListener('input', changed);
    control.addEventListener('change', changed);
  }
  onLockChange((busy) => {
    for (const f of FIELDS) f.control.disabled = busy !== null;
  });
}
