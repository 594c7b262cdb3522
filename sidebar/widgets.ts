// Pieces the results, the journal and the import section all build: count tiles, facts, problems.
import { h } from './dom';
import { formatInteger } from './format';

export function tile(value: number, label: string, main = false): HTMLElement {
  return h('div', { class: main ? 'tile tile-main' : 'tile' }, h('span', { class: 'tile-value' }, formatInteger(value)), h('span', { class: 'tile-label' }, label));
}

/** A line of a `.facts` list: label on the left, value on the right. */
export function fact(label: string, value: string, attention = false): HTMLElement {
  return h('li', { class: attention ? 'attention' : '' }, h('span', null, label), h('span', null, value));
}

export interface Problem {
  level: 'error' | 'warning' | 'info';
  levelLabel: string;
  school: string;
  message: string;
}

/** A remark about the data; `where` is its sheet or row, when it has one. */
export function problemItem(p: Problem, where: string | null): HTMLElement {
  return h(
    'li',
    { class: `level-${p.level}` },
    h('div', { class: 'problem-where' }, h('span', { class: 'problem-level' }, p.levelLabel), where ? ` · ${where}` : null),
    p.school ? h('div', { class: 'problem-school' }, p.school) : null,
    h('div', { class: 'problem-message' }, p.message),
  );
}
