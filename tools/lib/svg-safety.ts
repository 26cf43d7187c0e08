/**
 * Whether an SVG picture is safe to put on a screen's origin: no script in any form. An SVG
 * opened by its own URL is a document that runs its scripts with the kiosk's origin (where it
 * could reach the store), so the compiler refuses, with a located error, any SVG that holds
 * <script>, an event handler attribute (onload=…), <foreignObject> (HTML inside), embedded
 * frames or objects, an element outside the SVG namespace (XSLT, XHTML), a processing
 * instruction (<?xml-stylesheet?>), a `javascript:` link in any spelling a browser accepts,
 * CSS that imports or runs code, a DOCTYPE with entities, or bytes that are not UTF-8 (a
 * browser would read another encoding differently). Parsed with @xmldom/xmldom: nothing runs.
 *
 * @example unsafeSvg(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')) // 'onload'
 */
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { decodeUtf8 } from './utf8.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener', 'frame', 'frameset', 'applet', 'meta', 'link', 'base']);
const SCRIPT_URL = /^(javascript|vbscript|data:text\/html)/i;
const LINK_NAMES = new Set(['href', 'src', 'action', 'formaction', 'to', 'from', 'values', 'by']);
const BAD_CSS = /@import|javascript:|expression\s*\(|-moz-binding|behavior\s*:/i;
// C0 controls other than tab, LF and CR: no picture needs them, and they hide things.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** A URL as a browser reads it: tabs and newlines removed, leading controls and spaces dropped. */
const asUrl = (v: string) => v.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '').replace(/\s+/g, '');

/** The first unsafe thing found (an element or attribute, or why it is not a plain SVG), or undefined when safe. */
export function unsafeSvg(bytes: Uint8Array | string): string | undefined {
  const decoded = typeof bytes === 'string' ? { ok: true as const, text: bytes } : decodeUtf8(bytes);
  if (!decoded.ok) return 'not UTF-8';
  const text = decoded.text;
  if (CONTROLS.test(text)) return 'control characters';
  const decl = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)/i.exec(text);
  if (decl && decl[1]!.toLowerCase() !== 'utf-8') return `encoding="${decl[1]}"`;
  if (/<!DOCTYPE[^>]*\[/i.test(text) || /<!ENTITY/i.test(text)) return '<!ENTITY>';
  let broken = false;
  let root: XmlElement | null;
  try {
    const doc = new DOMParser({ onError: (level) => { if (level !== 'warning') broken = true; } }).parseFromString(text, 'image/svg+xml');
    for (let n = doc.firstChild; n; n = n.nextSibling) if (n.nodeType === 7) return '<?…?>';
    root = doc.documentElement;
  } catch {
    return 'not SVG'; // a fatal parse error
  }
  if (broken || !root || root.localName !== 'svg' || root.namespaceURI !== SVG_NS) return 'not SVG';
  const stack: XmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 7) return '<?…?>';
    if (node.nodeType !== 1) continue;
    const el = node as XmlElement;
    const name = (el.localName ?? el.nodeName).toLowerCase();
    if (el.namespaceURI !== SVG_NS) return `<${el.nodeName}>`;
    if (FORBIDDEN_ELEMENTS.has(name)) return `<${el.nodeName}>`;
    if (name === 'style' && BAD_CSS.test(el.textContent ?? '')) return '<style>';
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      const local = (a.localName ?? a.name).toLowerCase();
      const ns = a.namespaceURI;
      if (a.name.toLowerCase().startsWith('xmlns')) continue;
      if (local.startsWith('on')) return a.name;
      const link = LINK_NAMES.has(local) && (ns === null || ns === XLINK_NS || ns === '');
      if (link && a.value.split(';').some((part) => SCRIPT_URL.test(asUrl(part)))) return `${a.name}="javascript:…"`;
      if (ns !== null && ns !== '' && ns !== XLINK_NS && ns !== 'http://www.w3.org/XML/1998/namespace') return a.name;
      if (local === 'style' && BAD_CSS.test(a.value)) return 'style';
      // <set>/<animate> that write a link or a handler at run time (attributeName may be prefixed).
      if (local === 'attributename' && /^(on|href$)/i.test(a.value.replace(/^[^:]*:/, '').trim())) return `attributeName="${a.value}"`;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) stack.push(c);
  }
  return undefined;
}
