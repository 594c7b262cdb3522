/**
 * The objectivity check of results (issue 16): journal comparison and boundary peaks → «Объективность».
 *
 * How «Рассчитать» uses it:
 * 1. The results reader, in its pass over «Результаты ОП», matches `matchObjectivityHeader(headerRow)`
 *    (OBJECTIVITY_COLUMNS never take a column of RESULTS_COLUMNS, nor the reverse) and, for each row
 *    that is no re-take or past graduate and whose school, procedure and year resolve, calls
 *    `readObjectivityCells(row, columns)`: null → nothing; `{ error }` → a journal error
 *    «<процедура>, <год>: <error>.» for the row (its result still counts); counts → an
 *    `ObjectivityInput` with the result's P: the row's own, or for a row with P, F and % blank
 *    (`isObjectivityOnlyRow`) the P of the result row of the same school, procedure and year. Such a
 *    row is no result: no record, no duplicate or conflict check. `readResultsObjectivity` is that
 *    pass on its own.
 * 2. `judgeObjectivity(inputs, settings.objectivity, settings.minSample, journal, resultsSheet)`.
 * 3. `objectivitySheet(result, year, generatedAt)`: the generated sheet SHEETS.objectivity.
 * 4. JSON: `objectivity: objectivityJson(result, [Y, Y−1])`.
 * 5. «ШНОР» (justification) and «Перечень» (reasons): `objectivityRemarksFor(result, school.id, [Y, Y−1])`.
 */
export * from './counts';
export * from './judge';
export * from './sheet';
export * from './json';
export * from './fromResults';
