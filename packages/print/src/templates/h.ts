import type { TextBox } from '../text-boxes.ts';

/** An element as satori takes it (the shape React elements have), built without JSX. */
export interface El {
  type: string;
  key?: string;
  props: {
    style?: Style;
    children?: Child | Child[];
    /** On a text block (templates/blocks.ts `textBox`): which text box it is, and the widest any of its lines may be. */
    text?: { box: TextBox; maxWidth: number };
  };
}
export type Child = El | string;
export type Style = Record<string, string | number>;

/** A flex box; width and height include padding (border-box), as the layouts compute them. */
export function div(style: Style, ...children: (Child | false | undefined)[]): El {
  const kids = children.filter((c): c is Child => c !== false && c !== undefined);
  return { type: 'div', props: { style: { display: 'flex', boxSizing: 'border-box', ...style }, children: kids } };
}

/** A box satori reports back by key (through onNodeDetected), e.g. the QR code's place. */
export function keyed(key: string, style: Style, ...children: Child[]): El {
  return { type: 'div', key, props: { style: { display: 'flex', boxSizing: 'border-box', ...style }, children } };
}
