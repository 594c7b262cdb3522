import { AUTH_HINT, andMore, count, describeFailure, firstFew, formatNumber, parseThreshold, plural } from '../../sidebar/format';

describe('sidebar text helpers', () => {
  test('Russian plurals', () => {
    const forms: [string, string, string] = ['строка', 'строки', 'строк'];
    expect([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => plural(n, forms))).toEqual([
      'строк', 'строка', 'строки', 'строки', 'строк', 'строк', 'строк', 'строк', 'строка', 'строки', 'строк', 'строка', 'строк',
    ]);
    expect(count(24, ['ответ', 'ответа', 'ответов'])).toBe('24\u00a0ответа');
    expect(count(12345, forms)).toBe('12\u202f345\u00a0строк');
  });

  test('numbers with a decimal comma', () => {
    expect(formatNumber(73.99147727, 2)).toBe('73,99');
    expect(formatNumber(30, 2)).toBe('30');
    expect(formatNumber(27.5, 2)).toBe('27,5');
    expect(formatNumber(-0.5, 2)).toBe('−0,5');
  });

  test('threshold as typed by a person', () => {
    expect(parseThreshold('30')).toBe(30);
    expect(parseThreshold(' 27,5 % ')).toBe(27.5);
    expect(parseThreshold('27.5')).toBe(27.5);
    for (const bad of ['', '0', '101', 'тридцать', '30,5,1', '-5']) expect(parseThreshold(bad)).toBeNull();
  });

  test('the multiple-accounts hint for authorisation failures', () => {
    for (const message of [
      'ScriptError: Authorisation is required to perform that action.',
      'ScriptError: We\'re sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.',
      'Exception: You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
      'Authorization is required to perform that action.',
      'ScriptError',
    ]) {
      const f = describeFailure(new Error(message));
      expect(f.kind).toBe('auth');
      expect(f.text).toBe(AUTH_HINT);
      expect(f.detail).toBe(message);
    }
  });

  test('the add-on\'s own Russian messages are shown as they are', () => {
    const busy = 'Расчёт уже выполняется (другим пользователем или в другой вкладке). Дождитесь его окончания и нажмите «Рассчитать» ещё раз.';
    expect(describeFailure({ message: busy })).toEqual({ text: busy, detail: '', kind: 'server' });
    expect(describeFailure(new Error(`Error: ${busy}`)).text).toBe(busy);
  });

  test('network, time limit and unknown failures', () => {
    expect(describeFailure(new Error('NetworkError: Connection failure due to HTTP 0')).kind).toBe('network');
    expect(describeFailure('Exceeded maximum execution time').kind).toBe('timeout');
    expect(describeFailure('Lock timeout: another process was holding the lock for too long.').kind).toBe('busy');
    const other = describeFailure(new Error('TypeError: Cannot read properties of undefined'));
    expect(other.kind).toBe('server');
    expect(other.text).toMatch(/^Сервер Google вернул ошибку/);
    expect(other.detail).toBe('TypeError: Cannot read properties of undefined');
    expect(describeFailure(undefined).text).toMatch(/Неизвестная ошибка/);
  });

  test('the first items of a list and «и ещё N»', () => {
    expect(firstFew([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2, 3], more: 2 });
    expect(firstFew([1, 2], 3)).toEqual({ shown: [1, 2], more: 0 });
    // The server sends the first 50 skipped rows and their total.
    expect(firstFew([1, 2, 3, 4], 3, 120)).toEqual({ shown: [1, 2, 3], more: 117 });
    expect(andMore(1)).toBe('и ещё 1');
    expect(andMore(12345)).toBe('и ещё 12\u202f345');
  });
});
