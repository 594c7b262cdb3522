// «Импорт результатов»: what a check or an import found, as DOM built from text only. Sheet names,
// school names and the paste's own words come from users: they never become markup (dom.ts).
import type { ImportOutcome, ImportPreview } from '../src/addon/importPanel';
import { Child, h } from './dom';
import { andMore, firstFew, formatInteger, plural } from './format';
import { sheetLink } from './sheetLinks';
import { TEXT } from './text';
import { fact, problemItem, tile } from './widgets';

/** How many conflicts, skipped rows and remarks are listed before «и ещё N». */
const LISTED = 3;

type Need = ImportPreview['needs'][number];

/** The paste does not say it and nobody chose it: the field must be filled before a check. */
export function hintRequired(p: ImportPreview, what: Need): boolean {
  if (p.layout === null) return false;
  // The scale may be in «Настройки»: it is required only once the check said it is not.
  if (what === 'scale') return p.needs.includes('scale');
  if (p.perRow[what]) return false;
  return p.needs.includes(what) || p.proposed[what] === null;
}

/** Why «Добавить» is not available for this check, or null when it is. */
export function applyBlocker(p: ImportPreview, resultsSheet: string): string | null {
  if (p.layout === null) return TEXT.import.notRecognised;
  if (p.needs.length > 0) return p.needs.every((n) => n === 'scale') ? p.scale?.problem ?? TEXT.import.needScale : TEXT.import.needHints;
  if (p.blocked) return p.blocked;
  if (p.toAppend === 0) {
    if (p.alreadyThere > 0 && p.conflicts.length === 0) return TEXT.import.allThere(resultsSheet);
    return TEXT.import.noNewRows;
  }
  return p.canApply ? null : TEXT.import.nothing;
}

function kv(label: string, value: Child, attention = false): HTMLElement {
  return h('li', { class: attention ? 'attention' : '' }, h('span', { class: 'kv-label' }, label), h('span', { class: 'kv-value' }, value));
}

function procedureText(p: ImportPreview): { text: string; attention: boolean } {
  if (p.procedure) return { text: p.procedure, attention: false };
  if (p.perRow.procedure && p.procedures.length) return { text: TEXT.import.perRow(p.procedures.join('; ')), attention: false };
  return { text: TEXT.import.noProcedure, attention: true };
}

function yearText(p: ImportPreview): { text: string; attention: boolean } {
  if (p.year) return { text: p.year, attention: false };
  if (p.perRow.year && p.years.length) return { text: TEXT.import.perRow(p.years.join(', ')), attention: false };
  return { text: TEXT.import.noYear, attention: true };
}

function scaleText(p: ImportPreview): string {
  const v = p.scale?.value;
  if (!v || !p.scale?.source) return TEXT.import.noScale;
  return `${TEXT.import.scaleShown(v.three, v.four, v.five)} (${TEXT.import.scaleSource[p.scale.source]})`;
}

/** What a student-level protocol holds: participants, absent, without a journal mark; rows with the comparison. */
function protocolFacts(p: ImportPreview): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (p.students) {
    out.push(fact(TEXT.import.participants, formatInteger(p.students.participants)), fact(TEXT.import.absent, formatInteger(p.students.absent)), fact(TEXT.import.noJournalMark, formatInteger(p.students.noJournalMark)));
  }
  if (p.objectivityRows > 0) out.push(fact(TEXT.import.objectivityRows, formatInteger(p.objectivityRows)));
  return out;
}

function listBlock(title: string, id: string, items: HTMLElement[], more: number): HTMLElement[] {
  if (items.length === 0) return [];
  const list = h('ul', { class: 'problems', attrs: { id, 'aria-label': title } }, ...items);
  if (more > 0) list.appendChild(h('li', { class: 'more' }, andMore(more)));
  return [h('p', { class: 'subhead' }, title), list];
}

