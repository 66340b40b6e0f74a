// What the loader finds in a page's MDX before anything is built: syntax errors, unknown components
// and ids, files from other hosts, images without alt, internal links that lead nowhere. Each issue
// names the page file and line and says how to fix it; all of them come in one run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, type ContentIssue, loadContent, pageComponents, scanPage } from '../src/index.ts';
import { coded, edit, scratchFixture, write } from './helpers.ts';

/** The issues of the page files (the checks here are about pages), as code, arguments and place. */
function pageIssuesOf(dir: string): ReturnType<typeof coded<ContentIssue>>[] {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.issues.filter((i) => i.file.startsWith('pages/')).map(coded);
    throw error;
  }
  return [];
}
/** Appends MDX to the end of a page of a fixture copy; returns the line the text starts on. */
function append(dir: string, file: string, mdx: string): number {
  const path = resolve(dir, file);
  const before = readFileSync(path, 'utf8');
  const text = before.endsWith('\n') ? before : `${before}\n`;
  write(dir, file, `${text}\n${mdx}\n`);
  return text.split('\n').length + 1;
}
const problemsOf = (body: string) => scanPage(`---\ntitle: x\n---\n\n${body}\n`).problems.map(coded);

describe('MDX syntax', () => {
  it('reports an unclosed component with the file and its line, and nothing is loaded', () => {
    const dir = scratchFixture();
    const line = append(dir, 'pages/en/privacy.mdx', '<ForCountry role="origin">\nOnly for origin sites.');
    const issues = pageIssuesOf(dir);
    expect(issues).toContainEqual({
      file: 'pages/en/privacy.mdx',
      line,
      code: 'MdxSyntax',
      args: { detail: expect.stringMatching(/^Expected a closing tag for `<ForCountry>`/) },
    });
  });
});

describe('components', () => {
  it('keeps the list of components in one place, which the site’s page template registers exactly', () => {
    expect([...pageComponents].sort()).toEqual(['Call', 'Cite', 'Figure', 'ForCountry', 'Funding', 'Helplines', 'Partners', 'PrintFiles']);
    const template = readFileSync(resolve(import.meta.dirname, '../../../apps/site/src/pages/[...path].astro'), 'utf8');
    expect(template).toContain('satisfies Record<PageComponent,');
    const registered = /const components = \{([^}]*)\}/
      .exec(template)?.[1]
      ?.split(',')
      .map((s) => s.trim());
    expect(registered?.sort()).toEqual([...pageComponents].sort());
  });

  it('refuses a component the site does not register, with a suggestion when it is a misspelling', () => {
    const dir = scratchFixture();
    const line = append(dir, 'pages/en/safety.mdx', '<Figur id="children-share" />\n\n<Video.Player />');
    const components = '<Call>, <Cite>, <Figure>, <ForCountry>, <Funding>, <Helplines>, <Partners>, <PrintFiles>';
    expect(pageIssuesOf(dir)).toEqual([
      { file: 'pages/en/safety.mdx', line, code: 'UnknownComponent', args: { name: 'Figur', guess: 'Figure', components } },
      { file: 'pages/en/safety.mdx', line: line + 2, code: 'UnknownComponent', args: { name: 'Video.Player', components } },
    ]);
  });

  it('refuses code imported or exported by a page', () => {
    expect(problemsOf('import Chart from "../chart.js"\n\nText.')).toEqual([{ line: 5, code: 'PageImportsCode', args: { components: expect.any(String) } }]);
  });

  it('accepts every registered component and plain HTML', () => {
    expect(
      problemsOf(
        '<Call number="112" /> <Cite id="x" />\n\n<Figure id="y" />\n\n<ForCountry role="origin">\nA\n</ForCountry>\n\n<Funding />\n\n<Helplines />\n\n<Partners />\n\n<PrintFiles />\n\n<p>Text <strong>bold</strong> <abbr title="x">y</abbr></p>',
      ),
    ).toEqual([]);
  });
});

describe('ids', () => {
  it('refuses a <Cite id> that content/sources.yaml does not list, and a <Cite> without id', () => {
    const dir = scratchFixture();
    const line = append(dir, 'pages/el/home.mdx', 'Πηγή <Cite id="invented-report" />. Και <Cite />.');
    expect(pageIssuesOf(dir)).toEqual([
      { file: 'pages/el/home.mdx', line, code: 'UnknownSource', args: { id: 'invented-report' } },
      { file: 'pages/el/home.mdx', line, code: 'CiteWithoutId', args: {} },
    ]);
  });

  it('accepts a <Cite id> of a listed source and still refuses an unknown <Figure id>', () => {
    const dir = scratchFixture();
    append(dir, 'pages/en/safety.mdx', 'As reported <Cite id="seed-000" />.');
    const line = append(dir, 'pages/en/privacy.mdx', '<Figure id="invented-statistic" />');
    expect(pageIssuesOf(dir)).toEqual([{ file: 'pages/en/privacy.mdx', line, code: 'UnknownFigure', args: { id: 'invented-statistic' } }]);
  });
});

