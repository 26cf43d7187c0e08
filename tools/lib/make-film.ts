/**
 * Small films made with Debian's ffmpeg (`apt-get install ffmpeg`; .ci/run installs it): the
 * sample film in content/ (tools/make-sample-film.ts) and the tests' films, made at test time
 * into a temp folder. A film is a plain colour (or a test pattern) with an optional line of
 * text burnt in, in Noto Sans CJK (fonts-noto-cjk), and an optional tone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FFMPEG = process.env.FFMPEG_PATH ?? (existsSync('/usr/bin/ffmpeg') ? '/usr/bin/ffmpeg' : 'ffmpeg');

export interface FilmSpec {
  out: string;
  seconds: number;
  /** webm: VP9 + Opus; mp4: H.264 + AAC (faststart). */
  format: 'webm' | 'mp4';
  width?: number;
  height?: number;
  fps?: number;
  /** An ffmpeg colour ('0x2a6f97', 'orange') or 'pattern' for a moving test pattern. */
  color?: string;
  /** Lines burnt in, centred (CJK welcome). */
  text?: string[];
  audio?: boolean;
  /** Video bitrate, e.g. '200k'. */
  bitrate?: string;
  /** WebM with VP8 instead of VP9 (a codec the validator refuses; for tests). */
  vp8?: boolean;
  /** The H.264 pixel format (default yuv420p; yuv420p10le or yuv444p make films the validator refuses, for tests). */
  pixFmt?: string;
  /** false: take the time to encode small (the committed sample); default: fast (tests). */
  fast?: boolean;
}

function run(args: string[]): void {
  const r = spawnSync(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.error) throw new Error(`ffmpeg: ${r.error.message} (install it: apt-get install ffmpeg)`);
  if (r.status !== 0) throw new Error(`ffmpeg failed (${r.status}): ${r.stderr.trim()}`);
}

/** Makes the film `spec.out`. */
export function makeFilm(spec: FilmSpec): void {
  const { seconds: d, width = 640, height = 360, fps = 25 } = spec;
  const scratch = mkdtempSync(join(tmpdir(), 'film-text-'));
  try {
    const source = spec.color === 'pattern' ? `testsrc2=s=${width}x${height}:r=${fps}:d=${d}` : `color=c=${spec.color ?? '0x2a6f97'}:s=${width}x${height}:r=${fps}:d=${d}`;
    const lines = spec.text ?? [];
    const longest = Math.max(1, ...lines.map((l) => [...l].length));
    const size = Math.round(Math.min(height / (lines.length + 3), (width * 0.85) / longest));
    const draw = lines.map((line, i) => {
      const file = join(scratch, `${i}.txt`);
      writeFileSync(file, line);
      const y = `(h-${lines.length}*${Math.round(size * 1.4)})/2+${i * Math.round(size * 1.4)}`;
      return `drawtext=textfile=${file}:font='Noto Sans CJK TC':fontsize=${size}:fontcolor=white:x=(w-text_w)/2:y=${y}`;
    });
    const args = ['-f', 'lavfi', '-i', source];
    if (spec.audio !== false) args.push('-f', 'lavfi', '-i', `sine=f=440:d=${d}`);
    if (draw.length) args.push('-vf', draw.join(','));
    if (spec.format === 'webm') {
      args.push('-c:v', spec.vp8 ? 'libvpx' : 'libvpx-vp9', '-b:v', spec.bitrate ?? '150k', '-deadline', spec.fast === false ? 'good' : 'realtime', '-cpu-used', spec.fast === false ? '2' : '8', '-row-mt', '1');
      if (spec.audio !== false) args.push('-c:a', 'libopus', '-b:a', '24k');
    } else {
      args.push('-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', spec.pixFmt ?? 'yuv420p', '-b:v', spec.bitrate ?? '300k', '-movflags', '+faststart');
      if (spec.audio !== false) args.push('-c:a', 'aac', '-b:a', '32k');
    }
    args.push('-t', String(d), spec.out);
    run(args);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The film's frame at `seconds` as a picture (.png, .jpg: by the name) (a poster that matches the film's first frame). */
export function posterOf(film: string, out: string, seconds = 0): void {
  run(['-ss', String(seconds), '-i', film, '-frames:v', '1', ...(out.endsWith('.jpg') ? ['-q:v', '4'] : []), out]);
}
