import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problem.ts';
import type { CompiledItem } from '../../src/content/schema.ts';
import { slideSeconds } from '../../src/schedule/seconds.ts';
import { buildOutput } from '../../tools/lib/compile.ts';
import { readFilm, type RawFilm } from '../../tools/lib/film-facts.ts';
import { judgeFilm, loadContentWithFilms } from '../../tools/lib/films.ts';
import { makeFilm } from '../../tools/lib/make-film.ts';
import { makeTestFilms, type TestFilms } from '../fixtures/films/make.ts';

const NOW = Date.parse('2026-09-01T00:00:00+08:00');
let films: TestFilms;
let root: string;

beforeAll(() => {
  films = makeTestFilms({
    'a.webm': { format: 'webm', seconds: 2.5, color: 'orange' },
    'b.mp4': { format: 'mp4', seconds: 4, color: 'green' },
    'silent.webm': { format: 'webm', seconds: 1, audio: false },
  }, 'a.webm');
  // A WebM with VP8 video: a container we read, a codec we refuse.
  makeFilm({ out: films.path('vp8.webm'), format: 'webm', seconds: 1, width: 160, height: 90, vp8: true });
  // H.264 the browser cannot decode: High 10 and 4:4:4.
  makeFilm({ out: films.path('high10.mp4'), format: 'mp4', seconds: 1, width: 160, height: 90, audio: false, pixFmt: 'yuv420p10le' });
  makeFilm({ out: films.path('yuv444.mp4'), format: 'mp4', seconds: 1, width: 160, height: 90, audio: false, pixFmt: 'yuv444p' });
  root = mkdtempSync(join(tmpdir(), 'sw-film-content-'));
});
afterAll(() => {
  films.remove();
  rmSync(root, { recursive: true, force: true });
});

/** A content folder with one screen and the given items (file → JSON text), films copied in. */
function folder(name: string, items: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'screens'), { recursive: true });
  mkdirSync(join(dir, 'items'), { recursive: true });
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'settings.json'), '{}');
  writeFileSync(join(dir, 'screens/gate.json'), '{ "id": "gate", "name": "Gate", "place": ["lvyuan"] }');
  for (const f of ['a.webm', 'b.mp4', 'silent.webm', 'poster.png']) cpSync(films.path(f), join(dir, 'assets', f));
  for (const [file, text] of Object.entries(items)) writeFileSync(join(dir, 'items', file), text);
  return dir;
}

describe('film facts (mediainfo.js)', () => {
  it('reads container, codecs, length and size of WebM and MP4', async () => {
    const a = await readFilm(films.path('a.webm'));
    expect(a).toMatchObject({ container: 'WebM', video: { format: 'VP9', width: 320, height: 180 }, audio: { format: 'Opus' } });
    expect(a.seconds).toBeCloseTo(2.5, 1);
    const b = await readFilm(films.path('b.mp4'));
    expect(b).toMatchObject({ container: 'MPEG-4', video: { format: 'AVC' }, audio: { format: 'AAC' } });
    expect(judgeFilm('b.mp4', b)).toMatchObject({ facts: { type: expect.stringMatching(/^video\/mp4; codecs="avc1\.[0-9A-F]{6}, mp4a\.40\.2"$/) } });
    expect(judgeFilm('s.webm', await readFilm(films.path('silent.webm')))).toMatchObject({ facts: { type: 'video/webm; codecs="vp9"' } });
  });

  it('reads profile, bit depth and chroma: H.264 High 10 and 4:4:4 are refused', async () => {
    expect(await readFilm(films.path('b.mp4'))).toMatchObject({ video: { profile: expect.stringMatching(/^(High|Main|Baseline|Constrained Baseline)\b/), bitDepth: 8, chroma: '4:2:0', fps: expect.any(Number) } });
    expect(judgeFilm('x.mp4', await readFilm(films.path('high10.mp4')))).toEqual({ error: { code: 'video-profile', params: { path: 'x.mp4', found: 'H.264 High 10, 10 bit' } } });
    expect(judgeFilm('x.mp4', await readFilm(films.path('yuv444.mp4')))).toEqual({ error: { code: 'video-profile', params: { path: 'x.mp4', found: 'H.264 High 4:4:4 Predictive, 4:4:4' } } });
  });
});

