/**
 * A site with films for the e2e tests: the built app (a FaultSite, so answers can be broken per
 * URL) with the film content of tools/lib/film-content.ts (two films, their posters and a
 * picture slide), published by the caller.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILM_SECONDS, filmItem, writeFilmContent } from '../../tools/lib/film-content.ts';
import { makeFilm, posterOf } from '../../tools/lib/make-film.ts';
import { FaultSite } from './fault-site.ts';

export function filmSite(): FaultSite {
  const site = new FaultSite('dist');
  const scratch = join(site.dir, 'scratch');
  mkdirSync(scratch, { recursive: true });
  writeFilmContent(site.content, scratch);
  return site;
}

/** Replaces film A by another film (sky blue) of the same length: a new version of the set. */
export function changeFilmA(site: FaultSite): void {
  makeFilm({ out: join(site.content, 'assets/a2.webm'), format: 'webm', seconds: FILM_SECONDS, color: 'skyblue', width: 640, height: 360 });
  posterOf(join(site.content, 'assets/a2.webm'), join(site.content, 'assets/a2.webm.png'));
  writeFileSync(join(site.content, 'items/films/a.json'), filmItem('短片甲', { video: 'assets/a2.webm', poster: 'assets/a2.webm.png', imageAlt: '天藍色' }));
}
