/**
 * Reads a film's container, codecs, length, frame size and bitrate with MediaInfoLib
 * (mediainfo.js, WebAssembly), a chunk at a time: a 300 MB film is never read whole.
 * Pure judgement of those facts is in ./films.ts.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import mediaInfoFactory, { type MediaInfo, type MediaInfoResult } from 'mediainfo.js';

/** What MediaInfo says about a film, in the few words the validator needs. */
export interface RawFilm {
  container: string | undefined;
  video: {
    format: string; profile?: string; level?: string; width: number; height: number;
    /** Bits per sample (8 for what every screen decodes), '4:2:0'-style chroma, frames a second. */
    bitDepth?: number; chroma?: string; fps?: number;
  } | undefined;
  audio: { format: string } | undefined;
  seconds: number;
  bytes: number;
  /** Bits per second over the whole file. */
  bitrate: number;
}

let instance: Promise<MediaInfo<'object'>> | undefined;

/** One MediaInfo for the process (its start costs about 0.3 s). */
function mediaInfo(): Promise<MediaInfo<'object'>> {
  instance ??= mediaInfoFactory({ format: 'object', chunkSize: 256 * 1024 });
  return instance;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? NaN));
const optional = <K extends string>(key: K, n: number) => (Number.isFinite(n) && n > 0 ? { [key]: n } as Record<K, number> : {});

export function rawFilm(result: MediaInfoResult, bytes: number): RawFilm {
  const tracks = result.media?.track ?? [];
  const general = tracks.find((t) => t['@type'] === 'General');
  const video = tracks.find((t) => t['@type'] === 'Video');
  const audio = tracks.find((t) => t['@type'] === 'Audio');
  const seconds = num(general?.Duration ?? video?.Duration);
  const overall = num(general && 'OverallBitRate' in general ? general.OverallBitRate : NaN);
  return {
    container: typeof general?.Format === 'string' ? general.Format : undefined,
    video: video && video['@type'] === 'Video' ? {
      format: String(video.Format ?? '?'),
      profile: video.Format_Profile === undefined ? undefined : String(video.Format_Profile),
      level: video.Format_Level === undefined ? undefined : String(video.Format_Level),
      width: num(video.Width) || 0,
      height: num(video.Height) || 0,
      ...optional('bitDepth', num(video.BitDepth)),
      ...(typeof video.ChromaSubsampling === 'string' ? { chroma: video.ChromaSubsampling } : {}),
      ...optional('fps', num(video.FrameRate)),
    } : undefined,
    audio: audio ? { format: String(audio.Format ?? '?') } : undefined,
    seconds: Number.isFinite(seconds) ? seconds : 0,
    bytes,
    bitrate: Number.isFinite(overall) ? overall : seconds > 0 ? (bytes * 8) / seconds : 0,
  };
}

/** The facts of the film at `abs`; throws when the file cannot be read at all. */
export async function readFilm(abs: string): Promise<RawFilm> {
  const mi = await mediaInfo();
  const fd = openSync(abs, 'r');
  try {
    const size = fstatSync(fd).size;
    const result = await mi.analyzeData(size, (length, offset) => {
      const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      const n = readSync(fd, buf, 0, buf.byteLength, offset);
      return buf.subarray(0, n);
    });
    return rawFilm(result, size);
  } finally {
    closeSync(fd);
  }
}
