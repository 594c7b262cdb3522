// «Результаты»: the counts of this panel's run (or the preview before one), the program indicators
// and links to the generated sheets.
import type { RunSummary } from '../src/addon/panel';
import { CATEGORY } from '../src/engine/strings';
import { Child, byId, fill, h } from './dom';
import { clock, formatInteger, formatNumber } from './format';
import { sheetLink } from './sheetLinks';
import { runNotesView } from './runNotes';
import { existingSheets, shownSummary, view } from './state';
import { TEXT } from './text';
import { fact, tile } from './widgets';
import { renderRoadmapStatus } from './roadmapStatus';
import { renderContextPairs } from './contextPairs';
import { renderHistory } from './history';

const results = byId('results');

export function renderResults(): void {
  renderRoadmapStatus();
  renderContextPairs();
  renderHistory();
  const s = shownSummary();
  if (!s) {
    fill(results, h('p', { class: 'empty' }, TEXT.results.none));
    return;
  }
  const ran = view.summary !== null;
  const note = ran ? TEXT.results.ranAt(clock(view.ranAt ?? new Date())) : TEXT.results.preliminary;
  const changed = ran && view.resultsChanged ? h('p', { class: 'note attention', attrs: { id: 'results-changed' } }, TEXT.results.changedSince) : null;
  const facts: HTMLElement[] = [
    fact(TEXT.results.year, s.year ?? TEXT.results.yearUnknown),
    fact(TEXT.results.schools, formatInteger(s.schools)),
    fact(TEXT.results.cutoff(s.cutoffLabel), s.cutoff === null ? '—' : formatNumber(s.cutoff, 2)),
  ];
  if (s.needsCheck > 0) facts.push(fact(TEXT.results.needsCheck, formatInteger(s.needsCheck), true));
  if (s.noData > 0) facts.push(fact(TEXT.results.noData, formatInteger(s.noData), true));
  if (s.noIndex > 0) facts.push(fact(TEXT.results.noIndex, formatInteger(s.noIndex), true));

  const sheets = existingSheets();
  // The list of schools first: it is what the run is for.
  const ordered = sheets.slice().sort((a, b) => Number(b === s.listSheet) - Number(a === s.listSheet));
  const links = ordered.length
    ? [
        h('p', { class: 'subhead' }, ran ? TEXT.results.generatedSheets : TEXT.results.earlierSheets),
        h('div', { class: 'sheet-links', attrs: { id: 'sheet-links' } }, ...ordered.map((n) => sheetLink(n, n, n === s.listSheet ? 'chip chip-main' : 'chip'))),
      ]
    : [];

  fill(
    results,
    h('p', { class: 'note' }, note),
    changed,
    h('div', { class: 'tiles', attrs: { id: 'counts' } }, tile(s.shnor, CATEGORY.shnor, true), tile(s.shnsu, CATEGORY.shnsu, true), tile(s.both, CATEGORY.both)),
    h('ul', { class: 'facts' }, ...facts),
    ...runNotesView(s, ran),
    ...indicatorsView(s, sheets.includes(s.indicatorsSheet)),
    ...links,
  );
}

const INDICATOR_KINDS = ['reached', 'notReached', 'noData'] as const;

/** Program indicators by status: a bar of their shares, the counts, the sheet with the details. */
function indicatorsView(s: RunSummary, sheetExists: boolean): Child[] {
  const i = s.indicators;
  if (!i) return [];
  const total = i.reached + i.notReached + i.noData;
  const bar = h('div', { class: 'meter', attrs: { 'aria-hidden': 'true' } });
  for (const kind of INDICATOR_KINDS) {
    if (i[kind] === 0) continue;
    const part = h('span', { class: `meter-part dot-${kind}` });
    part.style.width = `${(100 * i[kind]) / total}%`;
    bar.appendChild(part);
  }
  return [
    h('p', { class: 'subhead' }, TEXT.results.indicators),
    total > 0 ? bar : null,
    h(
      'ul',
      { class: 'facts indicator-facts', attrs: { id: 'indicators', 'aria-label': TEXT.results.indicators } },
      ...INDICATOR_KINDS.map((kind) =>
        h(
          'li',
          { attrs: { 'data-status': kind } },
          h('span', null, h('span', { class: `dot dot-${kind}`, attrs: { 'aria-hidden': 'true' } }), TEXT.results.indicatorKinds[kind]),
          h('span', null, formatInteger(i[kind])),
        ),
      ),
    ),
    sheetExists
      ? h('p', { class: 'link-row' }, sheetLink(s.indicatorsSheet, TEXT.sheetLink.open(s.indicatorsSheet)))
      : h('p', { class: 'hint' }, TEXT.results.indicatorsLater),
  ];
}
