/** The objectivity check of results (issue 16): journal comparison and boundary peaks → «Объективность». */
export * from './counts';
export * from './judge';
export * from './sheet';
export * from './json';
export * from './fromResults';
