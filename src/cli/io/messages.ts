/** Russian messages of the CLI file adapters (the engine's own strings live in src/engine/strings.ts). */

const unreadable = (path: string, why: string): string => `Не удалось прочитать файл «${path}»: ${why}`;

export const IO_MESSAGES = {
  fileNotFound: (path: string) => unreadable(path, 'файл не найден'),
  notAFile: (path: string) => unreadable(path, 'это не файл'),
  notXlsx: (path: string) => unreadable(path, 'это не книга Excel (.xlsx)'),
  oldXls: (path: string) =>
    unreadable(path, 'это книга старого формата Excel (.xls); сохраните её как «Книга Excel (.xlsx)»'),
  brokenXlsx: (path: string, detail: string) => unreadable(path, `книга Excel повреждена (${detail})`),
  noWorksheets: (path: string) => unreadable(path, 'в книге нет ни одного листа'),
  readFailed: (path: string, detail: string) => unreadable(path, detail),
  folderNotFound: (dir: string) => `Папка «${dir}» не найдена`,
  noCsvFiles: (dir: string) => `В папке «${dir}» нет файлов .csv`,
  badCsv: (file: string, detail: string) => `Не удалось разобрать файл «${file}» как CSV: ${detail}`,
  expectedWorkbook: (path: string) => `Ожидается файл .xlsx или папка с файлами .csv: «${path}»`,
  expectedWorkbookNotFound: (path: string) => `Ожидается файл .xlsx или папка с файлами .csv: «${path}» не найден`,
  singleCsvFile: (path: string) =>
    `Ожидается файл .xlsx или папка с файлами .csv: «${path}» — это один файл CSV; укажите папку, в которой он лежит`,
  settingsSheetExists: (name: string) => `Лист «${name}» уже есть в книге: настройки можно только дописать`,
  settingsSheetMissing: (name: string) => `Листа «${name}» нет в книге: дописать настройки некуда`,
  writeFailed: (path: string, detail: string) => `Не удалось записать файл «${path}»: ${detail}`,
  longTextCut: (sheet: string, rows: number[], max: number) =>
    `В файле «${sheet}.csv» ${rows.length === 1 ? `строка ${rows[0]}` : `строки ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ` и ещё ${rows.length - 10}` : ''}`}: текст длиннее ${max} символов (столько держит ячейка Excel) — в книге-результате он сокращён; сам файл CSV не изменён, расчёт использовал текст целиком.`,
  encrypted: (path: string) => unreadable(path, 'книга защищена паролем; снимите пароль (Файл → Сведения → Защита книги) и сохраните её снова'),
  noAccess: 'нет прав на чтение файла',
  strictWorkbook:
    'книга сохранена в формате «Строгий Open XML»: в неё нельзя добавить листы. Сохраните её в Excel как «Книга Excel (.xlsx)» и повторите',
  noStyles: 'в книге нет таблицы стилей: дату записать нельзя',
  sheetRenamed: (from: string, to: string) =>
    `Имя листа «${from}» Excel не принимает (не длиннее 31 символа, без знаков [ ] : * ? / \\): в книге-результате лист называется «${to}», ссылки на него исправлены.`,
  duplicateSheet: (name: string) => `внутренняя ошибка: лист «${name}» записывается дважды`,
  sheetExists: (name: string) => `Лист «${name}» уже есть в книге`,
  pictureWithoutSheet: (name: string) => `внутренняя ошибка: рисунок для листа «${name}», которого нет среди сформированных`,
  userSheetInTheWay: (name: string) =>
    `внутренняя ошибка: лист «${name}» создан пользователем (в его первой ячейке нет отметки о формировании) и не будет заменён`,
  brokenZip: 'архив ZIP повреждён или обрезан — сохраните книгу в Excel заново',
  brokenPart: (part: string) => `данные части ${part} повреждены`,
  brokenPartXml: (part: string, line: number | null) => `разметка XML части ${part} повреждена${line ? ` (строка ${line})` : ''}`,
  brokenSheet: (sheet: string) => `данные листа «${sheet}» повреждены`,
  brokenSheetXml: (sheet: string, line: number | null) => `разметка XML листа «${sheet}» повреждена${line ? ` (строка ${line})` : ''}`,
} as const;

export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
