// @repo/translate: the translators' round trip. See README.md.
export * from './apply.ts';
export * from './derive.ts';
export * from './export.ts';
export * from './import.ts';
export * from './limits.ts';
export * from './mark-current.ts';
export * from './records.ts';
export * from './report.ts';
export * from './segments.ts';
export * from './xliff.ts';
export * from './yaml-edit.ts';
