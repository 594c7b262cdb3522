/**
 * School names as chart labels. Russian official names run to 150 characters («Муниципальное бюджетное
 * общеобразовательное учреждение „Средняя общеобразовательная школа № 5 с углублённым изучением
 * отдельных предметов“ …»): a label is the name wrapped on word boundaries; only a name that still does
 * not fit gets the customary abbreviations (МБОУ, СОШ, УИОП…), and only then is its last line cut.
 * The full name always stays in the data (the bar's description, the «Сводка» table, the «ИСБШ» sheet).
 */

export interface LabelLimits {
  /** Characters per line (about 6 px each at 11 px PT Sans). */
  width: number;
  maxLines: number;
}

export const SCHOOL_LABEL: LabelLimits = { width: 36, maxLines: 3 };

export interface Label {
  lines: string[];
  /** True when the customary abbreviations were applied. */
  abbreviated: boolean;
  /** True when the text still did not fit and its last line ends with «…». */
  cut: boolean;
}

const OU = 'общеобразовательн(?:ое|ая) (?:учреждение|организация)';
const ABBREVIATIONS: [RegExp, string][] = [
  [new RegExp(`муниципальн(?:ое|ая) бюджетн(?:ое|ая) ${OU}`, 'giu'), 'МБОУ'],
  [new RegExp(`муниципальн(?:ое|ая) автономн(?:ое|ая) ${OU}`, 'giu'), 'МАОУ'],
  [new RegExp(`муниципальн(?:ое|ая) казённ(?:ое|ая) ${OU}`, 'giu'), 'МКОУ'],
  [new RegExp(`муниципальн(?:ое|ая) казенн(?:ое|ая) ${OU}`, 'giu'), 'МКОУ'],
  [new RegExp(`муниципальн(?:ое|ая) ${OU}`, 'giu'), 'МОУ'],
  [new RegExp(`государственн(?:ое|ая) бюджетн(?:ое|ая) ${OU}`, 'giu'), 'ГБОУ'],
  [new RegExp(`государственн(?:ое|ая) автономн(?:ое|ая) ${OU}`, 'giu'), 'ГАОУ'],
  [new RegExp(`государственн(?:ое|ая) казённ(?:ое|ая) ${OU}`, 'giu'), 'ГКОУ'],
  [new RegExp(`государственн(?:ое|ая) казенн(?:ое|ая) ${OU}`, 'giu'), 'ГКОУ'],
  [new RegExp(`частн(?:ое|ая) ${OU}`, 'giu'), 'ЧОУ'],
  [/средняя общеобразовательная школа/giu, 'СОШ'],
  [/основная общеобразовательная школа/giu, 'ООШ'],
  [/начальная общеобразовательная школа/giu, 'НОШ'],
  [/с углубл[её]нным изучением отдельных предметов/giu, 'с УИОП'],
  [/(^|[\s«"„(])имени(?=\s)/giu, '$1им.'],
  [/городского округа/giu, 'г.\u00a0о.'],
  [/муниципального района/giu, 'м.\u00a0р.'],
  [/муниципального образования/giu, 'МО'],
];

/**
 * Spaces collapsed; what must not be split over two lines joined by a no-break space: «№ 5», and
 * initials with the surname («И. И. Иванова»).
 */
function tidy(text: string): string {
  return text
    .replace(/[ \t\r\n\f\v\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/№ (?=\S)/g, '№\u00a0')
    .replace(/(^|[\s«"„(])([А-ЯЁ]\.) (?=[А-ЯЁ])/gu, '$1$2\u00a0')
    .replace(/([А-ЯЁ]\.)\u00a0([А-ЯЁ]\.) (?=[А-ЯЁ])/gu, '$1\u00a0$2\u00a0');
}

export function abbreviateSchoolName(name: string): string {
  let s = tidy(name);
  for (const [pattern, short] of ABBREVIATIONS) s = s.replace(pattern, short);
  return s;
}

/** Greedy wrap on ordinary spaces; a word longer than a line is split across lines. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of tidy(text).split(' ')) {
    if (!word) continue;
    while (word.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!word) continue;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The first lines as wrapped; the last one takes the rest of the text, cut with «…» at the line's width. */
function cutToLines(lines: string[], limits: LabelLimits): string[] {
  const kept = lines.slice(0, limits.maxLines - 1);
  const rest = lines.slice(limits.maxLines - 1).join(' ');
  kept.push(`${rest.slice(0, limits.width - 1).trimEnd()}…`);
  return kept;
}

export function schoolLabel(name: string, limits: LabelLimits = SCHOOL_LABEL): Label {
  const full = wrapText(name, limits.width);
  if (full.length <= limits.maxLines) return { lines: full, abbreviated: false, cut: false };
  const short = wrapText(abbreviateSchoolName(name), limits.width);
  if (short.length <= limits.maxLines) return { lines: short, abbreviated: true, cut: false };
  return { lines: cutToLines(short, limits), abbreviated: true, cut: true };
}
