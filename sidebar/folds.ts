// Collapsible sections: import and monitoring sit below the main flow, closed at first.

export function isOpen(toggle: HTMLButtonElement): boolean {
  return toggle.getAttribute('aria-expanded') === 'true';
}

export function setupFold(toggle: HTMLButtonElement, body: HTMLElement, onOpen?: () => void): void {
  toggle.addEventListener('click', () => {
    const open = !isOpen(toggle);
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    if (open) onOpen?.();
  });
}
