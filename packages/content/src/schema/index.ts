// One file per kind of content. A field's documentation is its `.meta({ description })`: the JSON Schemas in
// schemas/ (`npm run schemas`, src/json-schemas.ts) carry it to editors, which show it while typing.
export * from './campaign.ts';
export * from './common.ts';
export * from './country.ts';
export * from './figure.ts';
export * from './helpline.ts';
export * from './locale.ts';
export * from './page.ts';
export * from './poster.ts';
export * from './source.ts';
export * from './translation-record.ts';
export * from './ui.ts';
