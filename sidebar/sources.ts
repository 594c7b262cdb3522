// «Исходные данные»: the sheets the calculation reads, with their rows and remarks.
import type { PanelSource, PanelState } from '../src/addon/panel';
import { byId, fill, h } from './dom';
import { count } from './format';
import { sheetLink } from './sheetLinks';
import { TEXT } from './text';

/** What a missing source means: a required one is marked red; one not listed is left out until it exists. */
const WHEN_MISSING: Record<PanelSource['role'], { required: boolean; listed: boolean }> = {
  questionnaire: { required: true, listed: true },
  results: { required: true, listed: true },
  registry: { required: false, listed: true },
  settings: { required: false, listed: true },
  // The monitoring sheet is optional and comes later in the year.
  monitoring: { required: false, listed: false },
  // «Дорожная карта» appears once «Подготовить дорожную карту» has made it.
  roadmap: { required: false, listed: false },
};

const list = byId('sources');

function sourceItem(s: PanelSource): HTMLElement {
  // Label and badge on the first line, rows and sheet link across the whole width below.
  const label = h('div', { class: 'source-label' }, s.label);
  if (!s.sheet) {
    return h(
      'li',
      { attrs: { 'data-role': s.role } },
      label,
      h('span', { class: `badge ${WHEN_MISSING[s.role].required ? 'badge-error' : 'badge-none'}` }, TEXT.sources.notFound),
      h('div', { class: 'source-meta source-missing' }, TEXT.sources.missing[s.role]),
    );
  }
  const badge =
    s.problems > 0
      ? h('span', { class: 'badge badge-warn', attrs: { title: TEXT.sources.remarksWhere } }, TEXT.sources.remarks(s.problems))
      : h('span', { class: 'badge badge-ok' }, TEXT.sources.noRemarks);
  return h(
    'li',
    { attrs: { 'data-role': s.role } },
    label,
    badge,
    h(
      'div',
      { class: 'source-meta' },
      h('span', { class: 'source-rows' }, count(s.rows, TEXT.sources.rows[s.role])),
      h('span', { class: 'sep', attrs: { 'aria-hidden': 'true' } }, '·'),
      sheetLink(s.sheet),
    ),
  );
}

export function renderSources(state: PanelState): void {
  const shown = state.sources.filter((s) => s.sheet !== null || WHEN_MISSING[s.role].listed);
  fill(list, ...shown.map(sourceItem));
}

/** The workbook could not be read before anything was shown. */
export function renderSourcesUnreadable(): void {
  fill(list, h('li', { class: 'placeholder' }, TEXT.sources.unreadableItem));
}
