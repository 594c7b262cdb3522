// Pure helpers of the sidebar: Russian plurals, numbers, and what to tell the user about a failure.

/** Russian plural: plural(5, ['строка', 'строки', 'строк']) → «строк». */
export function plural(n: number, forms: [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
}

/** «23 строки», «1 замечание» (a no-break space keeps the number with its word). */
export function count(n: number, forms: [string, string, string]): string {
  return `${formatInteger(n)}\u00a0${plural(n, forms)}`;
}

/** 12345 → «12 345» (a narrow no-break space between thousands, as Russian typography wants). */
export function formatInteger(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  const grouped = s.length > 4 ? s.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') : s;
  return (n < 0 ? '−' : '') + grouped;
}

/** 0.4321 → «0,432»; 30 → «30». Decimal comma, at most `digits` digits after it. */
export function formatNumber(n: number, digits = 3): string {
  if (!Number.isFinite(n)) return '—';
  const fixed = n.toFixed(digits).replace(/\.?0+$/, '');
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '−' : '';
  const whole = formatInteger(Math.abs(Number(int)));
  return sign + whole + (frac ? `,${frac}` : '');
}

/** The user's threshold text («30», «27,5», « 30 % ») → a number, or null when it is not one in (0; 100]. */
export function parseThreshold(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n > 0 && n <= 100 ? n : null;
}

export const AUTH_HINT =
  'Похоже, в браузере выполнен вход в несколько аккаунтов Google. Откройте таблицу в окне инкогнито или выйдите из других аккаунтов и повторите.';

const AUTH_PATTERNS = [
  /authori[sz]ation/i,
  /authori[sz]e/i,
  /permission_denied/i,
  /scripterror/i,
  /требуется авторизация/i,
  /нужна авторизация/i,
  /необходима авторизация/i,
  /you do not have permission/i,
  /user is not signed in/i,
];
const NETWORK_PATTERNS = [/networkerror/i, /connection failure/i, /failed to fetch/i, /http 0\b/i, /network/i];
const TIMEOUT_PATTERNS = [/exceeded maximum execution time/i, /превышено максимальное время/i];
const LOCK_PATTERNS = [/lock timeout/i, /another process was holding the lock/i];

/** Text of whatever the failure handler received: an Error, an Error-like object or a string. */
export function errorText(error: unknown): string {
  if (error === null || error === undefined) return '';
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && 'message' in error) {
    const m = (error as { message: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return String(error);
}

export interface FailureMessage {
  /** What to tell the user, in Russian. */
  text: string;
  /** The original text, shown small under it when it adds something (e.g. an English server message). */
  detail: string;
  kind: 'auth' | 'network' | 'timeout' | 'busy' | 'server';
}

/** Turns a google.script.run failure into a message a coordinator can act on. */
export function describeFailure(error: unknown): FailureMessage {
  const raw = errorText(error).trim();
  const detail = raw.replace(/^(Error|Exception|ScriptError):\s*/i, '');
  if (AUTH_PATTERNS.some((p) => p.test(raw))) return { text: AUTH_HINT, detail: raw, kind: 'auth' };
  if (TIMEOUT_PATTERNS.some((p) => p.test(raw))) {
    return {
      text: 'Расчёт не уложился в 6 минут, которые Google отводит сценарию. Повторите позже; если ошибка повторится, запустите расчёт из командной строки (shnor-monitor).',
      detail: raw,
      kind: 'timeout',
    };
  }
  if (LOCK_PATTERNS.some((p) => p.test(raw))) {
    return { text: 'Таблицу сейчас изменяет другой расчёт (другой пользователь или вкладка). Подождите минуту и повторите.', detail: raw, kind: 'busy' };
  }
  if (NETWORK_PATTERNS.some((p) => p.test(raw))) {
    return { text: 'Нет связи с Google. Проверьте подключение к интернету и повторите.', detail: raw, kind: 'network' };
  }
  if (!detail) return { text: 'Неизвестная ошибка. Обновите страницу таблицы и повторите.', detail: '', kind: 'server' };
  // Messages of the add-on itself are Russian sentences meant for the user: show them as they are.
  if (/[а-яё]/i.test(detail)) return { text: detail, detail: '', kind: 'server' };
  return { text: 'Сервер Google вернул ошибку. Повторите через минуту; если она повторится, сообщите её текст разработчикам.', detail: raw, kind: 'server' };
}

/** «Нижний квартиль» from «нижний квартиль». */
export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** «12:05» for a Date. */
export function clock(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The first `limit` items and how many more there are in `total` (which may exceed items.length when the server cut the list). */
export function firstFew<T>(items: readonly T[], limit: number, total = items.length): { shown: T[]; more: number } {
  const shown = items.slice(0, Math.max(0, limit));
  return { shown, more: Math.max(0, total - shown.length) };
}

/** «и ещё 12» under a list cut to its first items. */
export function andMore(n: number): string {
  return `и ещё ${formatInteger(n)}`;
}

