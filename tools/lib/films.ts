/**
 * Films at build time: each item's `video` is read (./film-facts.ts) and judged. An MP4 must
 * hold H.264 video (AAC audio, if any), a WebM VP9 video (Opus audio, if any), in a profile the
 * browser decodes (8-bit 4:2:0 H.264; VP9 4:2:0); anything else,
 * or a file that is not a film, is an error and the item is left out. A film a weak box will
 * not play smoothly (over 8 Mb/s, over 30 frames a second, or larger than 1920×1080) or that
 * takes long to download
 * (over 200 MB) is a warning. The facts travel in the compiled item as `film`.
 */
import { join, normalize } from 'node:path';
import type { CompiledItem, FilmFacts } from '../../src/content/schema.ts';
import { sortProblems } from '../../src/content/problem.ts';
import { readFilm, type RawFilm } from './film-facts.ts';
import { type LoadedContent, loadContent, type LoadOptions, ProblemSink } from './load-content.ts';

export const FILM_MAX_BITRATE = 8_000_000;
export const FILM_MAX_PIXELS = 1920 * 1080;
export const FILM_MAX_BYTES = 200 * 1024 * 1024;
export const FILM_MAX_FPS = 30;

interface Rule { container: string; video: string; audio: string; mime: string; name: string }
const RULES: Record<string, Rule> = {
  mp4: { container: 'MPEG-4', video: 'AVC', audio: 'AAC', mime: 'video/mp4', name: 'MP4' },
  webm: { container: 'WebM', video: 'VP9', audio: 'Opus', mime: 'video/webm', name: 'WebM' },
};

/** H.264 profile names as MediaInfo writes them → profile_idc and constraint byte (RFC 6381). */
const AVC_PROFILES: Record<string, string> = {
  'Constrained Baseline': '42E0', Baseline: '4200', Main: '4D40', High: '6400',
};

export type FilmVerdict =
  | { facts: FilmFacts; warnings: { code: string; params: Record<string, string | number> }[] }
  | { error: { code: string; params: Record<string, string | number> } };

function codecs(raw: RawFilm, rule: Rule): string {
  const a = raw.audio ? (rule.audio === 'AAC' ? 'mp4a.40.2' : 'opus') : '';
  let v = 'vp9';
  if (rule.video === 'AVC') {
    const profile = AVC_PROFILES[raw.video?.profile?.split('@')[0] ?? ''] ?? '42E0';
    const level = Math.round(Number(raw.video?.level ?? '3') * 10) || 30;
    v = `avc1.${profile}${level.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return a ? `${v}, ${a}` : v;
}

/**
 * What in a film's video a screen's browser cannot decode, in words ('H.264 High 10, 10 bit'), or
 * nothing. Chromium decodes H.264 Constrained Baseline, Baseline, Main and High, 8-bit 4:2:0 only
 * (High 10, 4:2:2 and 4:4:4 play black or not at all); VP9 in 4:2:0 (profiles 0 and 2; not the
 * 4:4:4 profiles 1 and 3). A fact MediaInfo does not report is not held against the film.
 */
function decodable(video: NonNullable<RawFilm['video']>, rule: Rule): string | undefined {
  const profile = video.profile?.split('@')[0];
  const bad: string[] = [];
  if (rule.video === 'AVC' && profile && !(profile in AVC_PROFILES)) bad.push(`H.264 ${profile}`);
  if (rule.video === 'AVC' && (video.bitDepth ?? 8) > 8) bad.push(`${video.bitDepth} bit`);
  if (video.chroma && video.chroma !== '4:2:0') bad.push(video.chroma);
  return bad.length > 0 ? bad.join(', ') : undefined;
}

/** Judges the facts of a film named `path` (its extension says what it must be). */
export function judgeFilm(path: string, raw: RawFilm): FilmVerdict {
  const ext = path.toLowerCase().split('.').pop() ?? '';
  const rule = RULES[ext];
  if (!rule) return { error: { code: 'bad-video-type', params: { value: path } } };
  if (raw.container !== rule.container || !raw.video) {
    const detail = raw.container ? `${raw.container}${raw.video ? '' : ', no video'}` : 'not a film';
    return { error: { code: 'video-unreadable', params: { path, container: rule.name, detail } } };
  }
  const found = [raw.video.format, raw.audio?.format].filter(Boolean).join(' + ');
  if (raw.video.format !== rule.video || (raw.audio && raw.audio.format !== rule.audio)) {
    return { error: { code: 'video-codec', params: { path, container: rule.name, found, expected: `${rule.video} + ${rule.audio}` } } };
  }
  const unplayable = decodable(raw.video, rule);
  if (unplayable) return { error: { code: 'video-profile', params: { path, found: unplayable } } };
  const warnings: { code: string; params: Record<string, string | number> }[] = [];
  const { width, height, fps = 0 } = raw.video;
  if (raw.bitrate > FILM_MAX_BITRATE || width * height > FILM_MAX_PIXELS || fps > FILM_MAX_FPS) {
    const rate = fps > FILM_MAX_FPS ? `, ${Math.round(fps)} fps` : '';
    warnings.push({ code: 'video-heavy', params: { path, found: `${width}×${height}, ${(raw.bitrate / 1e6).toFixed(1)} Mb/s${rate}`, max: `1920×1080, 8 Mb/s, ${FILM_MAX_FPS} fps` } });
  }
  if (raw.bytes > FILM_MAX_BYTES) {
    warnings.push({ code: 'video-large', params: { path, size: `${(raw.bytes / 2 ** 20).toFixed(0)} MB`, max: '200 MB' } });
  }
  const seconds = Math.round(raw.seconds * 1000) / 1000;
  return { facts: { seconds, type: `${rule.mime}; codecs="${codecs(raw, rule)}"`, width, height }, warnings };
}

/**
 * Reads and judges every film of the loaded content: items whose film is refused are left
 * out (the error says why), the others gain `film`. Problems are merged and sorted again.
 */
export async function withFilms(content: LoadedContent): Promise<LoadedContent> {
  const sink = new ProblemSink();
  const items: CompiledItem[] = [];
  for (const item of content.items) {
    if (item.video === undefined) {
      items.push(item);
      continue;
    }
    const sf = content.itemFiles.get(item.id);
    const add = (severity: 'error' | 'warning', p: { code: string; params: Record<string, string | number> }) =>
      sink.add(sf?.file ?? item.id, sf?.source, { path: ['video'], severity, ...p });
    let verdict: FilmVerdict;
    try {
      verdict = judgeFilm(item.video, await readFilm(join(content.dir, normalize(item.video))));
    } catch (e) {
      verdict = { error: { code: 'video-unreadable', params: { path: item.video, container: 'film', detail: e instanceof Error ? e.message : String(e) } } };
    }
    if ('error' in verdict) add('error', verdict.error);
    else {
      verdict.warnings.forEach((w) => add('warning', w));
      items.push({ ...item, film: verdict.facts });
    }
  }
  if (sink.list.length === 0 && items.length === content.items.length && !items.some((i, k) => i !== content.items[k])) return content;
  return { ...content, items, problems: sortProblems([...content.problems, ...sink.list]) };
}

/** loadContent, then the films read and judged (what the compiler, validate and plan use). */
export async function loadContentWithFilms(dir: string, options: LoadOptions = {}): Promise<LoadedContent> {
  return withFilms(loadContent(dir, options));
}