describe('files from other hosts', () => {
  it('refuses raw HTML that loads from another host, naming element, address and host', () => {
    type Case = [string, string, Record<string, string>];
    const file = (mdx: string, element: string, attribute: string, url: string, host: string): Case => [mdx, 'ForeignFile', { element, attribute, url, host }];
    const style = (mdx: string, element: string, url: string, host: string): Case => [mdx, 'ForeignStyle', { element, url, host }];
    const cases: Case[] = [
      ['<script src="https://cdn.example/track.js"></script>', 'ForeignScript', { src: 'https://cdn.example/track.js', host: 'cdn.example' }],
      file('<img src="https://img.example/a.png" alt="A" />', 'img', 'src', 'https://img.example/a.png', 'img.example'),
      file('<iframe src="https://www.youtube.com/embed/x" title="Video"></iframe>', 'iframe', 'src', 'https://www.youtube.com/embed/x', 'www.youtube.com'),
      file('<link rel="stylesheet" href="//fonts.example/css" />', 'link', 'href', '//fonts.example/css', 'fonts.example'),
      style('<style>{`body { background: url("https://img.example/bg.png") }`}</style>', 'style', 'https://img.example/bg.png', 'img.example'),
      style('<style>{`@import "https://fonts.example/a.css";`}</style>', 'style', 'https://fonts.example/a.css', 'fonts.example'),
      style('<p style="background:url(http://img.example/x.png)">A</p>', 'p', 'http://img.example/x.png', 'img.example'),
      file('<picture><source srcset="/a.avif 1x, https://img.example/b.avif 2x" /></picture>', 'source', 'srcset', 'https://img.example/b.avif', 'img.example'),
      file('<video src="/v.mp4" poster="https://img.example/p.jpg"></video>', 'video', 'poster', 'https://img.example/p.jpg', 'img.example'),
      file('<audio src="https://media.example/a.mp3"></audio>', 'audio', 'src', 'https://media.example/a.mp3', 'media.example'),
      file('<object data="https://media.example/a.pdf"></object>', 'object', 'data', 'https://media.example/a.pdf', 'media.example'),
      file('<embed src="https://media.example/a.swf" />', 'embed', 'src', 'https://media.example/a.swf', 'media.example'),
      ['![A chart](https://img.example/chart.png)', 'ForeignImage', { written: '![A chart](https://img.example/chart.png)', host: 'img.example' }],
    ];
    for (const [mdx, code, args] of cases) expect(problemsOf(mdx), mdx).toEqual([{ line: 5, code, args }]);
  });

  it('refuses scripts and event handlers, which the Content-Security-Policy blocks, even from the site itself', () => {
    expect(problemsOf('<script>{`alert(1)`}</script>')).toEqual([{ line: 5, code: 'ScriptInPage', args: {} }]);
    expect(problemsOf('<button onclick="go()">Go</button>')).toEqual([{ line: 5, code: 'EventHandler', args: { element: 'button', attribute: 'onclick' } }]);
  });

  it('accepts files from the site itself, data: images and links to other hosts', () => {
    expect(
      problemsOf(
        '![A poster](/print/gr/a4.png) <img src="/print/x.png" alt="X" /> <img src="data:image/png;base64,AAAA" alt="" />\n\nRead [the report](https://www.example.org/report) or <a href="https://www.example.org/">this</a>.',
      ),
    ).toEqual([]);
  });

  it('names the page file and line in loadContent', () => {
    const dir = scratchFixture();
    const line = append(dir, 'pages/en/privacy.mdx', 'Text.\n\n<script src="https://cdn.example/track.js"></script>');
    expect(pageIssuesOf(dir)).toEqual([
      { file: 'pages/en/privacy.mdx', line: line + 2, code: 'ForeignScript', args: { src: 'https://cdn.example/track.js', host: 'cdn.example' } },
    ]);
  });
});

describe('images without alt', () => {
  it('refuses a markdown image with empty brackets and an <img> without alt, and accepts alt=""', () => {
    expect(problemsOf('![](/print/a.png)\n\n<img src="/print/b.png" />\n\n<img src="/print/c.png" alt="" />')).toEqual([
      { line: 5, code: 'ImageWithoutText', args: { written: '![](/print/a.png)', url: '/print/a.png' } },
      { line: 7, code: 'ImgWithoutAlt', args: {} },
    ]);
  });

  it('follows reference-style images to their definition', () => {
    expect(problemsOf('![][poster]\n\n[poster]: https://img.example/p.png')).toEqual([
      { line: 5, code: 'ImageWithoutText', args: { written: '![][poster]', url: 'https://img.example/p.png' } },
      { line: 5, code: 'ForeignImage', args: { written: '![][poster]', host: 'img.example' } },
    ]);
  });
});

