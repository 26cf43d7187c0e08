/** npm start's table of URLs lines up however the screens are named. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { columns } from '../../tools/lib/cli.ts';

describe('columns', () => {
  it('starts every second column at the same terminal column (Chinese counts two, spaces one)', () => {
    const lines = columns([
      ['kiosk  綠園社區 東門櫥窗', 'http://localhost:4173/?screen=lvyuan-gate'],
      ['kiosk  Lobby', 'http://localhost:4173/?screen=lobby'],
      ['kiosk  青溪社區3號樓走廊（北）', 'http://localhost:4173/?screen=qingxi'],
      ['preview', 'http://localhost:4173/preview.html'],
    ]);
    const at = lines.map((l) => stringWidth(l.slice(0, l.indexOf('http'))));
    expect(new Set(at).size).toBe(1);
    expect(at[0]).toBe(2 + stringWidth('kiosk  青溪社區3號樓走廊（北）') + 2);
  });
});
