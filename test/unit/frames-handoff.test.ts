import { describe, expect, it } from 'vitest';
import { saveHandoff, takeHandoff } from '../../src/bridge/frames-handoff.ts';
import type { FramesReply } from '../../src/frame/frames-for.ts';

/** A Storage in memory (Node has none), with a switch that makes it refuse writes (full). */
function memoryStorage() {
  const m = new Map<string, string>();
  return {
    full: false,
    getItem: (k: string) => m.get(k) ?? null,
    setItem(k: string, v: string) {
      if (this.full) throw new DOMException('full', 'QuotaExceededError');
      m.set(k, v);
    },
    removeItem: (k: string) => void m.delete(k),
    size: () => m.size,
  };
}

const T = Date.parse('2026-10-18T09:00:00+08:00');
const reply: FramesReply = {
  version: 'v1', from: T, until: T + 3_600_000, frames: [{ from: T, frame: null }], screens: [], assets: {}, syncInterval: 60,
};

describe('frames handed from a page to the one that replaces it', () => {
  it('gives the next page the frames of its screen, once', () => {
    const s = memoryStorage();
    saveHandoff(s, 'lvyuan-gate', reply);
    expect(takeHandoff(s, 'lvyuan-gate', T + 60_000)).toEqual(reply);
    expect(takeHandoff(s, 'lvyuan-gate', T + 60_000)).toBeUndefined();
  });

  it.each([
    ['another screen', 'qingxi-corridor', T],
    ['an instant after the frames end', 'lvyuan-gate', T + 3_600_000],
    ['an instant before they begin', 'lvyuan-gate', T - 1],
  ])('gives nothing for %s, and drops them', (_what, screen, now) => {
    const s = memoryStorage();
    saveHandoff(s, 'lvyuan-gate', reply);
    expect(takeHandoff(s, screen, now)).toBeUndefined();
    expect(s.size()).toBe(0);
  });

  it('survives damaged or refused storage: nothing handed, no throw', () => {
    const s = memoryStorage();
    s.setItem('science-window:frames', '{not json');
    expect(takeHandoff(s, 'lvyuan-gate', T)).toBeUndefined();
    s.setItem('science-window:frames', JSON.stringify({ format: 1, screen: 'lvyuan-gate', reply: { ...reply, frames: 'x' } }));
    expect(takeHandoff(s, 'lvyuan-gate', T)).toBeUndefined();
    // Frames of another shape (an older app wrote them before this format): not drawn.
    s.setItem('science-window:frames', JSON.stringify({ format: 0, screen: 'lvyuan-gate', reply }));
    expect(takeHandoff(s, 'lvyuan-gate', T)).toBeUndefined();
    s.full = true;
    expect(() => saveHandoff(s, 'lvyuan-gate', reply)).not.toThrow();
    expect(takeHandoff(s, 'lvyuan-gate', T)).toBeUndefined();
  });
});
