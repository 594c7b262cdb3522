// The message panel (#alert): one failure at a time, shown next to the part of the panel that failed.
import { byId, fill, h } from './dom';
import { describeFailure } from './format';
import { TEXT } from './text';

const panel = byId('panel');
const alert = byId('alert');

/** Shows a failure right after `near` (the part of the panel the user just used), or at the top. */
export function showError(title: string, error: unknown, near?: Element): void {
  const f = describeFailure(error);
  const close = h('button', { class: 'alert-close', attrs: { type: 'button', 'aria-label': TEXT.alert.closeLabel, title: TEXT.alert.close }, on: { click: hideError } }, '×');
  fill(
    alert,
    h('div', { class: 'alert-body' }, h('p', { class: 'alert-title' }, title), h('p', { class: 'alert-text' }, f.text), f.detail ? h('p', { class: 'alert-detail' }, f.detail) : null),
    close,
  );
  alert.dataset.kind = f.kind;
  if (near) near.insertAdjacentElement('afterend', alert);
  else panel.insertAdjacentElement('afterbegin', alert);
  alert.hidden = false;
  alert.scrollIntoView?.({ block: 'nearest' });
}

export function hideError(): void {
  alert.hidden = true;
  fill(alert);
}
