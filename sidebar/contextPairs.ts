// «Пары для сетевой поддержки»: what «Контекст» found — the model, schools below expectations and
// resilient ones, and the proposed pairs «ШНОР → школа-лидер» (the first few; the sheet has them all).
import type { PanelContext, PanelPairSchool } from '../src/addon/contextPanel';
import { CONTEXT_PANEL } from '../src/engine/strings';
import { Child, byId, fill, h } from './dom';
import { formatInteger, formatNumber } from './format';
import { sheetLink } from './sheetLinks';
import { existingSheets, shownSummary } from './state';
import { TEXT } from './text';
import { fact } from './widgets';

const section = byId('context');

function share(p: number | null): string {
  return p === null ? CONTEXT_PANEL.noShare : `${formatNumber(p * 100, 1)}\u00a0%`;
}

function line(m: NonNullable<PanelContext['model']>): string {
  const b = Math.abs(m.b);
  return `p̂ = ${formatNumber(m.a, 3)} ${m.b < 0 ? '−' : '+'} ${formatNumber(b, 4)} × ИСБШ`;
}

function schoolText(s: PanelPairSchool): Child[] {
  const details = CONTEXT_PANEL.school(s.isbsh === null ? CONTEXT_PANEL.noIsbsh : formatNumber(s.isbsh, 2), share(s.share));
  return [h('span', { class: 'pair-name' }, s.name), h('span', { class: 'pair-details' }, details)];
}

export function renderContextPairs(): void {
  const summary = shownSummary();
  const c = summary?.context;
  if (!c) {
    fill(section, h('p', { class: 'empty' }, CONTEXT_PANEL.none));
    return;
  }
  if (!c.available) {
    fill(section, h('p', { class: 'empty', attrs: { id: 'context-state' } }, CONTEXT_PANEL.noResults));
    return;
  }
  const model = c.model
    ? CONTEXT_PANEL.model(line(c.model), c.model.r2 === null ? '' : formatNumber(c.model.r2, 2), formatInteger(c.model.n))
    : CONTEXT_PANEL.noModel(c.problem ?? '');
  const facts = h(
    'ul',
    { class: 'facts', attrs: { id: 'context-facts' } },
    c.model ? fact(CONTEXT_PANEL.below, formatInteger(c.belowExpected), c.belowExpected > 0) : null,
    fact(CONTEXT_PANEL.resilient, formatInteger(c.resilient)),
    fact(CONTEXT_PANEL.leaders, formatInteger(c.leaders)),
    fact(CONTEXT_PANEL.pairs, formatInteger(c.pairCount)),
    c.unpairedCount > 0 ? fact(CONTEXT_PANEL.unpaired, formatInteger(c.unpairedCount), true) : null,
  );
  const shown = c.pairs.length;
  const total = c.pairCount + c.unpairedCount;
  const list =
    total === 0
      ? h('p', { class: 'hint' }, CONTEXT_PANEL.noShnor)
      : h(
          'ol',
          { class: 'pairs', attrs: { id: 'context-pairs', 'aria-label': CONTEXT_PANEL.pairsLabel } },
          ...c.pairs.map((p) =>
            h(
              'li',
              { class: p.leader ? 'pair' : 'pair pair-missing' },
              h('div', { class: 'pair-school' }, ...schoolText(p.shnor)),
              p.leader
                ? h('div', { class: 'pair-leader' }, h('span', { class: 'pair-arrow', attrs: { 'aria-hidden': 'true' } }, '→ '), ...schoolText(p.leader), p.sameLocality ? h('span', { class: 'pair-details' }, CONTEXT_PANEL.sameLocality) : null)
                : h('div', { class: 'pair-leader attention' }, `→ ${p.reason}`),
            ),
          ),
        );
  const sheetThere = existingSheets().includes(c.sheet);
  fill(
    section,
    h('p', { class: 'note', attrs: { id: 'context-model' } }, model),
    facts,
    list,
    total > shown ? h('p', { class: 'hint' }, CONTEXT_PANEL.more(total - shown, c.sheet)) : null,
    sheetThere ? h('p', { class: 'link-row' }, sheetLink(c.sheet, TEXT.sheetLink.open(c.sheet))) : h('p', { class: 'hint' }, CONTEXT_PANEL.later(c.sheet)),
    h('p', { class: 'hint' }, CONTEXT_PANEL.modelNote),
  );
}
