export * from './catalogue.ts';
export { codePoint, count, type ErrorArgs, type ErrorEntry, type ErrorGroup, entry, type GroupedEntry, given, list } from './define.ts';