describe('internal links', () => {
  // gr (destination; el at /, en at /en/) and md (origin; ro at /, en at /en/).
  it('accepts links to pages every site showing the link has, with fragments, and links to print files', () => {
    const dir = scratchFixture();
    append(
      dir,
      'pages/en/privacy.mdx',
      'See [safety](/en/browse-safely/#exit), [home](/), <a href="/en/privacy/">privacy</a> and [the ZIP](/print/victor.zip).',
    );
    // Only the Greek site shows the Greek page: its own paths.
    append(dir, 'pages/el/home.mdx', 'Δείτε [εδώ](/i-agora-vlaptei/).');
    append(dir, 'pages/en/home.mdx', '<ForCountry role="destination">\nSee [why buying harms](/en/buying-harms-children/).\n</ForCountry>');
    expect(pageIssuesOf(dir)).toEqual([]);
  });

  it('refuses a link to a page some sites showing the link do not have, naming those sites and the fix', () => {
    const dir = scratchFixture();
    const line = append(dir, 'pages/en/privacy.mdx', 'See [why buying harms](/en/buying-harms-children/).');
    expect(pageIssuesOf(dir)).toEqual([
      {
        file: 'pages/en/privacy.mdx',
        line,
        code: 'LinkToPageNotOnSite',
        args: { path: '/en/buying-harms-children/', page: 'demand', sites: ['md'], having: ['gr'] },
      },
    ]);
  });

  it('refuses a link to an address no site has, suggesting the nearest page address', () => {
    const dir = scratchFixture();
    const line = append(dir, 'pages/el/home.mdx', 'Δείτε <a href="/browse-safly/">εδώ</a>.');
    expect(pageIssuesOf(dir)).toEqual([
      { file: 'pages/el/home.mdx', line, code: 'LinkToNowhere', args: { path: '/browse-safly/', sites: ['gr'], nearest: '/browse-safely/' } },
    ]);
  });

  it("suggests an address in the page's own language that every site showing the link has", () => {
    const dir = scratchFixture();
    // The English privacy page is /en/privacy/ on both sites; a Romanian page is pointed at a Romanian address.
    const line = append(dir, 'pages/ro/home.mdx', 'Vezi [aici](/en/privac/).');
    const [issue] = pageIssuesOf(dir);
    expect(issue).toMatchObject({ file: 'pages/ro/home.mdx', line, code: 'LinkToNowhere' });
    const nearest = String((issue?.args as { nearest?: string } | undefined)?.nearest);
    expect(nearest).toMatch(/^\/[a-z]/);
    expect(nearest.startsWith('/en/')).toBe(false);
  });

  it('refuses a link without the trailing slash the page addresses have', () => {
    const dir = scratchFixture();
    const line = append(dir, 'pages/ro/home.mdx', 'Vezi [aici](/en/privacy#top).');
    expect(pageIssuesOf(dir)).toEqual([
      { file: 'pages/ro/home.mdx', line, code: 'LinkWithoutSlash', args: { url: '/en/privacy#top', path: '/en/privacy', fixed: '/en/privacy/#top' } },
    ]);
  });

  it('follows reference-style links to their definition', () => {
    const dir = scratchFixture();
    const line = append(dir, 'pages/en/safety.mdx', 'See [recruitment].\n\n[recruitment]: /en/how-traffickers-recruit/');
    expect(pageIssuesOf(dir).map((i) => [i.line, i.code, i.args])).toEqual([
      [line, 'LinkToPageNotOnSite', { path: '/en/how-traffickers-recruit/', page: 'recruitment', sites: ['gr'], having: ['md'] }],
    ]);
  });
});

describe('all at once', () => {
  it('reports every problem of every page in one run, each with file, line and fix', () => {
    const dir = scratchFixture();
    edit(dir, 'pages/en/home.mdx', 'Body of home in en.', 'Body of home in en. <Cite id="nope" />');
    append(dir, 'pages/en/privacy.mdx', '![](https://img.example/x.png)');
    append(dir, 'pages/el/home.mdx', '<Partner />');
    append(dir, 'pages/en/safety.mdx', '[x](/en/nowhere/)');
    append(dir, 'pages/ro/home.mdx', '<ForCountry role="origin">');
    const issues = pageIssuesOf(dir);
    expect(new Set(issues.map((i) => i.file))).toEqual(
      new Set(['pages/en/home.mdx', 'pages/en/privacy.mdx', 'pages/el/home.mdx', 'pages/en/safety.mdx', 'pages/ro/home.mdx']),
    );
    expect(issues.length).toBe(6);
    expect(issues.map((i) => i.code).sort()).toEqual(
      ['UnknownSource', 'ForeignImage', 'ImageWithoutText', 'LinkToNowhere', 'MdxSyntax', 'UnknownComponent'].sort(),
    );
    for (const issue of issues) expect(issue.line, issue.code).toBeGreaterThan(0);
  });
});
