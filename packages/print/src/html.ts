import { pathToFileURL } from 'node:url';
import { colours } from '@repo/design';
import type { FontSet } from './fonts.ts';
import type { PrintJob } from './jobs.ts';
import type { TextMeasurer } from './measure.ts';
import { qrPathData, quietZoneModules } from './qr.ts';
import { layoutJob } from './render/layout.ts';
import { photoCrop } from './render/photo.ts';
import type { Child, El, Style } from './templates/h.ts';

const unitless = new Set(['fontWeight', 'lineHeight', 'flexGrow', 'flexShrink', 'zIndex', 'opacity']);

function css(style: Style, unit: string): string {
  return Object.entries(style)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${typeof v === 'number' && !unitless.has(k) ? `${v}${unit}` : v}`)
    .join(';');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The same poster as an HTML page (same element tree, same fonts, QR code as inline SVG), for the
 * benchmark against Chromium's page.pdf. Layout units become CSS points for print formats.
 */
export function posterHtml(job: PrintJob, fonts: FontSet, m: TextMeasurer): { html: string; width: number; height: number; unit: 'pt' | 'px' } {
  const { el, ctx } = layoutJob(job, m);
  const unit = ctx.g.unit;
  const qr = ctx.qrSize();
  const render = (node: Child): string => {
    if (typeof node === 'string') return escapeHtml(node);
    const kids = node.props.children;
    let inner = (Array.isArray(kids) ? kids : kids ? [kids] : []).map(render).join('');
    if (node.key === 'qr' && ctx.qr && qr) {
      const side = qr.outer;
      const d = qrPathData(ctx.qr, quietZoneModules * qr.module, quietZoneModules * qr.module, qr.module);
      inner = `<svg width="${side}${unit}" height="${side}${unit}" viewBox="0 0 ${side} ${side}"><path fill="${colours.ink.screen}" d="${d}"/></svg>`;
    }
    let style = node.props.style ?? {};
    if (node.key === 'photo' && job.photo) {
      // The photo's placeholder box shows the photo itself, cropped around its focus point.
      const { backgroundColor: _placeholder, ...rest } = style;
      style = rest;
      // The same crop as the PDF's: covering the box, cut around the focus point.
      const { left, top } = photoCrop(job.photo, Number(style.width), Number(style.height));
      inner = `<img src="${pathToFileURL(job.photo.path).href}" style="width:100%;height:100%;object-fit:cover;object-position:${-left}${unit} ${-top}${unit}">`;
    }
    return `<div style="${css(style, unit)}">${inner}</div>`;
  };
  const faces = fonts.files
    .map((f) => `@font-face{font-family:'${f.family}';font-weight:${f.weight};src:url(${pathToFileURL(f.path).href}) format('woff')}`)
    .join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${faces}
@page{size:${ctx.g.canvasW}${unit} ${ctx.g.canvasH}${unit};margin:0}html,body{margin:0;padding:0}</style></head><body>${render(el as El)}</body></html>`;
  return { html, width: ctx.g.canvasW, height: ctx.g.canvasH, unit };
}
