/**
 * Files with one 10 MB string: as a value, a key, a text in a language, a link, unclosed…
 * Each should be checked in well under a second (`npm run bench`, hostile section, measures it),
 * but one: a string of five million escapes is slow in the parser (jsonc-parser's scanner builds
 * it piece by piece), not in our code, and has a larger budget.
 */
import type { BrokenFile } from './mutations.ts';

const MB10 = 10_500_000;

export function hugeFiles(): (BrokenFile & { budgetMs: number })[] {
  const a = 'a'.repeat(MB10);
  const cjk = '長'.repeat(MB10 / 2);
  const files: [string, string][] = [
    ['title', `{"kind":"health","title":"${a}"}`],
    ['kind', `{"kind":"${a}","title":"x"}`],
    ['key', `{"kind":"health","title":"x","${a}":1}`],
    ['text key', `{"kind":"health","title":{"${a}":"x"}}`],
    ['nested text', `{"kind":"health","title":{"en":"${cjk}"}}`],
    ['link', `{"kind":"health","title":"x","link":"https://example.org/${a}"}`],
    ['image', `{"kind":"health","title":"x","image":"${a}"}`],
    ['date', `{"kind":"health","title":"x","when":{"from":"${a}"}}`],
    ['where', `{"kind":"health","title":"x","where":["${a}"]}`],
    ['unclosed', `{"kind":"health","title":"${a}`],
    ['escapes', `{"kind":"health","title":"${'\\n'.repeat(MB10 / 2)}"}`],
  ];
  const enc = new TextEncoder();
  return files.map(([label, text]) => ({
    kind: 'item', label: `10 MB ${label}`, bytes: enc.encode(text), budgetMs: label === 'escapes' ? 6000 : 1000,
  }));
}
