/**
 * The words of a slide as blocks (summary, body paragraphs, points) cut into pieces at the
 * places where a page may end. The fit controller packs pieces into pages; a page never ends
 * inside a piece.
 *
 * Levels of cutting, finer only when one piece alone is taller than a whole page at the
 * smallest font:
 *   0  sentences  (after 。！？；… or after . ! ? ; followed by a space)
 *   1  clauses    (also after ，、：or , : followed by a space)
 *   2  words / single CJK characters (never seen with real content)
 *   3  runs of at most 16 characters of a word too long for a page (the last resort: a
 *      pasted link, a row of dots)
 */

/** A paragraph of the slide's flowing text; `cls` is its CSS class (sum, body, pt). */
export interface Block {
  cls: string;
  text: string;
}

export interface Piece {
  cls: string;
  text: string;
  /** The first piece of its block (a page starting elsewhere continues a block). */
  first: boolean;
  /** The cutting level that produced it. */
  lv: number;
}

const CUTS = [
  /(?<=[。！？；…])|(?<=[.!?;]\s)/u,
  /(?<=[。！？；…，、：])|(?<=[.!?;,:]\s)/u,
];
const WORDS = /\s*[\x21-\x7e\u00a0-\u024f]+\s*|\s*\S\s*/gu;
const RUNS = /\s*[\x21-\x7e\u00a0-\u024f]{1,16}\s*|\s*\S\s*/gu;
const LAST = 3;

/**
 * One text cut at a level; joining the parts gives the text back.
 * @example split('登高前先熱身。結伴而行，帶足飲水。', 0) // ['登高前先熱身。', '結伴而行，帶足飲水。']
 */
export function split(text: string, level: number): string[] {
  const cut = CUTS[level];
  const parts = cut ? text.split(cut) : text.match(level === 2 ? WORDS : RUNS) ?? [text];
  return parts.filter((p) => p !== '');
}

/** Blocks as level-0 pieces. */
export function piecesOf(blocks: readonly Block[]): Piece[] {
  return blocks.flatMap((b) => pieces(b.cls, b.text, 0, true));
}

/**
 * A piece cut at the next level that cuts it in two or more (a sentence without commas goes
 * straight to words); itself when no level can.
 */
export function refine(p: Piece): Piece[] {
  for (let lv = p.lv + 1; lv <= LAST; lv++) {
    const finer = pieces(p.cls, p.text, lv, p.first);
    if (finer.length > 1) return finer;
  }
  return [p];
}

function pieces(cls: string, text: string, lv: number, first: boolean): Piece[] {
  return split(text, lv).map((t, i) => ({ cls, text: t, first: first && i === 0, lv }));
}
