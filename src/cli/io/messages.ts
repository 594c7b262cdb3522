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
} as const;

export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
