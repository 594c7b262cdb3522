/**
 * Advance widths of Arial (and the metric-compatible Liberation Sans that LibreOffice uses for it),
 * regular and bold, in thousandths of an em, for the characters of Russian and English text. The
 * writer wraps text itself to size rows: Excel and LibreOffice do not grow a row for wrapped text
 * that a program wrote.
 */
const CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁё«»№–—… ·−";
const REGULAR = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584,667,656,667,542,677,667,923,604,719,719,583,656,833,722,778,719,667,722,611,635,760,667,740,667,917,938,792,885,656,719,1010,722,556,573,531,365,583,556,669,458,559,559,438,583,688,552,556,542,556,500,458,500,823,500,573,521,802,823,625,719,521,510,750,542,667,556,556,556,1073,556,1000,1000,278,278,584];
const BOLD = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584,722,719,722,567,712,667,904,626,719,719,610,702,833,722,778,719,667,722,611,622,854,667,730,703,1005,1019,870,979,719,711,1031,719,556,618,615,417,635,556,709,497,615,615,500,635,740,604,611,604,611,556,490,556,875,556,615,581,833,844,729,854,615,552,854,583,669,556,556,556,1115,556,1000,1000,278,278,584];
/** Unknown characters (other scripts, symbols) are taken as wide as «Ш» minus a little. */
const FALLBACK = 800;

/** Widths by UTF-16 code unit up to the end of Cyrillic; it runs for every wrapped cell of a sheet. */
const TABLE_SIZE = 0x2220;
const regular = new Uint16Array(TABLE_SIZE).fill(FALLBACK);
const bold = new Uint16Array(TABLE_SIZE).fill(FALLBACK);
Array.from(CHARS).forEach((ch, i) => {
  regular[ch.charCodeAt(0)] = REGULAR[i];
  bold[ch.charCodeAt(0)] = BOLD[i];
});

/** Width of the text in ems (a surrogate pair counts as two unknown characters: wider, never narrower). */
export function textWidthEm(text: string, isBold = false): number {
  const table = isBold ? bold : regular;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    width += code < TABLE_SIZE ? table[code] : FALLBACK;
  }
  return width / 1000;
}
