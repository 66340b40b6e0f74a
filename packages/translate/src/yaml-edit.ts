// Writing one value into a YAML file without touching anything else: comments, key order, quoting,
// flow maps on one line or spread over several (as Prettier writes them) all stay as they are. The
// `yaml` package's Document API finds the node and its place in the text (its source range); the
// edit replaces that range, or inserts a new key beside its siblings in the same style. Re-stringifying
// the whole document would re-wrap flow maps and pad brackets.
import { isMap, isScalar, isSeq, type Node, parseDocument, Scalar } from 'yaml';

type Path = (string | number)[];

/** A scalar written so that YAML reads back exactly `value`: plain when that is safe where it goes, else double-quoted. */
function scalarText(value: string, flow: boolean, wasPlain: boolean): string {
  if (wasPlain && value.trim() === value && value !== '' && !value.includes('\n')) {
    const probe = flow ? `{k: ${value}}` : `k: ${value}\n`;
    const doc = parseDocument(probe);
    const back = doc.errors.length ? undefined : doc.get('k', true);
    if (isScalar(back) && back.value === value && back.type === Scalar.PLAIN) return value;
  }
  return JSON.stringify(value);
}

/** A key written so that YAML reads it back as `key`. */
function keyText(key: string | number): string {
  const text = String(key);
  return /^[A-Za-z0-9_.-]+$/.test(text) && !/^[0-9.-]+$/.test(text) ? text : JSON.stringify(text);
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
};

/** A new subtree for `rest` (keys under an existing map) holding `value`, in block style at `indent` or in flow style. */
function subtree(rest: Path, value: string, flow: boolean, indent: string): string {
  const [key, ...more] = rest;
  if (more.length === 0) return `${keyText(key as string)}: ${scalarText(value, flow, true)}`;
  if (flow) return `${keyText(key as string)}: { ${subtree(more, value, true, '')} }`;
  return `${keyText(key as string)}:\n${indent}  ${subtree(more, value, false, `${indent}  `)}`;
}

/** `source` with the string at `path` set to `value` (the path's maps are created when missing). */
export function setYamlString(source: string, path: Path, value: string): string {
  const doc = parseDocument(source, { keepSourceTokens: true });
  if (doc.errors.length) throw new Error(`cannot edit YAML with errors: ${doc.errors[0]?.message}`);
  const node = doc.getIn(path, true) as Node | undefined;
  if (node && isScalar(node)) {
    const [start, end] = node.range as [number, number, number];
    const parent = doc.getIn(path.slice(0, -1), true);
    const flow = (isMap(parent) || isSeq(parent)) && !!parent.flow;
    return source.slice(0, start) + scalarText(value, flow, node.type === Scalar.PLAIN) + source.slice(end);
  }
  if (node) throw new Error(`${path.join('.')} is not a text`);
  // The deepest map that exists on the path.
  let depth = path.length - 1;
  let parent: unknown = doc.getIn(path.slice(0, depth), true);
  while (depth > 0 && !isMap(parent)) parent = doc.getIn(path.slice(0, --depth), true);
  if (depth === 0) parent = doc.contents;
  if (!isMap(parent)) throw new Error(`no map to add ${path.join('.')} to`);
  const rest = path.slice(depth);
  const items = parent.items;
  const last = items[items.length - 1];
  const lastEnd = ((last?.value as Node | null)?.range ?? (last?.key as Node | null)?.range)?.[1];
  if (parent.flow) {
    const [open, close] = [parent.range?.[0] ?? 0, (parent.range?.[1] ?? 0) - 1];
    const inner = source.slice(open, close + 1);
    const entry = subtree(rest, value, true, '');
    if (!last || lastEnd === undefined) return `${source.slice(0, open + 1)} ${entry} ${source.slice(close)}`;
    if (inner.includes('\n')) {
      // Prettier's style: one entry per line, each followed by a comma.
      const indent = /^[ \t]*/.exec(source.slice(lineStart(source, lastEnd), lastEnd))?.[0] ?? '';
      const afterLast = source.slice(lastEnd, close);
      const comma = /^\s*,/.exec(afterLast);
      const at = comma ? lastEnd + comma[0].length : lastEnd;
      return `${source.slice(0, at)}${comma ? '' : ','}\n${indent}${entry},${source.slice(at)}`;
    }
    return `${source.slice(0, lastEnd)}, ${entry}${source.slice(lastEnd)}`;
  }
  if (!last || lastEnd === undefined) throw new Error(`cannot add to the empty map at ${path.slice(0, depth).join('.')}`);
  const keyStart = (last.key as Node).range?.[0] ?? 0;
  const indent = source.slice(lineStart(source, keyStart), keyStart);
  // After the last entry and anything nested in it (its value's full range), at the end of that line.
  const end = (last.value as Node | null)?.range?.[2] ?? lastEnd;
  const at = source[end - 1] === '\n' ? end : lineEnd(source, end) + 1;
  const entry = `${indent}${subtree(rest, value, false, indent)}\n`;
  return at > source.length ? `${source}\n${entry}` : source.slice(0, at) + entry + source.slice(at);
}

/** `source` without the key at `path` (and its line), when it is there. */
export function deleteYamlKey(source: string, path: Path): string {
  const doc = parseDocument(source, { keepSourceTokens: true });
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent) || parent.flow) return source;
  const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === path[path.length - 1]);
  if (!pair) return source;
  const start = lineStart(source, (pair.key as Node).range?.[0] ?? 0);
  const end = (pair.value as Node | null)?.range?.[2] ?? (pair.key as Node).range?.[2] ?? start;
  const stop = source[end - 1] === '\n' ? end : lineEnd(source, end) + 1;
  return source.slice(0, start) + source.slice(stop);
}
