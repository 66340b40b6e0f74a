// The `linebreak` package (UAX #14, the Unicode line breaking algorithm) ships no types.
declare module 'linebreak' {
  /** A break opportunity: a line may start at `position` (UTF-16 offset); `required` after a hard line break. */
  export interface Break {
    position: number;
    required: boolean;
  }
  /** Walks the break opportunities of `text` in order; `nextBreak()` is null after the last (the end of the text). */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
