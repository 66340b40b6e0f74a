import { defineCollection } from 'astro:content';
import { pageFrontmatterSchema } from '@repo/content';
import { glob } from 'astro/loaders';
import { contentDir, siteContext } from './lib/build-context.ts';

const { country } = siteContext();

// Only this country's languages become Vite modules: each MDX page costs build time.
const pages = defineCollection({
  // Ids keep the folder's case (sr-Latn/home): the default id generator would slugify them.
  loader: glob({
    pattern: `{${country.languages.join(',')}}/*.mdx`,
    base: `${contentDir()}/pages`,
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: pageFrontmatterSchema,
});

export const collections = { pages };
