/**
 * The id of a Google Form from what a coordinator may paste into «Настройки»: the id itself or the
 * form's editing link. The respondents' link (…/forms/d/e/…/viewform) carries another id that
 * FormApp cannot open, so it is refused with the reason.
 */
export function parseFormId(text: string): { id: string } | { problem: string } {
  const t = text.trim();
  if (t === '') return { id: '' };
  if (/\/forms\/d\/e\//.test(t) || /forms\.gle\//.test(t)) {
    return { problem: 'это ссылка для заполнения анкеты; нужна ссылка редактирования (…/forms/d/…/edit) или идентификатор формы' };
  }
  const fromUrl = /\/forms\/d\/([A-Za-z0-9_-]{10,})/.exec(t);
  if (fromUrl) return { id: fromUrl[1] };
  if (/^[A-Za-z0-9_-]{10,}$/.test(t)) return { id: t };
  return { problem: `«${t}» не похоже на идентификатор или ссылку Google Формы` };
}

/** The form's editing link, built from its id without asking Google. */
export function formEditUrl(id: string): string {
  return `https://docs.google.com/forms/d/${id}/edit`;
}

/** A link to fill the form in, built from its id (Google redirects it to the published form). */
export function formRespondUrl(id: string): string {
  return `https://docs.google.com/forms/d/${id}/viewform`;
}

/** The form id in a link such as Sheet.getFormUrl() gives (…/forms/d/<id>/viewform); null for others. */
export function formIdOfUrl(url: string | null): string | null {
  const m = url ? /\/forms\/d\/([A-Za-z0-9_-]{10,})/.exec(url) : null;
  return m && m[1] !== 'e' ? m[1] : null;
}