describe('judgeFilm', () => {
  const good: RawFilm = { container: 'WebM', video: { format: 'VP9', width: 1280, height: 720 }, audio: { format: 'Opus' }, seconds: 12.34, bytes: 5e6, bitrate: 2e6 };
  const rows: [string, string, Partial<RawFilm>, string[]][] = [
    ['a good WebM', 'f.webm', {}, []],
    ['VP8 in WebM', 'f.webm', { video: { format: 'VP8', width: 640, height: 360 } }, ['error video-codec']],
    ['Vorbis audio', 'f.webm', { audio: { format: 'Vorbis' } }, ['error video-codec']],
    ['an MP4 named .webm', 'f.webm', { container: 'MPEG-4' }, ['error video-unreadable']],
    ['not a film', 'f.mp4', { container: undefined, video: undefined }, ['error video-unreadable']],
    ['no video track', 'f.webm', { video: undefined }, ['error video-unreadable']],
    ['12 Mb/s', 'f.webm', { bitrate: 12e6 }, ['warning video-heavy']],
    ['4K', 'f.webm', { video: { format: 'VP9', width: 3840, height: 2160 } }, ['warning video-heavy']],
    ['300 MB', 'f.webm', { bytes: 300 * 2 ** 20 }, ['warning video-large']],
    ['60 frames a second', 'f.webm', { video: { format: 'VP9', width: 1280, height: 720, fps: 60 } }, ['warning video-heavy']],
    ['30 frames a second', 'f.webm', { video: { format: 'VP9', width: 1280, height: 720, fps: 30 } }, []],
    ['VP9 4:4:4 (profile 1)', 'f.webm', { video: { format: 'VP9', width: 1280, height: 720, chroma: '4:4:4' } }, ['error video-profile']],
    ['VP9 10-bit 4:2:0 (profile 2)', 'f.webm', { video: { format: 'VP9', width: 1280, height: 720, bitDepth: 10, chroma: '4:2:0' } }, []],
    ['H.264 High 4:2:2', 'f.mp4', { container: 'MPEG-4', audio: { format: 'AAC' }, video: { format: 'AVC', profile: 'High 4:2:2@L4', width: 1280, height: 720, chroma: '4:2:2' } }, ['error video-profile']],
    ['H.264 Main 8-bit', 'f.mp4', { container: 'MPEG-4', audio: { format: 'AAC' }, video: { format: 'AVC', profile: 'Main@L3.1', width: 1280, height: 720, bitDepth: 8, chroma: '4:2:0' } }, []],
  ];
  it.each(rows)('%s', (_, path, change, expected) => {
    const v = judgeFilm(path, { ...good, ...change });
    const got = 'error' in v ? [`error ${v.error.code}`] : v.warnings.map((w) => `warning ${w.code}`);
    expect(got).toEqual(expected);
  });
});

describe('films in the validator and the compiler', () => {
  it('reports missing, unreadable and refused films at the "video" value, in zh-Hant', async () => {
    const dir = folder('bad', {
      'missing.json': '{\n  "kind": "safety", "title": "甲",\n  "video": "assets/none.webm", "poster": "assets/poster.png"\n}',
      'fake.json': '{\n  "kind": "safety", "title": "乙",\n  "video": "assets/fake.mp4", "poster": "assets/poster.png"\n}',
      'vp8.json': '{\n  "kind": "safety", "title": "丙",\n  "video": "assets/vp8.webm", "poster": "assets/poster.png"\n}',
      'type.json': '{\n  "kind": "safety", "title": "丁",\n  "video": "assets/a.avi"\n}',
      'noposter.json': '{\n  "kind": "safety", "title": "戊",\n  "video": "assets/a.webm"\n}',
    });
    writeFileSync(join(dir, 'assets/fake.mp4'), 'not a film at all');
    cpSync(films.path('vp8.webm'), join(dir, 'assets/vp8.webm'));
    const c = await loadContentWithFilms(dir, { now: NOW });
    const lines = c.problems.map((p) => formatProblem(p, 'zh-Hant').replace(/^.*items\//, ''));
    expect(lines).toEqual([
      expect.stringMatching(/^fake\.json:3:12: 無法把影片 "assets\/fake\.mp4" 讀成 MP4 檔（not a film）/),
      'missing.json:3:12: 找不到影片 "assets/none.webm"，請確認檔案放在 content/ 裡並且名稱一致',
      'noposter.json:3:12: 警告：影片 "assets/a.webm" 沒有 "poster"，請加一張圖片，在影片開始前顯示',
      'type.json:3:12: "assets/a.avi" 不是螢幕能播放的影片，請用 .mp4（H.264 與 AAC）或 .webm（VP9 與 Opus）',
      'vp8.json:3:12: 影片 "assets/vp8.webm" 的格式是 VP8 + Opus；WebM 影片必須是 VP9 + Opus，請用這些設定重新匯出',
    ]);
    expect(c.items.map((i) => i.id)).toEqual(['noposter']);
  });

  it('publishes film and poster as content-addressed assets, with the film facts in the item', async () => {
    const dir = folder('good', {
      'film.json': '{ "kind": "health", "title": "短片", "video": "assets/a.webm", "poster": "assets/poster.png" }',
    });
    const built = await buildOutput({ contentDir: dir, now: NOW });
    expect(built.ok).toBe(true);
    const assets = built.manifest!.assets.map((a) => [a.path, a.type, a.url.replace(/[0-9a-f]{64}/, 'H')]);
    expect(assets).toEqual([['assets/a.webm', 'video/webm', 'assets/H.webm'], ['assets/poster.png', 'image/png', 'assets/H.png']]);
    const entry = built.manifest!.items[0]!;
    const item = JSON.parse(new TextDecoder().decode(built.files.get(entry.url))) as CompiledItem;
    expect(item).toMatchObject({ video: 'assets/a.webm', poster: 'assets/poster.png', film: { type: 'video/webm; codecs="vp9, opus"', width: 320, height: 180 } });
    expect(slideSeconds(item, 'zh-Hant')).toBe(3); // 2.5 s of film, rounded up
  });
});

describe('slideSeconds of a film', () => {
  const film = (seconds: number, extra: Partial<CompiledItem> = {}): CompiledItem =>
    ({ id: 'f', kind: 'safety', title: '很長的標題'.repeat(20), video: 'a.webm', film: { seconds, type: 'video/webm', width: 1, height: 1 }, ...extra });
  it.each([[12.2, 13], [30, 30], [0.4, 3], [95.5, 96]])('%s s of film → %s s on air, whatever the text', (s, expected) => {
    expect(slideSeconds(film(s), 'zh-Hant')).toBe(expected);
  });
  it('duration wins over the film', () => expect(slideSeconds(film(30, { duration: 10 }), 'zh-Hant')).toBe(10));
});
