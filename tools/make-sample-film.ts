/**
 * Makes the sample safety film and its poster in content/assets/safety/ (committed; run again
 * only to change them): an earthquake-drill title card, VP9 + Opus, 640×360, 8 s.
 *
 *   npx tsx tools/make-sample-film.ts
 */
import { join } from 'node:path';
import { makeFilm, posterOf } from './lib/make-film.ts';

const dir = 'content/assets/safety';
const film = join(dir, 'earthquake-drill.webm');
makeFilm({
  out: film, format: 'webm', seconds: 8, color: '0x9a3412', bitrate: '60k', fps: 12, fast: false,
  text: ['地震演練', '伏地 遮擋 手抓牢', '5月12日 全國防災減災日'],
});
posterOf(film, join(dir, 'earthquake-drill.jpg'));
console.log(`wrote ${film} and its poster`);
