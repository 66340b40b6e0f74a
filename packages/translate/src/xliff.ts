// XLIFF 1.2 (OASIS, what Weblate, Crowdin, Lokalise, Phrase, memoQ and OmegaT all read) and XLIFF 2.0,
// written and read with @xmldom/xmldom: a document model of files, units and inline codes, and
// nothing about content. Inline codes: XLIFF 1.2 `<x id ctype equiv-text/>` for values of interface
// strings and `<ph id ctype>…</ph>` (with the code as text) for components of pages; XLIFF 2.0
// `<ph id disp equiv/>` for both. A code is known by its id: the import puts back the source's code.
// Each unit also carries a fingerprint of its target as it was in content/ when it was exported (see
// `exportedTarget`), so that an import can tell a text changed in content/ since then from one the
// translator changed: XLIFF 1.2 in `extradata` (the attribute 1.2 gives tools for their own data; the
// 1.2 strict schema refuses attributes of other namespaces on <trans-unit>), XLIFF 2.0 in an
// attribute of our own namespace on <unit>, which 2.0 allows and asks tools to keep.
import { DOMImplementation, DOMParser, type Element, type Node, XMLSerializer } from '@xmldom/xmldom';
import type { Code, Segment } from './segments.ts';

export type XliffVersion = '1.2' | '2.0';

export interface XliffNote {
  /** Who the note is from (1.2 `from`, 2.0 `category`): `developer` (what the text is), `campaign-kit` (where it appears), `reviewer`. */
  from: string;
  text: string;
}

export interface XliffUnit {
  id: string;
  /** The field the text is written in (1.2 `resname`, 2.0 `name`). */
  resname?: string;
  source: Segment[];
  target?: Segment[];
  /** 1.2 `state` of the target (`translated`, `signed-off` …); 2.0 `state` of the segment (`translated`, `reviewed`, `final`). */
  state?: string;
  /** 1.2 `approved="yes"`. */
  approved?: boolean;
  notes: XliffNote[];
  /** Length limit (1.2 `maxwidth` with `size-unit`). */
  maxwidth?: { value: number; unit: string };
  /** The plural group the unit is one form of: its id and field. */
  group?: { id: string; resname?: string };
  /** Fingerprint of the target as content/ had it when exported (`exportedTarget` of export.ts). */
  exportedTarget?: string;
}

export interface XliffFile {
  /** The content file the targets are written to, e.g. `content/ui/ro.yaml`. */
  original: string;
  datatype: string;
  units: XliffUnit[];
}

export interface XliffDocument {
  version: XliffVersion;
  sourceLanguage: string;
  targetLanguage: string;
  /** Notes for the whole file (instructions). */
  notes: string[];
  files: XliffFile[];
}

const ns = { '1.2': 'urn:oasis:names:tc:xliff:document:1.2', '2.0': 'urn:oasis:names:tc:xliff:document:2.0' } as const;
const xmlNs = 'http://www.w3.org/XML/1998/namespace';
/** Our own namespace, for what XLIFF 2.0 lets a tool keep on a unit. */
const campaignKitNs = 'urn:campaign-kit:xliff';
const extradataPrefix = 'exported-target:';

