/** Printable documents built from the analysis (the shells render them: docx in the CLI, a Google Doc in the add-on). */
export * from './model';
export { typography, NBSP } from './typography';
export { spravkaDocument, appendixCells, APPENDIX_COLUMNS } from './spravka';
export type { SpravkaInput, RoadmapRow } from './spravka';
