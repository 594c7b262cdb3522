/** The schools' questionnaire form (issue 12): its description, prefilled links, «Рассылка анкеты». */
export * from './spec';
export * from './prefill';
export * from './mailing';
export * from './formId';
export * from './settingsCells';
export { schoolChoice, schoolFromChoice } from '../schools/choice';
export * from './context';
export * from './specText';
