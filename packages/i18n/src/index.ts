export * from './locales.ts';
export * from './messages.ts';
export * from './scripts.ts';
export * from './slugify.ts';
export * from './strings.ts';
