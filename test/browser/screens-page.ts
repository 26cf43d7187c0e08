/**
 * A page for screenshots (test/browser/screenshots.ts): the real kiosk on a compiled content
 * folder, with the content cut down to one item so that a chosen slide is on air.
 * URL: ?screen=<id>&at=<ISO>&item=<id> (item "none": the built-in card).
 */
import type { ContentSource } from '../../src/frame/content-set.ts';
import { startClock } from '../../src/app/clock.ts';
import { fetchContent } from '../../src/bridge/fetch-content.ts';
import { contentFrames } from '../../src/frame/content-frames.ts';
import '../../src/ui/kiosk-app.ts';

const q = new URLSearchParams(location.search);
const fetched = await fetchContent(new URL('content/', location.href));
const only = q.get('item');
const content = only ? { ...fetched, items: fetched.items.filter((i) => i.id === only) } : fetched;
const source: ContentSource = { current: () => content, subscribe: () => () => undefined };
const app = document.querySelector('kiosk-app')!;
app.screenId = q.get('screen') ?? undefined;
app.clock = startClock(Date.parse(q.get('at') ?? '2026-10-18T09:00:00+08:00'));
app.frames = contentFrames(source, app.screenId);
