import { defineCollection } from 'astro:content';
import { pageFrontmatterSchema } from '@repo/content';
import { glob } from 'astro/loaders';
import { pagesDir, siteContext } from './lib/build-context.ts';

// Only this country's languages become Vite modules in a build: each MDX page costs build time. The
// dev preview takes every language folder (it compiles a page only when it is opened), so a language
// added to the country while it runs needs no restart.
const languages = import.meta.env.DEV ? '*' : `{${siteContext().country.languages.join(',')}}`;

const pages = defineCollection({
  // Ids keep the folder's case (sr-Latn/home): the default id generator would slugify them.
  loader: glob({
    pattern: `${languages}/*.mdx`,
    base: pagesDir(),
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: pageFrontmatterSchema,
});

export const collections = { pages };
