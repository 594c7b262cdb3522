// The completeness of «Дорожная карта» as the last check found it (a run of «Рассчитать», or the
// preview), school by school; shown in the panel's section «Дорожная карта».
import type { RoadmapSummary } from '../src/addon/roadmapSummary';
import { byId, fill, h } from './dom';
import { formatInteger } from './format';
import { sheetLink } from './sheetLinks';
import { shownSummary } from './state';
import { TEXT } from './text';
import { fact } from './widgets';

const status = byId('roadmap-status');

/** Schools named in the panel; the rest are on the sheet and in the journal. */
const SHOWN_SCHOOLS = 8;

/** The completeness of the roadmap as the shown summary has it (nothing when there is no roadmap yet). */
export function renderRoadmapStatus(): void {
  const r: RoadmapSummary | null = shownSummary()?.roadmap ?? null;
  if (!r) {
    fill(status, h('p', { class: 'hint' }, TEXT.roadmap.none));
    return;
  }
  if (!r.recognized) {
    fill(status, h('p', { class: 'callout callout-warn' }, TEXT.roadmap.unrecognized(r.sheet)));
    return;
  }
  const facts = h(
    'ul',
    { class: 'facts', attrs: { id: 'roadmap-facts', 'aria-label': TEXT.roadmap.factsLabel } },
    fact(TEXT.roadmap.rows, `${formatInteger(r.rows)} (${[1, 2, 3].map((t) => `${t}: ${r.rowsByTrack[t as 1 | 2 | 3]}`).join(', ')})`),
    fact(TEXT.roadmap.without, formatInteger(r.withoutMeasures.length), r.withoutMeasures.length > 0),
    fact(TEXT.roadmap.incomplete, formatInteger(r.incompleteRows), r.incompleteRows > 0),
    fact(TEXT.roadmap.unreadable, formatInteger(r.unreadable), r.unreadable > 0),
    r.today ? fact(TEXT.roadmap.overdue(r.today), formatInteger(r.overdue), r.overdue > 0) : null,
  );
  const schools = r.withoutMeasures.slice(0, SHOWN_SCHOOLS).map((s) =>
    h('li', { attrs: { 'data-code': s.code } }, h('span', { class: 'problem-school' }, s.name), ' ', h('span', { class: 'hint' }, TEXT.roadmap.schoolWhere(s.track, s.rows))),
  );
  const more = r.withoutMeasures.length > SHOWN_SCHOOLS ? h('li', { class: 'hint' }, TEXT.roadmap.more(r.withoutMeasures.length - SHOWN_SCHOOLS)) : null;
  fill(
    status,
    facts,
    schools.length ? h('p', { class: 'subhead' }, TEXT.roadmap.schoolsTitle) : null,
    schools.length ? h('ul', { class: 'roadmap-schools', attrs: { id: 'roadmap-schools' } }, ...schools, more) : null,
    h('p', { class: 'link-row' }, sheetLink(r.sheet, TEXT.sheetLink.open(r.sheet))),
  );
}
