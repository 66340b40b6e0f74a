// Every cause in one run, each once: a mistake in one file hides no problem of another file that
// could be read, and a YAML syntax error is one issue at the line where it starts, not the parser's
// follow-on errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coded, edit, refusedIssues, scratchFixture, write } from './helpers.ts';

describe('a page whose frontmatter cannot be read hides only the links that may lead to it', () => {
  it('still reports a broken link on a page of another language', () => {
    const dir = scratchFixture();
    // The Romanian home page's frontmatter is broken and has no readable slug.
    edit(
      dir,
      'pages/ro/home.mdx',
      'title: "Acasă"\ndescription: "A description of the home page that is long enough."\nslug: ""',
      'title: "Acasă\ndescription: [',
    );
    edit(dir, 'pages/el/home.mdx', '<Partners />', '[Δοκιμή](/den-yparxei/)\n\n<Partners />');
    const issues = refusedIssues(dir).map(coded);
    expect(issues).toContainEqual(expect.objectContaining({ file: 'pages/ro/home.mdx', code: 'YamlSyntax' }));
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'pages/el/home.mdx', code: 'LinkToNowhere', args: expect.objectContaining({ path: '/den-yparxei/' }) }),
    );
  });
});

describe('an unknown field', () => {
  it("is reported at its own line, in a page's frontmatter too", () => {
    const dir = scratchFixture();
    edit(dir, 'pages/el/home.mdx', /^translation: draft$/m, 'translation: draft\nauthor: someone');
    const line = readFileSync(join(dir, 'pages/el/home.mdx'), 'utf8').split('\n').indexOf('author: someone') + 1;
    expect(refusedIssues(dir).map(coded)).toEqual([{ file: 'pages/el/home.mdx', line, code: 'FieldUnknown', args: { keys: ['author'] } }]);
  });
});

describe('a broken country file hides nothing else', () => {
  it('reports an unknown field of a country file, a broken link on its site and an unknown figure in one run', () => {
    const dir = scratchFixture();
    edit(dir, 'countries/gr.yaml', '  - id: gr-116000\n', '  - id: gr-116000\n    hotline: "1"\n');
    edit(dir, 'pages/el/home.mdx', '<Partners />', '[Δοκιμή](/den-yparxei/)\n\n<Partners />');
    edit(dir, 'pages/en/privacy.mdx', /\n*$/, '\n\n<Figure id="no-such-figure" />\n');
    const issues = refusedIssues(dir).map(coded);
    // At the unknown field's own line, not its entry's.
    expect(issues).toContainEqual({ file: 'countries/gr.yaml', line: 10, field: 'helplines.0', code: 'FieldUnknown', args: { keys: ['hotline'] } });
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'pages/el/home.mdx',
        line: 14,
        code: 'LinkToNowhere',
        args: expect.objectContaining({ path: '/den-yparxei/', sites: ['gr'] }),
      }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ file: 'pages/en/privacy.mdx', code: 'UnknownFigure', args: { id: 'no-such-figure' } }));
    expect(issues).toHaveLength(3);
  });

  it('judges the sites of a country whose file has a mistake elsewhere, but not its numbers when its helplines cannot be read', () => {
    const dir = scratchFixture();
    edit(dir, 'countries/gr.yaml', '  - id: gr-116000\n', '  - id: gr-116000\n    hotline: "1"\n');
    // A Greek page quoting a Moldovan figure: the Greek site still shows it wrongly.
    edit(dir, 'pages/el/home.mdx', '<Figure id="children-share" />', '<Figure id="md-fixture" />\n\nΚαλέστε 210 555 0000.');
    const issues = refusedIssues(dir).map(coded);
    expect(issues).toContainEqual({ file: 'pages/el/home.mdx', line: 12, code: 'FigureOutOfScope', args: { id: 'md-fixture', scope: ['md'], sites: ['gr'] } });
    // Written outside <Call>: reported; whether it is a Greek helpline is judged once gr.yaml can be read.
    expect(issues).toContainEqual({
      file: 'pages/el/home.mdx',
      line: 14,
      code: 'PhoneNotInCall',
      args: { number: '210 555 0000', sites: ['gr'], notHelplineOf: [], helplines: {} },
    });
    // Greek is still a language a country speaks: its pages and strings are not "in a language no site speaks".
    expect(issues.filter((i) => i.code === 'PageLocaleNotSpoken' || i.code === 'UiLocaleNotSpoken')).toEqual([]);
  });

  it('leaves out what only follows from a country file that cannot be read at all', () => {
    const dir = scratchFixture();
    write(dir, 'countries/gr.yaml', 'code: gr\nroles: [somewhere]\n');
    const issues = refusedIssues(dir);
    expect(issues.every((i) => i.file === 'countries/gr.yaml')).toBe(true);
  });

  it('does not report links to, or translations of, a page whose frontmatter cannot be read', () => {
    const dir = scratchFixture();
    edit(dir, 'pages/en/demand.mdx', 'audience:', 'colour: red\naudience:');
    edit(dir, 'pages/en/home.mdx', '<Partners />', '[Demand](/en/buying-harms-children/) and [nothing](/en/nothing/)\n\n<Partners />');
    const issues = refusedIssues(dir).map(coded);
    expect(issues.map((i) => `${i.file} ${i.code}`)).toEqual(['pages/en/demand.mdx FieldUnknown', 'pages/en/home.mdx LinkToNowhere']);
    expect(issues[1]?.args).toMatchObject({ path: '/en/nothing/' });
  });
});

describe('YAML syntax errors', () => {
  it('reports an unclosed flow mapping once, at the line where it opens, with the fix', () => {
    const dir = scratchFixture();
    edit(dir, 'countries/gr.yaml', 'purpose: { en: Emergency number, el: Αριθμός έκτακτης ανάγκης }', 'purpose: { en: x, el: y');
    const issues = refusedIssues(dir);
    expect(issues.map(coded)).toEqual([
      { file: 'countries/gr.yaml', line: 22, code: 'YamlSyntax', args: { detail: expect.stringContaining('end with a }'), unclosed: '{' } },
    ]);
    expect(issues[0]?.fix).toMatch(/^end the value on this line with \}/);
  });

  it('reports an unclosed flow list, and any other syntax error, once per file at the parser’s line', () => {
    const dir = scratchFixture();
    edit(dir, 'campaign.yaml', 'brand: FIXTURE', 'brand: [FIXTURE');
    edit(dir, 'figures.yaml', '    attribution: Eurostat\n', '    attribution: Eurostat\n  bad indentation: here\n    more: here\n');
    const issues = refusedIssues(dir).map(coded);
    expect(issues).toEqual([
      { file: 'campaign.yaml', line: 2, code: 'YamlSyntax', args: { detail: expect.any(String), unclosed: '[' } },
      { file: 'figures.yaml', line: 6, code: 'YamlSyntax', args: { detail: expect.any(String) } },
    ]);
  });

  it('counts the lines of a page’s frontmatter from the top of the file', () => {
    const dir = scratchFixture();
    edit(dir, 'pages/en/privacy.mdx', /title: .*/, 'title: { en: x');
    const issues = refusedIssues(dir).map(coded);
    expect(issues).toEqual([{ file: 'pages/en/privacy.mdx', line: 2, code: 'YamlSyntax', args: { detail: expect.any(String), unclosed: '{' } }]);
  });
});
