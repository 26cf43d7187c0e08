/**
 * A small content folder with films, for the e2e tests (test/e2e/film-site.ts) and the bench
 * (tools/bench/films.ts): two films made by ffmpeg (A: WebM VP9/Opus, orange; B: MP4
 * H.264/AAC, yellow; 4 s each), their posters (their first frames), and a picture slide (pink),
 * all of kind "health" (the picture beside the text, in the same box on the three slides).
 * Bright colours on the dark slides: a black frame, or the slide showing through where a film
 * should be, stands out in a screenshot.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFilm, posterOf } from './make-film.ts';

export const FILM_SECONDS = 4;

export function filmItem(title: string, extra: Record<string, unknown>): string {
  return JSON.stringify({ kind: 'health', title, summary: '跟著短片做，記住三個動作。', ...extra });
}

/** Writes the film content into `dir` (replacing what is there); `scratch` holds a by-product. */
export function writeFilmContent(dir: string, scratch: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['screens', 'items/films', 'assets']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ syncInterval: 10 }));
  writeFileSync(join(dir, 'screens/gate.json'), JSON.stringify({ id: 'gate', name: '東門', place: ['lvyuan'], orientation: 'landscape' }));
  const films: [string, 'webm' | 'mp4', string][] = [['a.webm', 'webm', 'orange'], ['b.mp4', 'mp4', 'yellow']];
  for (const [name, format, color] of films) {
    makeFilm({ out: join(dir, 'assets', name), format, seconds: FILM_SECONDS, color, width: 640, height: 360, fps: 25 });
    posterOf(join(dir, 'assets', name), join(dir, 'assets', `${name}.png`));
  }
  makeFilm({ out: join(scratch, 'pink.webm'), format: 'webm', seconds: 1, color: 'pink', width: 640, height: 360, audio: false });
  posterOf(join(scratch, 'pink.webm'), join(dir, 'assets/pink.png'));
  writeFileSync(join(dir, 'items/films/a.json'), filmItem('短片甲', { video: 'assets/a.webm', poster: 'assets/a.webm.png', imageAlt: '橙色' }));
  writeFileSync(join(dir, 'items/films/b.json'), filmItem('短片乙', { video: 'assets/b.mp4', poster: 'assets/b.mp4.png', imageAlt: '黃色' }));
  writeFileSync(join(dir, 'items/films/c.json'), filmItem('圖片丙', { image: 'assets/pink.png', imageAlt: '粉色', duration: FILM_SECONDS }));
}
