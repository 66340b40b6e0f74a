import satori from '/work/main/node_modules/satori/dist/index.js';
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
const dir = '/work/main/node_modules/@fontsource/noto-sans/files/';
const subsets = ['latin','latin-ext','cyrillic','cyrillic-ext','greek','greek-ext'];
const fonts = subsets.flatMap(s => [400,800].map(w => ({ name: `Noto-${s}`, data: readFileSync(`${dir}noto-sans-${s}-${w}-normal.woff`), weight: w, style: 'normal' })));
const fk = Object.fromEntries([400,800].map(w => [w, subsets.map(s => fontkit.create(readFileSync(`${dir}noto-sans-${s}-${w}-normal.woff`)))]));
const fam = subsets.map(s=>`Noto-${s}`).join(', ');
function measure(text: string, w: number, size: number) {
  const chain = fk[w];
  let total = 0; let run = ''; let runFont: any = null;
  const flush = () => { if (run) { const r = runFont.layout(run); total += r.advanceWidth / runFont.unitsPerEm * size; } run = ''; };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const f = chain.find((f: any) => f.hasGlyphForCodePoint(cp));
    if (!f) throw new Error('no glyph ' + ch);
    if (f !== runFont) { flush(); runFont = f; }
    run += ch;
  }
  flush();
  return total;
}
const h = (type, style, ...children) => ({ type, props: { style, children } });
const strings = ['Hello world', 'AVATAR Tomorrow WAVE', 'Șțăî Привет Γειά σου — „quote”', 'Трафикът на деца е наша обща отговорност.', 'Η εμπορία παιδιών είναι κοινή μας ευθύνη', '116 000'];
for (const w of [400, 800]) for (const s of strings) {
  const nodes: any[] = [];
  await satori(h('div', { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', alignItems: 'flex-start', fontFamily: fam, fontWeight: w },
    h('div', { fontSize: 100, whiteSpace: 'nowrap', display: 'flex' }, s)), { width: 5000, height: 300, fonts, onNodeDetected: n => nodes.push(n) });
  console.log(w, s, nodes[1].width, measure(s, w, 100).toFixed(2), nodes[1].height);
}
