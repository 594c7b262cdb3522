import { LEVEL_LABELS } from './strings';

export type Level = 'error' | 'warning' | 'info';

export interface JournalEntry {
  level: Level;
  /** Sheet the problem is on ('' when it concerns the whole run). */
  sheet: string;
  /** 1-based row on that sheet, when there is one. */
  row?: number;
  school?: string;
  message: string;
  /** What the product did about it («строка пропущена», «принято значение…»). */
  action?: string;
}

/** Collects problems in the order they were found; nothing here throws. */
export class Journal {
  readonly entries: JournalEntry[] = [];
  private readonly seen = new Set<string>();

  add(entry: JournalEntry): void {
    this.entries.push(entry);
  }
  error(sheet: string, message: string, extra: Partial<JournalEntry> = {}): void {
    this.add({ level: 'error', sheet, message, ...extra });
  }
  warning(sheet: string, message: string, extra: Partial<JournalEntry> = {}): void {
    this.add({ level: 'warning', sheet, message, ...extra });
  }
  info(sheet: string, message: string, extra: Partial<JournalEntry> = {}): void {
    this.add({ level: 'info', sheet, message, ...extra });
  }
  /** Adds the entry only the first time this key is seen (e.g. «unknown procedure X»). */
  once(key: string, entry: JournalEntry): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.add(entry);
  }
  count(level: Level): number {
    return this.entries.filter((e) => e.level === level).length;
  }
  countFor(sheet: string): number {
    return this.entries.filter((e) => e.sheet === sheet && e.level !== 'info').length;
  }
}

export function levelLabel(level: Level): string {
  return LEVEL_LABELS[level];
}
