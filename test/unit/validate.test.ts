import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problem.ts';
import { loadContent } from '../../tools/lib/load-content.ts';

const BROKEN = 'test/fixtures/broken';
const NOW = Date.parse('2026-09-01T00:00:00+08:00');

function lines(dir: string, lang: 'en' | 'zh-Hant' = 'en'): string[] {
  return loadContent(dir, { now: NOW }).problems.map((p) => formatProblem(p, lang));
}

/** One broken fixture per error class: the exact file:line:col and message. */
const CASES: [string, string[]][] = [
  ['json-trailing-comma', ['items/tip.json:3:17: JSON syntax error: remove this comma: JSON allows none before "}" or "]"']],
  // One slip, one error: the parser's second complaint follows from the first.
  ['json-full-width-comma', ['items/tip.json:2:19: JSON syntax error: unexpected character (the full-width "，" must be the ASCII ",")']],
  ['json-duplicate-key', ['items/tip.json:4:3: the key "title" appears twice in this object; keep one']],
  ['unknown-key', ['items/tip.json:3:3: unknown key "titel"; did you mean "title"?']],
  ['missing-key', ['items/tip.json:1:1: the required key "title" is missing']],
  ['wrong-type', ['items/tip.json:4:15: expected a number, found text "30"']],
  ['unknown-kind', ['items/tip.json:2:11: unknown value "heath"; did you mean "health"?']],
  ['unknown-season', ['items/tip.json:4:25: unknown value "autum"; did you mean "autumn"?']],
  ['unknown-solar-term', ['items/tip.json:4:28: unknown value "qinming"; did you mean "qingming"?']],
  ['unknown-festival', ['items/tip.json:4:27: unknown value "chongyan"; did you mean "chongyang"?']],
  ['unknown-observance', ['items/tip.json:4:29: unknown observance "fire-safty-day"; did you mean "fire-safety-day"?']],
  ['impossible-date', ['items/tip.json:4:21: "2026-02-30" is not a real date']],
  ['until-before-from', ['items/tip.json:6:14: "until" (2026-10-05) is before "from" (2026-10-15)']],
  ['bad-time', ['items/tip.json:4:33: "6:30" is not a time; write it as "HH:mm", e.g. "06:30"']],
  ['image-missing', ['items/tip.json:4:12: the picture "assets/fire.svg" does not exist under content/']],
  ['image-outside', ['items/tip.json:4:12: the picture "../secret.png" is outside the content folder; put it under content/assets/']],
  ['link-not-http', ['items/tip.json:4:11: "ftp://example.org/form" is not a web address; links must start with http:// or https://']],
  ['screen-id-mismatch', ['items/:1:1: warning: there is no item in content/items/: the screens will show only the day card (date, lunar date, solar term); is this the right folder?', 'screens/lobby.json:2:9: the screen id "lobby-1" must equal the file name "lobby"']],
  ['duplicate-observance-key', ['items/:1:1: warning: there is no item in content/items/: the screens will show only the day card (date, lunar date, solar term); is this the right folder?', 'settings.json:4:14: the observance key "reading-day" is already used by observance no. 1 in this list']],
  ['where-no-screen', ['items/tip.json:4:13: no screen has "lvyan" in its place or tags; did you mean "lvyuan"?']],
  ['missing-locale-text', ['items/tip.json:3:12: warning: no en text in 1 field(s) (title) for screen "gate", which shows en: it shows the zh-Hant text there; add "en" to translate']],
  ['traditional-on-simplified', ['items/tip.json:3:12: warning: 2 field(s) (title, points[1]) have Traditional characters and no zh-Hans text: screen "gate", which shows zh-Hans, would mix scripts; add "zh-Hans", or set "simplifiedFromTraditional": true in settings.json to convert at build time']],
  ['event-ends-before-starts', ['items/event.json:6:13: the event ends (2026-12-12T08:00:00+08:00) before it starts (2026-12-12T09:00:00+08:00)']],
  ['never-shown', ['items/tip.json:4:25: warning: this item can never be shown: "weekdays" is an empty list']],
  // Only an emergency alert with neither "expires" nor "when.until" (ends.json, until.json and high.json have no warning).
  ['emergency-no-end', ['items/tip.json:4:15: warning: this emergency alert has neither "expires" nor "when" "until": it lights every screen it targets, night after night, until it is withdrawn; give it an end, e.g. "expires": "2026-12-05T20:00:00+08:00"']],
  ['feed-id-duplicate', ['settings.json:5:13: feed "lvyuan" is already delegated (feed no. 1 in this list); give each feed an id of its own']],
  ['feed-url-overlap', [
    'settings.json:5:30: feed "lvyuan": "../feeds/xuanwu/lvyuan" is, holds or sits inside the folder of feed "xuanwu" ("../feeds/xuanwu/"); give each feed a folder of its own, e.g. "../feeds/lvyuan/" (a screen clears from each feed\'s folder the files that feed does not use, so the folders must not overlap)',
    'settings.json:7:26: feed "up": "../" is the content folder, inside it or above it; give the feed a folder of its own beside content/, e.g. "../feeds/up/" (a screen clears from each feed\'s folder the files that feed does not use, so the folders must not overlap)',
  ]],
];

