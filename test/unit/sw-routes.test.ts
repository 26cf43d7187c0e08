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

  it('another origin\'s feed passes to the browser', () => {
    expect(classify(new URL(`https://other.example.org/feeds/x/assets/${H}.svg`), 'no-cors', SCOPE)).toBe('pass');
  });
});
