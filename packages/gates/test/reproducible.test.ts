// Two builds of the fixture content, in different folders (content copied to two places, two Astro
// build roots, two output folders), are byte-identical; and the comparison catches a file that
// differs between builds, naming it and the fix.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrees, filesOf } from '../src/index.ts';
import { buildFixtureSites, copySites, fixtureContent, tempDir } from './helpers.ts';

const work = tempDir('reproducible-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('reproducible builds', () => {
  it('two builds of the fixture in different folders are byte-identical', async () => {
    const outs = ['first', 'second'].map((n) => join(work, n, 'sites'));
    for (const [i, out] of outs.entries()) {
      const content = join(work, `content-${i}`);
      cpSync(fixtureContent, content, { recursive: true });
      // One after the other: two builds at once would fight over two cores, not test anything more.
      await buildFixtureSites(out, { contentDir: content });
    }
    const files = filesOf(outs[0] as string);
    expect(files).toContain('gr/index.html');
    expect(files).toContain('gr/_headers');
    expect(files.some((f) => /^md\/_astro\/noto-sans-latin-ext-400\..*\.woff2$/.test(f))).toBe(true);
    const result = compareTrees(outs[0] as string, outs[1] as string);
    expect(result.failures).toEqual([]);
    expect(result.summary).toBe(`${files.length} files compared byte for byte`);
    // Two cold builds one after the other; slow when the whole suite shares two cores.
  }, 400_000);

  it('catches a deliberately nondeterministic timestamp, naming the page and the fix', () => {
    const first = join(work, 'first', 'sites');
    const second = copySites(first, join(work, 'stamped'));
    // As if a component printed the time of the build.
    const stamp = (dir: string, time: string) => {
      const file = join(dir, 'gr/en/index.html');
      writeFileSync(file, readFileSync(file, 'utf8').replace('</footer>', `<p>Built ${time}</p></footer>`));
    };
    const copyOfFirst = copySites(first, join(work, 'stamped-first'));
    stamp(copyOfFirst, '2026-11-22T13:58:01.417Z');
    stamp(second, '2026-11-22T13:58:09.032Z');
    const { failures } = compareTrees(copyOfFirst, second);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ site: 'gr', page: '/en/index.html' });
    expect(failures[0]).toMatchObject({
      code: 'BuildsDiffer',
      args: { offset: expect.any(Number), first: expect.stringMatching(/Built 2026-11-22T13:58:0/), second: expect.stringMatching(/Built 2026-11-22T13:58:0/) },
    });
  });

  it('lists files that exist in only one build', () => {
    const a = copySites(join(work, 'first', 'sites'), join(work, 'only-a'));
    const b = copySites(join(work, 'first', 'sites'), join(work, 'only-b'));
    writeFileSync(join(a, 'md/build-1763819881.txt'), 'x');
    expect(compareTrees(a, b).failures.map((f) => `${f.site} ${f.page}: ${f.code}`)).toEqual(['md /build-1763819881.txt: OnlyInFirstBuild']);
  });
});
