// Where the run's sheets went when the user has sheets of the same names, and what did not fully
// work (a chart not drawn, a temporary sheet left for the next run to remove).
import type { RunSummary } from '../src/addon/panel';
import { WRITE_TEXT } from '../src/engine/strings';
import { h } from './dom';
import { sheetLink } from './sheetLinks';

export function runNotesView(s: RunSummary, ran: boolean): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (s.displaced.length > 0) {
    out.push(
      h(
        'div',
        { class: 'callout callout-info run-notes', attrs: { id: 'displaced' } },
        ...s.displaced.map((d) => h('p', { attrs: { 'data-sheet': d.wanted } }, WRITE_TEXT.displaced(d.wanted, d.name))),
        h('div', { class: 'sheet-links' }, ...s.displaced.map((d) => sheetLink(d.name, d.name, 'chip'))),
      ),
    );
  }
  if (ran && s.notices.length > 0) {
    out.push(h('div', { class: 'callout callout-warn run-notes', attrs: { id: 'run-notices', role: 'status' } }, ...s.notices.map((n) => h('p', null, n))));
  }
  return out;
}
