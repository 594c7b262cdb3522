/** «Дорожная карта» by the three ФИОКО tracks (DESIGN §2.8, issue 15): what the shells and the rest of the engine need. */
export { prepareRoadmap, applyRoadmapUpdate } from './prepare';
export type { RoadmapPreparation, RoadmapUpdate, RoadmapInsertion, RoadmapChanges } from './prepare';
export { checkRoadmap } from './check';
export type { RoadmapCheck, SchoolWithoutMeasure } from './check';
export { roadmapDocumentRows } from './document';
export type { RoadmapDocumentRow } from './document';
export { readRoadmap } from './layout';
export type { RoadmapLayout, RoadmapEntry } from './layout';
export { parseDeadline, formatIsoDate } from './deadline';
export { STATUS_VALUES, statusKind } from './columns';
export type { TrackNumber, RoadmapField } from './columns';
export { trackSchools } from './tracks';
