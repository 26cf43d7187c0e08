/**
 * A page for screenshots (test/browser/screenshots.ts): the real kiosk on a compiled content
 * folder, with the content cut down to one item so that a chosen slide is on air.
 * URL: ?screen=<id>&at=<ISO>&item=<id> (item "none": the built-in card).
 */
import type { ContentSource } from '../../src/app/active-content.ts';
import { startClock } from '../../src/app/clock.ts';
import { fetchContent } from '../../src/app/fetch-content.ts';
import { localScenes } from '../../src/app/local-scenes.ts';
import '../../src/ui/kiosk-app.ts';

const q = new URLSearchParams(location.search);
const content = await fetchContent(new URL('content/', location.href));
const only = q.get('item');
if (only) content.items = content.items.filter((i) => i.id === only);
const source: ContentSource = { current: () => content, subscribe: () => () => undefined };
const app = document.querySelector('kiosk-app')!;
app.screenId = q.get('screen') ?? undefined;
app.clock = startClock(Date.parse(q.get('at') ?? '2026-10-18T09:00:00+08:00'));
app.scenes = localScenes(source, app.screenId);
