/**
 * The words of a slide as blocks (summary, body paragraphs, points) cut into pieces at the
 * places where a page may end. The fit controller packs pieces into pages; a page never ends
 * inside a piece.
 *
 * Levels of cutting, finer only when one piece alone is taller than a whole page at the
 * smallest font:
 *   0  sentences  (after 。！？；… or after . ! ? ; followed by a space)
 *   1  clauses    (also after ，、：or , : followed by a space)
 *   2  words / single CJK characters (the last resort; never seen with real content)
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
const ATOMS = /\s*[\x21-\x7e\u00a0-\u024f]+\s*|\s*\S\s*/gu;

/**
 * One text cut at a level; joining the parts gives the text back.
 * @example split('登高前先熱身。結伴而行，帶足飲水。', 0) // ['登高前先熱身。', '結伴而行，帶足飲水。']
 */
export function split(text: string, level: number): string[] {
  const cut = CUTS[level];
  const parts = cut ? text.split(cut) : text.match(ATOMS) ?? [text];
  return parts.filter((p) => p !== '');
}

/** Blocks as level-0 pieces. */
export function piecesOf(blocks: readonly Block[]): Piece[] {
  return blocks.flatMap((b) => pieces(b.cls, b.text, 0, true));
}

/** A piece cut one level finer (itself when it cannot be cut further). */
export function refine(p: Piece): Piece[] {
  return p.lv >= 2 ? [p] : pieces(p.cls, p.text, p.lv + 1, p.first);
}

function pieces(cls: string, text: string, lv: number, first: boolean): Piece[] {
  return split(text, lv).map((t, i) => ({ cls, text: t, first: first && i === 0, lv }));
}
