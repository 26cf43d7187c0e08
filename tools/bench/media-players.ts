/**
 * Chromium's media players of a page, counted through the DevTools protocol's Media domain: a
 * player is made for each <video> that loads a source and holds its demuxer and decoders until
 * it is destroyed. Players made less players destroyed is what a page holds; the ones that
 * reported a video decoder are the decoders alive. For the films bench (./films.ts).
 */
import type { CDPSession } from 'playwright-core';

export interface MediaTally {
  /** Players made since the tally began. */
  made: number;
  /** Players destroyed (the element let its source go, or was collected). */
  destroyed: number;
  /** Players alive now. */
  alive: number;
  /** Players alive now that have opened a video decoder. */
  decoders: number;
}

export async function mediaPlayers(cdp: CDPSession): Promise<() => MediaTally> {
  const made = new Set<string>();
  const destroyed = new Set<string>();
  const decoding = new Set<string>();
  cdp.on('Media.playerCreated', (e) => void made.add(e.player.playerId));
  cdp.on('Media.playerEventsAdded', (e) => {
    made.add(e.playerId);
    if (e.events.some((x) => /destroy/i.test(x.value))) destroyed.add(e.playerId);
  });
  cdp.on('Media.playerPropertiesChanged', (e) => {
    made.add(e.playerId);
    if (e.properties.some((p) => /VideoDecoderName/i.test(p.name) && p.value)) decoding.add(e.playerId);
  });
  await cdp.send('Media.enable');
  return () => {
    const alive = [...made].filter((id) => !destroyed.has(id));
    return { made: made.size, destroyed: destroyed.size, alive: alive.length, decoders: alive.filter((id) => decoding.has(id)).length };
  };
}
