/**
 * Whether an SVG picture is safe to put on a screen's origin: no script in any form. An SVG
 * opened by its own URL is a document that runs its scripts with the kiosk's origin (where it
 * could reach the store), so the compiler refuses, with a located error, any SVG that holds
 * <script>, an event handler attribute (onload=…), <foreignObject> (HTML inside), embedded
 * frames or objects, a `javascript:` link, CSS that imports or runs code, or a DOCTYPE with
 * entities (which can also blow up a parser). Parsed with @xmldom/xmldom: nothing is run.
 *
 * @example unsafeSvg('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') // 'onload'
 */
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';

const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener', 'frame', 'frameset', 'applet', 'meta', 'link', 'base']);
const SCRIPT_URL = /^\s*(javascript|vbscript|data:\s*text\/html)/i;
const LINK_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'to', 'from', 'values', 'by']);
const BAD_CSS = /@import|javascript:|expression\s*\(|-moz-binding|behavior\s*:/i;

/** The first unsafe thing found (an element or attribute name, or 'not SVG'), or undefined when safe. */
export function unsafeSvg(text: string): string | undefined {
  if (/<!DOCTYPE[^>]*\[/i.test(text) || /<!ENTITY/i.test(text)) return '<!ENTITY>';
  let broken = false;
  let root: XmlElement | null;
  try {
    const doc = new DOMParser({ onError: (level) => { if (level !== 'warning') broken = true; } }).parseFromString(text, 'image/svg+xml');
    root = doc.documentElement;
  } catch {
    return 'not SVG'; // a fatal parse error
  }
  if (broken || !root || (root.localName ?? '').toLowerCase() !== 'svg') return 'not SVG';
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const name = (el.localName ?? el.nodeName).toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(name)) return `<${el.nodeName}>`;
    if (name === 'style' && BAD_CSS.test(el.textContent ?? '')) return '<style>';
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      const attr = a.name.toLowerCase();
      if (attr.startsWith('on')) return a.name;
      if (LINK_ATTRS.has(attr) && SCRIPT_URL.test(a.value)) return `${a.name}="${a.value.trim().slice(0, 11)}…"`;
      if (attr === 'style' && BAD_CSS.test(a.value)) return 'style';
      // <set>/<animate> that write a link or a handler at run time.
      if (attr === 'attributename' && /^(on|href$|xlink:href$)/i.test(a.value)) return `attributeName="${a.value}"`;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) stack.push(c as unknown as XmlElement);
  }
  return undefined;
}
