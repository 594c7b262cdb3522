/** The engine's public surface: shells import from here only. */
export * from './analyze';
export * from './inputs';
export * from './customFunctions';
export * from './journal';
export * from './json';
export * from './report';
export * from './settings';
export * from './strings';
export * from './table';
export * from './sheets/generated';
export * from './sheets/placement';
export * from './indicators';
export * from './import';
export { capCell, fold, formatNumber, needsTextGuard, quote } from './text';
export { parseSchoolYear } from './parse';
export { municipalityName } from './municipality';
export { previousSchoolYear } from './parse';
