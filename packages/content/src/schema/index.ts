export * from './campaign.ts';
export * from './common.ts';
export * from './country.ts';
export * from './figure.ts';
export * from './helpline.ts';
export * from './page.ts';
export * from './source.ts';
export * from './ui.ts';
