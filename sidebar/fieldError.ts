// The message under a form field that holds something wrong, tied to it for screen readers.
import { h } from './dom';

/** Shows `message` under the control, or removes it (null); `#<control id>-error` holds it. */
export function setFieldError(control: HTMLInputElement | HTMLSelectElement, message: string | null): void {
  const id = `${control.id}-error`;
  document.getElementById(id)?.remove();
  const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (message === null) {
    control.removeAttribute('aria-invalid');
    control.setAttribute('aria-describedby', described.join(' '));
    return;
  }
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', [id, ...described].join(' '));
  control.insertAdjacentElement('afterend', h('p', { class: 'field-error', attrs: { id } }, message));
}
