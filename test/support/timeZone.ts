/**
 * Time-zone arithmetic for the fakes (Utilities.formatDate, dates typed into cells). Accepts IANA
 * names ("Europe/Moscow") and the fixed offsets Apps Script also accepts ("GMT+3", "GMT+03:00", "UTC").
 */

export interface ZonedParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number; // local time minus UTC
}

const FIXED_OFFSET = /^(?:GMT|UTC|Z)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;
const formatters = new Map<string, Intl.DateTimeFormat>();

function fixedOffsetMinutes(timeZone: string): number | null {
  const match = FIXED_OFFSET.exec(timeZone.trim());
  if (!match) return null;
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new Error(`Invalid argument: timeZone (${timeZone})`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const fixed = fixedOffsetMinutes(timeZone);
  if (fixed !== null) return fixed;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - wholeSeconds) / 60000);
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const epochMs = date.getTime();
  const offsetMinutes = offsetMinutesAt(epochMs, timeZone);
  const local = new Date(epochMs + offsetMinutes * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    offsetMinutes,
  };
}

/** The instant at which the wall clock in `timeZone` shows the given local date and time. */
export function zonedTimeToDate(
  local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0);
  let epochMs = asUtc - offsetMinutesAt(asUtc, timeZone) * 60000;
  // A second pass settles dates whose offset differs from the guess (DST transitions).
  epochMs = asUtc - offsetMinutesAt(epochMs, timeZone) * 60000;
  return new Date(epochMs);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatOffset(offsetMinutes: number, withColon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${withColon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function formatField(letter: string, width: number, parts: ZonedParts): string {
  switch (letter) {
    case 'y':
      return width === 2 ? pad(parts.year % 100, 2) : pad(parts.year, width);
    case 'M':
      if (width >= 4) return MONTHS[parts.month - 1];
      if (width === 3) return MONTHS[parts.month - 1].slice(0, 3);
      return pad(parts.month, width);
    case 'd':
      return pad(parts.day, width);
    case 'H':
      return pad(parts.hour, width);
    case 'k':
      return pad(parts.hour === 0 ? 24 : parts.hour, width);
    case 'h':
      return pad(parts.hour % 12 === 0 ? 12 : parts.hour % 12, width);
    case 'm':
      return pad(parts.minute, width);
    case 's':
      return pad(parts.second, width);
    case 'S':
      return pad(parts.millisecond, 3).slice(0, Math.max(width, 3)).padEnd(width, '0');
    case 'a':
      return parts.hour < 12 ? 'AM' : 'PM';
    case 'E':
      return width >= 4 ? WEEKDAYS[parts.weekday] : WEEKDAYS[parts.weekday].slice(0, 3);
    case 'u':
      return String(parts.weekday === 0 ? 7 : parts.weekday);
    case 'Z':
      return formatOffset(parts.offsetMinutes, false);
    case 'X':
      if (parts.offsetMinutes === 0) return 'Z';
      return width === 1 ? formatOffset(parts.offsetMinutes, false).slice(0, 3) : formatOffset(parts.offsetMinutes, width >= 3);
    case 'z':
      return `GMT${formatOffset(parts.offsetMinutes, true)}`;
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** `Utilities.formatDate` semantics: a java.text.SimpleDateFormat pattern rendered in `timeZone`. */
export function formatDatePattern(date: Date, timeZone: string, pattern: string): string {
  const parts = zonedParts(date, timeZone);
  let output = '';
  for (let i = 0; i < pattern.length; ) {
    const char = pattern[i];
    if (char === "'") {
      i++;
      if (pattern[i] === "'") {
        output += "'";
        i++;
        continue;
      }
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] !== "'") {
            i++;
            break;
          }
          i++;
        }
        output += pattern[i++];
      }
      continue;
    }
    if (/[A-Za-z]/.test(char)) {
      let width = 1;
      while (pattern[i + width] === char) width++;
      output += formatField(char, width, parts);
      i += width;
      continue;
    }
    output += char;
    i++;
  }
  return output;
}
