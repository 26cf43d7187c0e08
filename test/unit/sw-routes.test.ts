import { describe, expect, it } from 'vitest';
import { classify } from '../../src/sw/routes.ts';

const SCOPE = new URL('https://kepu.example.org/');
const H = 'a'.repeat(64);

describe('the service worker\'s routes', () => {
  it.each([
    [`content/items/${H}.json`, 'immutable'],
    [`content/assets/${H}.svg`, 'immutable'],
    [`feeds/lvyuan/pages/${H}.json`, 'immutable'],
    [`feeds/lvyuan/assets/${H}.png`, 'immutable'],
    [`feeds/lvyuan/items/${'b'.repeat(63)}.json`, 'pass'],
    ['content/manifest.json', 'manifest'],
    ['feeds/xuanwu/manifest.json', 'manifest'],
    ['feeds/Bad_Id/manifest.json', 'pass'],
    ['assets/kiosk.js', 'pass'],
  ])('%s → %s', (path, kind) => expect(classify(new URL(path, SCOPE), 'no-cors', SCOPE)).toBe(kind));

  it('another origin\'s content-addressed files are served from the verified cache when there; the rest of it passes', () => {
    expect(classify(new URL(`https://other.example.org/feeds/x/assets/${H}.svg`), 'no-cors', SCOPE)).toBe('foreign');
    expect(classify(new URL(`https://cdn.example.org/lvyuan/items/${H}.json`), 'cors', SCOPE)).toBe('foreign');
    expect(classify(new URL('https://cdn.example.org/lvyuan/manifest.json'), 'cors', SCOPE)).toBe('pass');
    expect(classify(new URL(`https://cdn.example.org/lvyuan/assets/${'b'.repeat(63)}.png`), 'no-cors', SCOPE)).toBe('pass');
    expect(classify(new URL('https://cdn.example.org/'), 'navigate', SCOPE)).toBe('pass');
  });
});