describe('validator: one broken fixture per error class', () => {
  it.each(CASES)('%s', (name, expected) => {
    expect(lines(`${BROKEN}/${name}`)).toEqual(expected.map((l) => `${BROKEN}/${name}/${l}`));
  });

  it('speaks Traditional Chinese to editors', () => {
    expect(lines(`${BROKEN}/unknown-key`, 'zh-Hant')).toEqual([`${BROKEN}/unknown-key/items/tip.json:3:3: 不認識的欄位 "titel"，是不是要寫 "title"？`]);
    expect(lines(`${BROKEN}/json-full-width-comma`, 'zh-Hant')[0]).toBe(
      `${BROKEN}/json-full-width-comma/items/tip.json:2:19: JSON 格式錯誤：無法辨識的字元（全形「，」要改成半形「,」）`);
    expect(lines(`${BROKEN}/impossible-date`, 'zh-Hant')).toEqual([`${BROKEN}/impossible-date/items/tip.json:4:21: "2026-02-30" 不是真實存在的日期`]);
  });

  it('after a full-width comma, a second real slip is still reported', () => {
    const d = mkdtempSync(join(tmpdir(), 'sw-fw-'));
    cpSync(`${BROKEN}/json-full-width-comma`, d, { recursive: true });
    writeFileSync(join(d, 'items/tip.json'), '{\n  "kind": "health"，\n  "title": "多喝水",\n}\n');
    expect(lines(d).map((l) => l.replace(/^.*?items\//, 'items/'))).toEqual([
      'items/tip.json:2:19: JSON syntax error: unexpected character (the full-width "，" must be the ASCII ",")',
      'items/tip.json:3:17: JSON syntax error: remove this comma: JSON allows none before "}" or "]"',
    ]);
    rmSync(d, { recursive: true, force: true });
  });

  it('warns of a folder with no items or no screens (the wrong folder, most likely)', () => {
    const d = mkdtempSync(join(tmpdir(), 'sw-empty-'));
    expect(loadContent(d).problems.map((p) => [p.severity, p.code, p.file.split('/').slice(-2).join('/')])).toEqual([
      ['warning', 'no-items', 'items/'], ['warning', 'no-screens', 'screens/'],
    ]);
    rmSync(d, { recursive: true, force: true });
  });

  it('keeps the valid files of a folder with a broken one', () => {
    const content = loadContent(`${BROKEN}/screen-id-mismatch`);
    expect(content.screens.map((s) => s.id)).toEqual(['gate']);
  });
});

describe('validator: checks that need generated files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-validate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('warns about a picture over 1 MB but does not fail', () => {
    cpSync(`${BROKEN}/image-missing`, join(dir, 'big'), { recursive: true });
    writeFileSync(join(dir, 'big/poster.png'), Buffer.alloc(1_300_000));
    writeFileSync(join(dir, 'big/items/tip.json'), '{\n  "kind": "safety",\n  "title": "防火",\n  "image": "poster.png",\n  "imageAlt": "海報"\n}\n');
    const content = loadContent(join(dir, 'big'));
    expect(content.problems.map((p) => [p.severity, p.code, p.line, p.col, p.params.size])).toEqual([
      ['warning', 'image-large', 4, 12, '1.2 MB'],
    ]);
    expect(content.items.map((i) => i.id)).toEqual(['tip']);
  });

  it('refuses item ids that differ only in case (they collide on Windows and macOS disks)', () => {
    const d = join(dir, 'case');
    cpSync(`${BROKEN}/never-shown/screens`, join(d, 'screens'), { recursive: true });
    mkdirSync(join(d, 'items'));
    writeFileSync(join(d, 'items/Tip.json'), '{ "kind": "health", "title": "多喝水" }');
    writeFileSync(join(d, 'items/tip.json'), '{ "kind": "health", "title": "多喝水" }');
    const content = loadContent(d);
    expect(content.problems.map((p) => [p.file.endsWith('items/tip.json'), p.code, p.params.id])).toEqual([[true, 'duplicate-id', 'tip']]);
    expect(content.items.map((i) => i.id)).toEqual(['Tip']);
  });
});

describe('npm run validate', () => {
  const run = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync('npx', ['tsx', 'tools/validate.ts', ...args], { encoding: 'utf8' }) };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };

  it('exits 0 on the sample content', () => {
    const { code, out } = run('content', '--lang', 'en');
    expect(out).toMatch(/^0 error\(s\)/m);
    expect(code).toBe(0);
  });

  it('exits 1 with located messages on a broken folder', () => {
    const { code, out } = run(`${BROKEN}/unknown-key`, '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toContain(`${BROKEN}/unknown-key/items/tip.json:3:3: unknown key "titel"; did you mean "title"?`);
  });
});