/** The recognition card, the counts and the first conflicts, skipped rows and remarks. */
export function importPreviewView(p: ImportPreview, applied: boolean): Child[] {
  const procedure = procedureText(p);
  const year = yearText(p);
  const card = h(
    'ul',
    { class: 'kv recognized', attrs: { id: 'import-recognized', 'aria-label': TEXT.import.recognised } },
    kv(TEXT.import.sheet, p.sheet),
    kv(TEXT.import.layout, p.layoutLabel, p.layout === null),
    p.layout !== null ? kv(TEXT.import.procedure, procedure.text, procedure.attention) : null,
    p.layout !== null ? kv(TEXT.import.year, year.text, year.attention) : null,
    p.scale ? kv(TEXT.import.scale, scaleText(p), !p.scale.value) : null,
  );
  const out: Child[] = [card];
  // Until the procedure and year are known nothing can be counted against «Результаты ОП».
  if (p.layout !== null && p.needs.length === 0) {
    out.push(
      h(
        'div',
        { class: 'tiles', attrs: { id: 'import-counts' } },
        tile(applied ? (p as ImportOutcome).appended : p.toAppend, applied ? TEXT.import.appended : TEXT.import.toAppend, true),
        tile(p.alreadyThere, TEXT.import.alreadyThere),
        tile(p.schools, plural(p.schools, TEXT.import.schools)),
      ),
      h(
        'ul',
        { class: 'facts' },
        fact(TEXT.import.conflictCount, formatInteger(p.conflicts.length), p.conflicts.length > 0),
        fact(TEXT.import.skippedCount, formatInteger(p.skippedCount)),
        ...protocolFacts(p),
      ),
    );
    if (p.addedColumns.length > 0) out.push(h('p', { class: 'callout callout-info', attrs: { id: 'import-added-columns' } }, TEXT.import.addedColumns(p.resultsSheet, p.addedColumns)));
  }
  if (p.blocked) out.push(h('p', { class: 'callout callout-error' }, p.blocked));

  const conflicts = firstFew(p.conflicts, LISTED);
  out.push(
    ...listBlock(
      TEXT.import.conflicts,
      'import-conflicts',
      conflicts.shown.map((c) =>
        h(
          'li',
          { class: 'level-error' },
          h('div', { class: 'problem-where' }, TEXT.import.conflictWhere(c.row, c.procedure, c.year)),
          h('div', { class: 'problem-school' }, c.school),
          h('div', { class: 'problem-message' }, TEXT.import.existing(c.existing)),
          h('div', { class: 'problem-message' }, TEXT.import.imported(c.imported)),
        ),
      ),
      conflicts.more,
    ),
  );

  const skipped = firstFew(p.skipped, LISTED, p.skippedCount);
  out.push(
    ...listBlock(
      TEXT.import.skipped,
      'import-skipped',
      skipped.shown.map((s) => h('li', { class: 'level-skip' }, h('div', { class: 'problem-where' }, TEXT.import.row(s.row)), h('div', { class: 'problem-message' }, s.reason))),
      skipped.more,
    ),
  );

  // Conflicts and skipped rows are in the journal too: list here only what they do not show.
  const shownRows = new Set<number>([...p.conflicts.map((c) => c.row), ...p.skipped.map((s) => s.row)]);
  const remarks = p.problems.filter((x) => x.row === null || !shownRows.has(x.row));
  const first = firstFew(remarks, LISTED);
  out.push(
    ...listBlock(
      TEXT.import.remarks,
      'import-problems',
      first.shown.map((x) => problemItem(x, x.row === null ? null : TEXT.import.row(x.row))),
      first.more,
    ),
  );
  return out;
}

/** What «Добавить» did, with links to the results sheet and «Журнал импорта». */
export function importOutcomeView(o: ImportOutcome): Child[] {
  const added = o.appended > 0;
  return [
    h(
      'div',
      { class: `callout ${added ? 'callout-ok' : 'callout-info'}`, attrs: { id: 'import-result' } },
      h('p', { class: 'callout-title' }, added ? TEXT.import.added(o.appended, o.resultsSheet) : TEXT.import.nothingAdded),
      added ? h('p', null, TEXT.import.calculateNext) : null,
      h('div', { class: 'sheet-links' }, sheetLink(o.resultsSheet, o.resultsSheet, 'chip chip-main'), sheetLink(o.journalSheet, o.journalSheet, 'chip')),
    ),
  ];
}
