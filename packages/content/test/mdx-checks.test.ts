// What the loader finds in a page's MDX before anything is built: syntax errors, unknown components
// and ids, files from other hosts, images without alt, internal links that lead nowhere. Each issue
// names the page file and line and says how to fix it; all of them come in one run.
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, type ContentIssue, loadContent, pageComponents, scanPage } from '../src/index.ts';
import { copyFixture, edit, write } from './helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function fixture(): string {
  const dir = copyFixture();
  dirs.push(dir);
  return dir;
}
/** The issues of the page files (the checks here are about pages). */
function pageIssuesOf(dir: string): ContentIssue[] {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.issues.filter((i) => i.file.startsWith('pages/'));
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
const problemsOf = (body: string) => scanPage(`---\ntitle: x\n---\n\n${body}\n`).problems;

describe('MDX syntax', () => {
  it('reports an unclosed component with the file and its line, and nothing is loaded', () => {
    const dir = fixture();
    const line = append(dir, 'pages/en/privacy.mdx', '<ForCountry role="origin">\nOnly for origin sites.');
    const issues = pageIssuesOf(dir);
    expect(issues).toContainEqual({
      file: 'pages/en/privacy.mdx',
      line,
      message: expect.stringMatching(/^is not valid MDX: Expected a closing tag for `<ForCountry>`/),
      fix: expect.stringContaining('close every component'),
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
    const dir = fixture();
    const line = append(dir, 'pages/en/safety.mdx', '<Figur id="children-share" />\n\n<Video.Player />');
    expect(pageIssuesOf(dir)).toEqual([
      {
        file: 'pages/en/safety.mdx',
        line,
        message: '<Figur> is not a component the site knows',
        fix: expect.stringMatching(/^did you mean <Figure>\? pages may use <Call>, <Cite>, <Figure>, <ForCountry>/),
      },
      {
        file: 'pages/en/safety.mdx',
        line: line + 2,
        message: '<Video.Player> is not a component the site knows',
        fix: expect.stringMatching(/^pages may use <Call>/),
      },
    ]);
  });

  it('refuses code imported or exported by a page', () => {
    expect(problemsOf('import Chart from "../chart.js"\n\nText.')).toEqual([
      { line: 5, message: expect.stringContaining('imports or exports code'), fix: expect.stringContaining('without importing them') },
    ]);
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
    const dir = fixture();
    const line = append(dir, 'pages/el/home.mdx', 'Πηγή <Cite id="invented-report" />. Και <Cite />.');
    expect(pageIssuesOf(dir)).toEqual([
      {
        file: 'pages/el/home.mdx',
        line,
        message: 'cites source "invented-report", which content/sources.yaml does not list',
        fix: 'add the source to content/sources.yaml (title, publisher, where, year) or correct the id',
      },
      { file: 'pages/el/home.mdx', line, message: '<Cite> has no id', fix: 'write <Cite id="…" /> with the id of a source in content/sources.yaml' },
    ]);
  });

  it('accepts a <Cite id> of a listed source and still refuses an unknown <Figure id>', () => {
    const dir = fixture();
    append(dir, 'pages/en/safety.mdx', 'As reported <Cite id="seed-000" />.');
    const line = append(dir, 'pages/en/privacy.mdx', '<Figure id="invented-statistic" />');
    expect(pageIssuesOf(dir)).toEqual([
      {
        file: 'pages/en/privacy.mdx',
        line,
        message: 'quotes figure "invented-statistic", which content/figures.yaml does not list',
        fix: 'add the figure with its source, year and scope, or correct the id',
      },
    ]);
  });
});

describe('files from other hosts', () => {
  it('refuses raw HTML that loads from another host, naming element, address and host', () => {
    const cases: [string, string][] = [
      ['<script src="https://cdn.example/track.js"></script>', '<script src="https://cdn.example/track.js"> loads a script from another host (cdn.example)'],
      ['<img src="https://img.example/a.png" alt="A" />', '<img src="https://img.example/a.png"> loads a file from another host (img.example)'],
      [
        '<iframe src="https://www.youtube.com/embed/x" title="Video"></iframe>',
        '<iframe src="https://www.youtube.com/embed/x"> loads a file from another host (www.youtube.com)',
      ],
      ['<link rel="stylesheet" href="//fonts.example/css" />', '<link href="//fonts.example/css"> loads a file from another host (fonts.example)'],
      [
        '<style>{`body { background: url("https://img.example/bg.png") }`}</style>',
        '<style> has a style that loads https://img.example/bg.png from another host (img.example)',
      ],
      [
        '<style>{`@import "https://fonts.example/a.css";`}</style>',
        '<style> has a style that loads https://fonts.example/a.css from another host (fonts.example)',
      ],
      ['<p style="background:url(http://img.example/x.png)">A</p>', '<p> has a style that loads http://img.example/x.png from another host (img.example)'],
      [
        '<picture><source srcset="/a.avif 1x, https://img.example/b.avif 2x" /></picture>',
        '<source srcset="https://img.example/b.avif"> loads a file from another host (img.example)',
      ],
      [
        '<video src="/v.mp4" poster="https://img.example/p.jpg"></video>',
        '<video poster="https://img.example/p.jpg"> loads a file from another host (img.example)',
      ],
      ['<audio src="https://media.example/a.mp3"></audio>', '<audio src="https://media.example/a.mp3"> loads a file from another host (media.example)'],
      ['<object data="https://media.example/a.pdf"></object>', '<object data="https://media.example/a.pdf"> loads a file from another host (media.example)'],
      ['<embed src="https://media.example/a.swf" />', '<embed src="https://media.example/a.swf"> loads a file from another host (media.example)'],
      ['![A chart](https://img.example/chart.png)', 'image ![A chart](https://img.example/chart.png) loads a file from another host (img.example)'],
    ];
    for (const [mdx, message] of cases) {
      const problems = problemsOf(mdx);
      expect(problems, mdx).toEqual([{ line: 5, message: expect.stringContaining(message), fix: expect.any(String) }]);
    }
  });

  it('refuses scripts and event handlers, which the Content-Security-Policy blocks, even from the site itself', () => {
    expect(problemsOf('<script>{`alert(1)`}</script>').map((p) => p.message)).toEqual([
      '<script> in a page: the Content-Security-Policy blocks scripts a page brings',
    ]);
    expect(problemsOf('<button onclick="go()">Go</button>').map((p) => p.message)).toEqual([
      '<button onclick="…"> runs a script: the Content-Security-Policy blocks it',
    ]);
  });

  it('accepts files from the site itself, data: images and links to other hosts', () => {
    expect(
      problemsOf(
        '![A poster](/print/gr/a4.png) <img src="/print/x.png" alt="X" /> <img src="data:image/png;base64,AAAA" alt="" />\n\nRead [the report](https://www.example.org/report) or <a href="https://www.example.org/">this</a>.',
      ),
    ).toEqual([]);
  });

  it('names the page file and line in loadContent', () => {
    const dir = fixture();
    const line = append(dir, 'pages/en/privacy.mdx', 'Text.\n\n<script src="https://cdn.example/track.js"></script>');
    expect(pageIssuesOf(dir)).toEqual([
      {
        file: 'pages/en/privacy.mdx',
        line: line + 2,
        message: expect.stringContaining('<script src="https://cdn.example/track.js"> loads a script from another host (cdn.example)'),
        fix: 'remove it: pages are text and the components the site provides',
      },
    ]);
  });
});

describe('images without alt', () => {
  it('refuses a markdown image with empty brackets and an <img> without alt, and accepts alt=""', () => {
    expect(problemsOf('![](/print/a.png)\n\n<img src="/print/b.png" />\n\n<img src="/print/c.png" alt="" />')).toEqual([
      {
        line: 5,
        message: 'image ![](/print/a.png) has no text alternative: screen readers announce nothing, or the file name',
        fix: 'say in the brackets what the image shows: ![What the image shows](/print/a.png)',
      },
      {
        line: 7,
        message: '<img> has no alt: screen readers announce nothing, or the file name',
        fix: expect.stringContaining('add alt="what the image shows"'),
      },
    ]);
  });

  it('follows reference-style images to their definition', () => {
    expect(problemsOf('![][poster]\n\n[poster]: https://img.example/p.png').map((p) => p.message)).toEqual([
      'image ![][poster] has no text alternative: screen readers announce nothing, or the file name',
      'image ![][poster] loads a file from another host (img.example); the sites load nothing from other hosts',
    ]);
  });
});

describe('internal links', () => {
  // gr (destination; el at /, en at /en/) and md (origin; ro at /, en at /en/).
  it('accepts links to pages every site showing the link has, with fragments, and links to print files', () => {
    const dir = fixture();
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
    const dir = fixture();
    const line = append(dir, 'pages/en/privacy.mdx', 'See [why buying harms](/en/buying-harms-children/).');
    expect(pageIssuesOf(dir)).toEqual([
      {
        file: 'pages/en/privacy.mdx',
        line,
        message: 'links to /en/buying-harms-children/ (the page "demand"), which the md site showing this page does not have',
        fix: 'wrap the link\'s sentence in <ForCountry countries="gr">…</ForCountry>, or link to a page every site that shows this one has',
      },
    ]);
  });

  it('refuses a link to an address no site has, suggesting the nearest page address', () => {
    const dir = fixture();
    const line = append(dir, 'pages/el/home.mdx', 'Δείτε <a href="/browse-safly/">εδώ</a>.');
    expect(pageIssuesOf(dir)).toEqual([
      {
        file: 'pages/el/home.mdx',
        line,
        message: 'links to /browse-safly/, which is not the address of any page (on the gr site showing this page)',
        fix: "link to a page's address: the locale's base and the page's slug, e.g. /browse-safely/",
      },
    ]);
  });

  it('refuses a link without the trailing slash the page addresses have', () => {
    const dir = fixture();
    const line = append(dir, 'pages/ro/home.mdx', 'Vezi [aici](/en/privacy#top).');
    expect(pageIssuesOf(dir)).toEqual([
      {
        file: 'pages/ro/home.mdx',
        line,
        message: "links to /en/privacy#top, but the page's address ends with a slash: /en/privacy/",
        fix: 'write /en/privacy/#top',
      },
    ]);
  });

  it('follows reference-style links to their definition', () => {
    const dir = fixture();
    const line = append(dir, 'pages/en/safety.mdx', 'See [recruitment].\n\n[recruitment]: /en/how-traffickers-recruit/');
    expect(pageIssuesOf(dir).map((i) => [i.line, i.message])).toEqual([
      [line, 'links to /en/how-traffickers-recruit/ (the page "recruitment"), which the gr site showing this page does not have'],
    ]);
  });
});

describe('all at once', () => {
  it('reports every problem of every page in one run, each with file, line and fix', () => {
    const dir = fixture();
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
    for (const issue of issues) {
      expect(issue.line, issue.message).toBeGreaterThan(0);
      expect(issue.fix, issue.message).toBeTruthy();
    }
  });
});
