/**
 * SVG posters are refused at build time when they could run script on the kiosk's origin
 * (an SVG opened by its own URL is a document), with a located error; plain SVG passes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../tools/lib/load-content.ts';
import { unsafeSvg } from '../../tools/lib/svg-safety.ts';

const svg = (body: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs}>${body}</svg>`;

describe('unsafeSvg', () => {
  it.each([
    ['<script>', svg('<script>alert(1)</script>')],
    ['a script in a namespace prefix', svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>')],
    ['onload on the root', svg('', ' onload="alert(1)"')],
    ['an upper-case handler', svg('<rect ONCLICK="alert(1)"/>')],
    ['onbegin on an animation', svg('<animate onbegin="alert(1)" attributeName="x" dur="1s"/>')],
    ['<foreignObject> with HTML', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>')],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><text>x</text></a>')],
    ['a javascript: xlink with spaces', svg('<a xlink:href="  JavaScript:alert(1)"><text>x</text></a>')],
    ['<set> writing a link', svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>')],
    ['<animate> writing a handler', svg('<rect><animate attributeName="onclick" values="alert(1)"/></rect>')],
    ['an <iframe>', svg('<iframe src="https://example.org"/>')],
    ['an <embed>', svg('<embed src="x.swf"/>')],
    ['CSS @import', svg('<style>@import url(https://evil.example/x.css);</style>')],
    ['a javascript: URL in a style attribute', svg('<rect style="fill:url(javascript:alert(1))"/>')],
    ['entities (billion laughs)', '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'],
    ['HTML, not SVG', '<html><body><script>alert(1)</script></body></html>'],
    ['broken XML', '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>'],
    ['a javascript: link behind a control character', svg('<a href="&#1;javascript:alert(1)"><text>x</text></a>')],
    ['a javascript: link split by a newline', svg('<a href="javas&#10;cript:alert(1)"><text>x</text></a>')],
    ['an xlink under another prefix', svg('<a xmlns:x="http://www.w3.org/1999/xlink" x:href="javascript:alert(1)"><text>x</text></a>')],
    ['a prefixed attributeName', svg('<a><set attributeName="xlink:href" to="javascript:alert(1)"/><text>x</text></a>')],
    ['javascript: later in a values list', svg('<a><animate attributeName="x" values="#a;javascript:alert(1)"/><text>x</text></a>')],
    ['an xml-stylesheet (XSLT) instruction', '<?xml-stylesheet type="text/xsl" href="x.svg"?>' + svg('<rect/>')],
    ['an XSLT element inside', svg('<xsl:value-of xmlns:xsl="http://www.w3.org/1999/XSL/Transform" select="."/>')],
    ['an XHTML element inside', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>')],
    ['another declared encoding', '<?xml version="1.0" encoding="ISO-2022-JP"?>' + svg('<rect/>')],
    ['an escape character (ISO-2022 tricks)', svg('<text>\u001b$B</text>')],
  ])('refuses %s', (_name, text) => {
    expect(unsafeSvg(text)).toBeDefined();
  });

  it.each([
    ['shapes, text and a gradient', svg('<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect fill="url(#g)" width="10" height="10"/><text>登高</text>')],
    ['a local link and an embedded PNG', svg('<use href="#a"/><image href="data:image/png;base64,iVBORw0KGgo="/>')],
    ['plain CSS', svg('<style>.a { fill: #c00; }</style><circle class="a" r="4"/>')],
    ['an animation of a shape', svg('<circle r="4"><animate attributeName="r" values="4;6;4" dur="2s"/></circle>')],
  ])('accepts %s', (_name, text) => {
    expect(unsafeSvg(text)).toBeUndefined();
  });

  it('refuses bytes that are not UTF-8 (a GBK poster)', () => {
    expect(unsafeSvg(new Uint8Array([...Buffer.from(svg('<text>')), 0xb5, 0xc7, ...Buffer.from('</text>')]))).toBe('not UTF-8');
  });

  it('accepts every poster of the sample content', () => {
    const dir = 'content/assets';
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.svg'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(unsafeSvg(readFileSync(join(dir, f))), f).toBeUndefined();
  });
});

describe('the validator and an unsafe poster', () => {
  it('refuses the item at its "image" key, in both languages, and keeps the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-svg-'));
    try {
      cpSync('test/fixtures/valid', dir, { recursive: true });
      writeFileSync(join(dir, 'assets/evil.svg'), svg('<script>alert(document.domain)</script>'));
      const itemFile = join(dir, 'items', (readdirSync(join(dir, 'items'), { recursive: true }) as string[]).find((f) => f.endsWith('.json'))!);
      const item = JSON.parse(readFileSync(itemFile, 'utf8'));
      writeFileSync(itemFile, JSON.stringify({ ...item, image: 'assets/evil.svg', imageAlt: 'x' }, null, 2));
      const r = loadContent(dir);
      const bad = r.problems.filter((p) => p.code === 'image-unsafe');
      expect(bad).toHaveLength(1);
      expect(bad[0]).toMatchObject({ severity: 'error', line: expect.any(Number), col: expect.any(Number) });
      expect(bad[0]!.line).toBeGreaterThan(1);
      expect(r.items.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
