export * from './issues.ts';
export * from './load.ts';
export * from './posters.ts';
export * from './schema/index.ts';
export * from './site-plan.ts';
export * from './translations.ts';