/** The XLIFF document as text, indented (never inside a source or target, whose spaces are the text's). */
export function writeXliff(doc: XliffDocument): string {
  const v = doc.version;
  const xml = new DOMImplementation().createDocument(ns[v], 'xliff', null);
  const root = xml.documentElement as Element;
  root.setAttribute('version', v);
  if (v === '2.0') {
    root.setAttribute('srcLang', doc.sourceLanguage);
    root.setAttribute('trgLang', doc.targetLanguage);
    root.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:ck', campaignKitNs);
  }
  const el = (name: string, attrs: Record<string, string | undefined> = {}, children: (Node | string)[] = []) => {
    const e = xml.createElementNS(ns[v], name);
    for (const [k, value] of Object.entries(attrs)) if (value !== undefined) k === 'xml:space' ? e.setAttributeNS(xmlNs, k, value) : e.setAttribute(k, value);
    for (const c of children) e.appendChild(typeof c === 'string' ? xml.createTextNode(c) : c);
    return e;
  };
  const indent = (parent: Element, children: Node[], depth: number) => {
    for (const c of children) {
      parent.appendChild(xml.createTextNode(`\n${'  '.repeat(depth + 1)}`));
      parent.appendChild(c);
    }
    parent.appendChild(xml.createTextNode(`\n${'  '.repeat(depth)}`));
    return parent;
  };
  const inline = (segments: Segment[]): (Node | string)[] => {
    let n = 0;
    return segments.map((s) => {
      if (typeof s === 'string') return s;
      const id = String((s as Code & { id?: string }).id ?? ++n);
      if (v === '2.0') return el('ph', { id, disp: s.code, equiv: s.code });
      return s.kind === 'argument' ? el('x', { id, ctype: 'x-icu-argument', 'equiv-text': s.code }) : el('ph', { id, ctype: 'x-mdx-component' }, [s.code]);
    });
  };

  doc.files.forEach((file, fi) => {
    const children: Node[] = [];
    let group: { id: string; element: Element; units: Node[] } | undefined;
    const flush = () => {
      if (!group) return;
      children.push(indent(group.element, group.units, v === '2.0' ? 3 : 3));
      group = undefined;
    };
    for (const unit of file.units) {
      const node = v === '2.0' ? unit20(unit) : unit12(unit);
      if (unit.group) {
        if (group?.id !== unit.group.id) {
          flush();
          const attrs =
            v === '2.0' ? { id: unit.group.id, name: unit.group.resname } : { id: unit.group.id, resname: unit.group.resname, restype: 'x-icu-plural' };
          group = { id: unit.group.id, element: el('group', attrs), units: [] };
        }
        group.units.push(node);
      } else {
        flush();
        children.push(node);
      }
    }
    flush();
    if (v === '2.0') {
      const notes =
        doc.notes.length && fi === 0
          ? [
              indent(
                el('notes'),
                doc.notes.map((t) => el('note', { category: 'instructions' }, [t])),
                2,
              ),
            ]
          : [];
      root.appendChild(xml.createTextNode('\n  '));
      root.appendChild(indent(el('file', { id: `f${fi + 1}`, original: file.original }), [...notes, ...children], 1));
    } else {
      const header = indent(
        el('header'),
        [
          el('tool', { 'tool-id': 'campaign-kit', 'tool-name': 'campaign kit: npm run translations' }),
          ...doc.notes.map((t) => el('note', { from: 'campaign-kit' }, [t])),
        ],
        2,
      );
      const body = indent(el('body'), children, 2);
      root.appendChild(xml.createTextNode('\n  '));
      root.appendChild(
        indent(
          el('file', { original: file.original, 'source-language': doc.sourceLanguage, 'target-language': doc.targetLanguage, datatype: file.datatype }),
          [header, body],
          1,
        ),
      );
    }
  });
  root.appendChild(xml.createTextNode('\n'));

  function unit12(unit: XliffUnit): Element {
    const attrs: Record<string, string | undefined> = {
      id: unit.id,
      resname: unit.resname,
      'xml:space': 'preserve',
      ...(unit.approved ? { approved: 'yes' } : {}),
      ...(unit.maxwidth ? { maxwidth: String(unit.maxwidth.value), 'size-unit': unit.maxwidth.unit } : {}),
      ...(unit.exportedTarget ? { extradata: `${extradataPrefix}${unit.exportedTarget}` } : {}),
    };
    const parts: Node[] = [el('source', {}, inline(unit.source))];
    if (unit.target) parts.push(el('target', { state: unit.state }, inline(unit.target)));
    for (const note of unit.notes) parts.push(el('note', { from: note.from }, [note.text]));
    return indent(el('trans-unit', attrs), parts, v === '1.2' && unit.group ? 4 : 3);
  }
  function unit20(unit: XliffUnit): Element {
    const parts: Node[] = [];
    if (unit.notes.length)
      parts.push(
        indent(
          el('notes'),
          unit.notes.map((n) => el('note', { category: n.from }, [n.text])),
          unit.group ? 5 : 4,
        ),
      );
    const segment = [el('source', { 'xml:space': 'preserve' }, inline(unit.source))];
    if (unit.target) segment.push(el('target', { 'xml:space': 'preserve' }, inline(unit.target)));
    parts.push(indent(el('segment', { state: unit.state }), segment, unit.group ? 5 : 4));
    const element = el('unit', { id: unit.id, name: unit.resname });
    if (unit.exportedTarget) element.setAttributeNS(campaignKitNs, 'ck:exported-target', unit.exportedTarget);
    return indent(element, parts, unit.group ? 4 : 3);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(xml)}\n`;
}

/** A code as read from a target: its id (the source's code of that id is what goes back into the content). */
export interface CodeRef {
  ref: string;
  /** What the element was: `x`, `ph` … */
  element: string;
  /** The code's text as the element gives it (1.2 `equiv-text` or the text of `<ph>`, 2.0 `equiv` or `disp`), when it does. */
  text?: string;
}
export type ReadSegment = string | CodeRef;

export interface ReadUnit {
  id: string;
  /** Source codes by id, as the file has them (what the exporter wrote). */
  source: ReadSegment[];
  target?: ReadSegment[];
  state?: string;
  approved: boolean;
  notes: XliffNote[];
  /** The XLIFF `xml:lang` of the target, when it gives one. */
  targetLanguage?: string;
  /** Whether a <target> element is there at all (empty or not). */
  hasTarget: boolean;
  /** Fingerprint of the target at export (`exportedTarget`), when the tool kept it. */
  exportedTarget?: string;
  line?: number;
}

export interface ReadFile {
  original: string;
  /** XLIFF 1.2: the <file>'s languages. XLIFF 2.0 has them once, on <xliff> (ReadDocument). */
  sourceLanguage?: string;
  targetLanguage?: string;
  line?: number;
  units: ReadUnit[];
}

export interface ReadDocument {
  version: XliffVersion;
  /** XLIFF 2.0: `srcLang` and `trgLang` of <xliff>, and its line. */
  sourceLanguage?: string;
  targetLanguage?: string;
  line?: number;
  files: ReadFile[];
}

/** Thrown for a file that is not XML or not XLIFF 1.2 or 2.0, with every error the parser found. */
export class XliffSyntaxError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`not a readable XLIFF file: ${problems.join('; ')}`);
    this.name = 'XliffSyntaxError';
    this.problems = problems;
  }
}

const childElements = (node: Node): Element[] => {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
};
const named = (node: Node, name: string) => childElements(node).filter((e) => e.localName === name);
const textOf = (node: Node): string => {
  let out = '';
  for (let c = node.firstChild; c; c = c.nextSibling) out += c.nodeType === 3 || c.nodeType === 4 ? (c.nodeValue ?? '') : c.nodeType === 1 ? textOf(c) : '';
  return out;
};

/** Text and code references of a source or target. `<g>` and `<mrk>` are read through; `<bpt>`/`<ept>` pairs are codes too. */
function readInline(node: Node, unknown: string[]): ReadSegment[] {
  const out: ReadSegment[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 || c.nodeType === 4) out.push(c.nodeValue ?? '');
    else if (c.nodeType === 1) {
      const e = c as Element;
      const name = e.localName ?? '';
      if (['x', 'ph', 'bx', 'ex', 'bpt', 'ept', 'it', 'sc', 'ec'].includes(name)) {
        const text = e.getAttribute('equiv-text') || e.getAttribute('equiv') || e.getAttribute('disp') || textOf(e) || undefined;
        out.push({ ref: e.getAttribute('id') ?? '', element: name, ...(text ? { text } : {}) });
      } else if (['g', 'mrk', 'pc', 'sub'].includes(name)) out.push(...readInline(e, unknown));
      else unknown.push(name);
    }
  }
  // Adjacent text pieces as one.
  const merged: ReadSegment[] = [];
  for (const s of out) {
    const last = merged[merged.length - 1];
    if (typeof s === 'string' && typeof last === 'string') merged[merged.length - 1] = last + s;
    else merged.push(s);
  }
  return merged;
}

/** Reads an XLIFF 1.2 or 2.0 file. Throws XliffSyntaxError when it is not well-formed XML or not XLIFF. */
export function readXliff(text: string): ReadDocument {
  const problems: string[] = [];
  let xml: ReturnType<DOMParser['parseFromString']> | undefined;
  try {
    xml = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(String(message).split('\n')[0] ?? String(message));
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    // The fatal error was reported to onError too: say it once, with its place.
    problems.splice(problems.indexOf(message) >>> 0, 1);
    problems.push(`${message}${locator?.lineNumber ? ` (line ${locator.lineNumber}, column ${locator.columnNumber})` : ''}`);
  }
  if (problems.length || !xml?.documentElement) throw new XliffSyntaxError(problems.length ? [...new Set(problems)] : ['the file is empty']);
  const root = xml.documentElement;
  const version = root.getAttribute('version');
  if (root.localName !== 'xliff' || (version !== '1.2' && version !== '2.0')) {
    throw new XliffSyntaxError([`the root element is <${root.localName} version="${version ?? ''}">, not <xliff version="1.2"> or "2.0"`]);
  }
  const unknown: string[] = [];
  const files: ReadFile[] = [];
  const lineOf = (e: Element) => {
    const line = (e as { lineNumber?: number }).lineNumber;
    return typeof line === 'number' ? { line } : {};
  };
  for (const file of named(root, 'file')) {
    const units: ReadUnit[] = [];
    const walk = (node: Element) => {
      for (const e of childElements(node)) {
        if (e.localName === 'group' || e.localName === 'body') walk(e);
        else if (version === '1.2' && e.localName === 'trans-unit') {
          const target = named(e, 'target')[0];
          const source = named(e, 'source')[0];
          units.push({
            id: e.getAttribute('id') ?? '',
            source: source ? readInline(source, unknown) : [],
            ...(target ? { target: readInline(target, unknown) } : {}),
            ...(target?.getAttribute('state') ? { state: target.getAttribute('state') as string } : {}),
            ...(target?.getAttributeNS(xmlNs, 'lang') ? { targetLanguage: target.getAttributeNS(xmlNs, 'lang') as string } : {}),
            hasTarget: !!target,
            ...exported(new RegExp(`${extradataPrefix}([0-9a-f]+)`).exec(e.getAttribute('extradata') ?? '')?.[1]),
            approved: e.getAttribute('approved') === 'yes',
            notes: named(e, 'note').map((n) => ({ from: n.getAttribute('from') ?? '', text: textOf(n).trim() })),
            ...lineOf(e),
          });
        } else if (version === '2.0' && e.localName === 'unit') {
          const segments = named(e, 'segment');
          const targets = segments.map((s) => named(s, 'target')[0]).filter((t): t is Element => !!t);
          units.push({
            id: e.getAttribute('id') ?? '',
            source: segments.flatMap((s) => (named(s, 'source')[0] ? readInline(named(s, 'source')[0] as Element, unknown) : [])),
            ...(targets.length ? { target: targets.flatMap((t) => readInline(t, unknown)) } : {}),
            ...(segments[0]?.getAttribute('state') ? { state: segments[0].getAttribute('state') as string } : {}),
            hasTarget: targets.length > 0,
            ...exported(e.getAttributeNS(campaignKitNs, 'exported-target') ?? undefined),
            approved: false,
            notes: named(e, 'notes').flatMap((ns) => named(ns, 'note').map((n) => ({ from: n.getAttribute('category') ?? '', text: textOf(n).trim() }))),
            ...lineOf(e),
          });
        }
      }
    };
    walk(file);
    files.push({
      original: file.getAttribute('original') ?? '',
      ...(version === '1.2' ? { sourceLanguage: file.getAttribute('source-language') ?? '', targetLanguage: file.getAttribute('target-language') ?? '' } : {}),
      ...lineOf(file),
      units,
    });
  }
  if (unknown.length) throw new XliffSyntaxError([...new Set(unknown)].map((n) => `unknown element <${n}> inside a source or target`));
  return {
    version,
    ...(version === '2.0' ? { sourceLanguage: root.getAttribute('srcLang') ?? '', targetLanguage: root.getAttribute('trgLang') ?? '' } : {}),
    ...lineOf(root),
    files,
  };
}

const exported = (value: string | undefined) => (value ? { exportedTarget: value } : {});
