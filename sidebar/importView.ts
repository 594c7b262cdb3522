// «Импорт результатов»: what a check or an import found, as DOM built from text only. Sheet names,
// school names and the paste's own words come from users: they never become markup (dom.ts).
import type { ImportOutcome, ImportPreview } from '../src/addon/importPanel';
import { Child, h } from './dom';
import { andMore, count, firstFew, formatInteger, plural } from './format';

/** How many conflicts, skipped rows and remarks are listed before «и ещё N». */
export const LISTED = 3;

export type SheetLink = (name: string, label: string, className: string) => HTMLElement;

type Need = ImportPreview['needs'][number];

/** The paste does not say it and nobody chose it: the field must be filled before a check. */
export function hintRequired(p: ImportPreview, what: Need): boolean {
  if (p.layout === null || p.perRow[what]) return false;
  return p.needs.includes(what) || p.proposed[what] === null;
}

/** Why «Добавить» is not available for this check, or null when it is. */
export function applyBlocker(p: ImportPreview, resultsSheet: string): string | null {
  if (p.layout === null) return 'Таблица не распознана: добавлять нечего.';
  if (p.needs.length > 0) return 'Укажите процедуру и учебный год выше и нажмите «Проверить».';
  if (p.blocked) return p.blocked;
  if (p.toAppend === 0) {
    if (p.alreadyThere > 0 && p.conflicts.length === 0) return `Новых строк нет: все результаты вставки уже есть в листе «${resultsSheet}».`;
    return 'Новых строк нет: добавлять нечего.';
  }
  return p.canApply ? null : 'Добавлять нечего.';
}

function kv(label: string, value: Child, attention = false): HTMLElement {
  return h('li', { class: attention ? 'attention' : '' }, h('span', { class: 'kv-label' }, label), h('span', { class: 'kv-value' }, value));
}

function tile(value: number, label: string, main = false): HTMLElement {
  return h('div', { class: main ? 'tile tile-main' : 'tile' }, h('span', { class: 'tile-value' }, formatInteger(value)), h('span', { class: 'tile-label' }, label));
}

function procedureText(p: ImportPreview): { text: string; attention: boolean } {
  if (p.procedure) return { text: p.procedure, attention: false };
  if (p.perRow.procedure && p.procedures.length) return { text: `по строкам: ${p.procedures.join('; ')}`, attention: false };
  return { text: 'не указана во вставке', attention: true };
}

function yearText(p: ImportPreview): { text: string; attention: boolean } {
  if (p.year) return { text: p.year, attention: false };
  if (p.perRow.year && p.years.length) return { text: `по строкам: ${p.years.join(', ')}`, attention: false };
  return { text: 'не указан во вставке', attention: true };
}

/** «строка 12» for a remark about one row of the paste. */
function rowLabel(row: number | null): string | null {
  return row === null ? null : `строка ${row}`;
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
    { class: 'kv recognized', attrs: { id: 'import-recognized', 'aria-label': 'Что распознано' } },
    kv('Лист', p.sheet),
    kv('Формат', p.layoutLabel, p.layout === null),
    p.layout !== null ? kv('Процедура', procedure.text, procedure.attention) : null,
    p.layout !== null ? kv('Учебный год', year.text, year.attention) : null,
  );
  const out: Child[] = [card];
  // Until the procedure and year are known nothing can be counted against «Результаты ОП».
  if (p.layout !== null && p.needs.length === 0) {
    out.push(
      h(
        'div',
        { class: 'tiles', attrs: { id: 'import-counts' } },
        tile(applied ? (p as ImportOutcome).appended : p.toAppend, applied ? 'добавлено' : 'к добавлению', true),
        tile(p.alreadyThere, 'уже есть'),
        tile(p.schools, plural(p.schools, ['школа', 'школы', 'школ'])),
      ),
      h(
        'ul',
        { class: 'facts' },
        h('li', { class: p.conflicts.length ? 'attention' : '' }, h('span', null, 'Конфликтов с листом'), h('span', null, formatInteger(p.conflicts.length))),
        h('li', null, h('span', null, 'Пропущено строк'), h('span', null, formatInteger(p.skippedCount))),
      ),
    );
  }
  if (p.blocked) out.push(h('p', { class: 'callout callout-error' }, p.blocked));

  const conflicts = firstFew(p.conflicts, LISTED);
  out.push(
    ...listBlock(
      'Конфликты: строки не добавляются',
      'import-conflicts',
      conflicts.shown.map((c) =>
        h(
          'li',
          { class: 'level-error' },
          h('div', { class: 'problem-where' }, `строка ${c.row} · ${c.procedure}, ${c.year}`),
          h('div', { class: 'problem-school' }, c.school),
          h('div', { class: 'problem-message' }, `Уже есть: ${c.existing}`),
          h('div', { class: 'problem-message' }, `Во вставке: ${c.imported}`),
        ),
      ),
      conflicts.more,
    ),
  );

  const skipped = firstFew(p.skipped, LISTED, p.skippedCount);
  out.push(
    ...listBlock(
      'Пропущенные строки',
      'import-skipped',
      skipped.shown.map((s) => h('li', { class: 'level-skip' }, h('div', { class: 'problem-where' }, `строка ${s.row}`), h('div', { class: 'problem-message' }, s.reason))),
      skipped.more,
    ),
  );

  // Conflicts and skipped rows are in the journal too: list here only what they do not show.
  const shownRows = new Set<number>([...p.conflicts.map((c) => c.row), ...p.skipped.map((s) => s.row)]);
  const remarks = p.problems.filter((x) => x.row === null || !shownRows.has(x.row));
  const first = firstFew(remarks, LISTED);
  out.push(
    ...listBlock(
      'Замечания',
      'import-problems',
      first.shown.map((x) => {
        const where = rowLabel(x.row);
        return h(
          'li',
          { class: `level-${x.level}` },
          h('div', { class: 'problem-where' }, h('span', { class: 'problem-level' }, x.levelLabel), where ? ` · ${where}` : null),
          x.school ? h('div', { class: 'problem-school' }, x.school) : null,
          h('div', { class: 'problem-message' }, x.message),
        );
      }),
      first.more,
    ),
  );
  return out;
}

/** What «Добавить» did, with links to the results sheet and «Журнал импорта». */
export function importOutcomeView(o: ImportOutcome, link: SheetLink): Child[] {
  const added = o.appended > 0;
  const head = added
    ? `Добавлено ${count(o.appended, ['строка', 'строки', 'строк'])} в конец листа «${o.resultsSheet}». Имеющиеся строки не изменены.`
    : `Ничего не добавлено: новых строк нет.`;
  return [
    h(
      'div',
      { class: `callout ${added ? 'callout-ok' : 'callout-info'}`, attrs: { id: 'import-result' } },
      h('p', { class: 'callout-title' }, head),
      added ? h('p', null, 'Нажмите «Рассчитать», чтобы обновить ШНОР и перечень.') : null,
      h('div', { class: 'sheet-links' }, link(o.resultsSheet, o.resultsSheet, 'chip chip-main'), link(o.journalSheet, o.journalSheet, 'chip')),
    ),
  ];
}
