/**
 * The content model: ONE definition (valibot) from which come
 *  - the TypeScript types (`Item`, `Screen`, `Settings`, …),
 *  - the runtime validator, used by the compiler and again by the screen on every synced item,
 *  - the JSON Schema files for editors (`npm run schema`, written to public/schema/).
 *
 * Messages given to valibot here are issue codes (see ./issue-codes.ts); the words that editors
 * read live in ./messages.ts, in English and Traditional Chinese.
 */
import * as v from 'valibot';
import {
  FESTIVALS, KINDS, LOCALES, ORIENTATIONS, PRIORITIES, SEASONS, SEASON_SYSTEMS, SOLAR_TERMS,
  STATUSES,
} from './keys.ts';

/** A real Gregorian date "YYYY-MM-DD" (2026-02-30 is refused). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** An ISO date-time with an explicit offset, e.g. "2026-12-12T09:00:00+08:00". */
export function isDateTime(s: string): boolean {
  const m = DATE_TIME_RE.exec(s);
  return m !== null && isRealDate(m[1]!);
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty-text'));

/** "YYYY-MM-DD", inclusive, in the settings' time zone. */
export const DateString = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'bad-date-format'),
  v.check(isRealDate, 'impossible-date'),
);
export const DateTimeString = v.pipe(v.string(), v.check(isDateTime, 'bad-datetime'));
/** A day ("YYYY-MM-DD" in the settings' zone) or an instant (ISO date-time with offset). */
export const DayOrInstant = v.pipe(
  v.string(),
  v.check((s) => isDateTime(s) || /^\d{4}-\d{2}-\d{2}$/.test(s), 'bad-date-or-datetime'),
  v.check((s) => isRealDate(s.slice(0, 10)), 'impossible-date'),
);
export const TimeString = v.pipe(v.string(), v.regex(TIME_RE, 'bad-time'));

/** Plain text for every locale, or one text per locale. Never HTML. */
export const LocalText = v.union([
  NonEmpty,
  v.pipe(
    v.strictObject({
      'zh-Hant': v.optional(NonEmpty),
      'zh-Hans': v.optional(NonEmpty),
      en: v.optional(NonEmpty),
    }),
    v.check((o) => Object.keys(o).length > 0, 'empty-local-text'),
  ),
]);

/** A path relative to content/, e.g. "assets/autumn/climb.svg". Existence is checked by the validator. */
export const AssetPath = v.pipe(
  v.string(),
  v.regex(/\.(png|jpe?g|webp|svg)$/i, 'bad-image-type'),
);

/**
 * A film, relative to content/: MP4 (H.264 video, AAC audio) or WebM (VP9 video, Opus audio).
 * The validator reads its codecs, length and bitrate at build time (tools/lib/films.ts).
 */
export const FilmPath = v.pipe(
  v.string(),
  v.regex(/\.(mp4|webm)$/i, 'bad-video-type'),
);

/** What the compiler read from a film; the slide stays on air for `seconds` unless `duration` says otherwise. */
export const FilmFacts = v.strictObject({
  seconds: v.pipe(v.number(), v.minValue(0)),
  /** The MIME type with codecs, e.g. 'video/webm; codecs="vp9, opus"'. */
  type: v.string(),
  width: v.pipe(v.number(), v.integer(), v.minValue(0)),
  height: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The longest link, in UTF-8 bytes, that the build can draw as a QR code (level M holds 2,331). */
export const LINK_MAX_BYTES = 2000;

const utf8 = new TextEncoder();

export const HttpUrl = v.pipe(
  v.string(),
  v.check((s) => s.length <= LINK_MAX_BYTES && utf8.encode(s).length <= LINK_MAX_BYTES, 'link-too-long'),
  v.check((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'bad-link'),
);

export const HoursRange = v.strictObject({ from: TimeString, until: TimeString });

export const When = v.strictObject({
  from: v.optional(DayOrInstant),
  until: v.optional(DayOrInstant),
  seasons: v.optional(v.array(v.picklist(SEASONS))),
  solarTerms: v.optional(v.array(v.picklist(SOLAR_TERMS))),
  festivals: v.optional(v.array(v.picklist(FESTIVALS))),
  /** Observance keys; built-in ones or those settings.json defines (checked by the validator). */
  observances: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'bad-key')))),
  around: v.optional(
    v.strictObject({
      before: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(90))),
      after: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(90))),
    }),
  ),
  weekdays: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7)))),
  hours: v.optional(v.array(HoursRange)),
});

export const EventInfo = v.strictObject({
  starts: DateTimeString,
  ends: DateTimeString,
  place: v.optional(LocalText),
  /** Days before `starts` from which the event is announced (default: settings.eventLeadDays, 14). */
  lead: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365))),
});

const itemEntries = {
  $schema: v.optional(v.string()),
  kind: v.picklist(KINDS),
  title: LocalText,
  summary: v.optional(LocalText),
  points: v.optional(v.array(LocalText)),
  body: v.optional(LocalText),
  image: v.optional(AssetPath),
  imageAlt: v.optional(LocalText),
  /** A film played muted on the slide, in the picture's place (see FilmPath). */
  video: v.optional(FilmPath),
  /** The picture shown until the film's first frame (and whenever the film cannot play). */
  poster: v.optional(AssetPath),
  link: v.optional(HttpUrl),
  linkLabel: v.optional(LocalText),
  /** Who issued it: the meeting, office or organiser. */
  source: v.optional(LocalText),
  /** The day it was issued or the meeting was held, shown on policy slides. */
  date: v.optional(DateString),
  /** Marks sample or demonstration content; the slide says so. */
  sample: v.optional(v.boolean()),
  when: v.optional(When),
  where: v.optional(v.array(v.pipe(v.string(), v.minLength(1, 'empty-text')))),
  priority: v.optional(v.picklist(PRIORITIES)),
  status: v.optional(v.picklist(STATUSES)),
  duration: v.optional(v.pipe(v.number(), v.minValue(3), v.maxValue(600))),
  event: v.optional(EventInfo),
  expires: v.optional(DayOrInstant),
};

/** A content item as an editor writes it in content/items/**.json. */
export const ItemSchema = v.strictObject(itemEntries);

/**
 * An item as the compiler publishes it (items/<sha256>.json): the editor's fields plus the id
 * (path under content/items/ without .json) and, for items with a link, the QR code drawn at
 * build time (a path into the manifest's assets).
 */
export const CompiledItemSchema = v.strictObject({
  ...itemEntries,
  id: v.pipe(v.string(), v.minLength(1)),
  qr: v.optional(v.string()),
  /** The film's facts, read at build time, for items with a video. */
  film: v.optional(FilmFacts),
});

export const ScreenHours = v.strictObject({
  on: TimeString,
  off: TimeString,
  /** ISO weekdays the screen is on (1 = Monday … 7 = Sunday); default every day. */
  weekdays: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7)))),
});

export const ScreenSchema = v.strictObject({
  $schema: v.optional(v.string()),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'bad-screen-id')),
  name: LocalText,
  /** Place path, district > street > community, e.g. ["xuanwu", "yingshijie", "lvyuan"]. */
  place: v.array(v.pipe(v.string(), v.minLength(1, 'empty-text'))),
  /** Display names for the place segments, e.g. {"lvyuan": "綠園社區"}. */
  placeNames: v.optional(v.record(v.string(), LocalText)),
  tags: v.optional(v.array(v.pipe(v.string(), v.minLength(1, 'empty-text')))),
  orientation: v.optional(v.picklist(ORIENTATIONS)),
  locale: v.optional(v.picklist(LOCALES)),
  hours: v.optional(ScreenHours),
  /**
   * Whether an emergency alert lights the screen outside its hours (default true). false where
   * a law or a neighbour forbids light at night: the screen stays dark until its hours.
   */
  wake: v.optional(v.boolean()),
  /** The delegated feeds this screen plays (ids from settings.json "feeds"); default every feed whose scope covers it. */
  feeds: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'bad-key')))),
});

const ObservanceRule = v.union([
  /** A fixed day every year: "MM-DD". */
  v.strictObject({
    key: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'bad-key')),
    name: LocalText,
    date: v.pipe(v.string(), v.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'bad-month-day')),
  }),
  /** The nth (1–5, or -1 for last) ISO weekday of a month, e.g. the third Saturday of September. */
  v.strictObject({
    key: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'bad-key')),
    name: LocalText,
    month: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
    weekday: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7)),
    nth: v.pipe(v.number(), v.integer(), v.minValue(-1), v.maxValue(5)),
  }),
]);

/** A public Ed25519 JWK, as `npm run keys` prints it. */
export const PublicJwk = v.object({ kty: v.literal('OKP'), crv: v.literal('Ed25519'), x: v.pipe(v.string(), v.minLength(1)) });

/**
 * A feed the root (the street office's content) delegates to: another publisher's content set,
 * signed with its own key and trusted only for its scope (see ./scope.ts and docs/deploy.md).
 */
export const FeedDelegation = v.strictObject({
  /** The feed's id: its items play as "<id>:<item id>". */
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'bad-key')),
  name: v.optional(LocalText),
  /** Its folder, holding manifest.json: relative to content/ ("../feeds/lvyuan/") or absolute (CORS). */
  url: v.pipe(v.string(), v.minLength(1, 'empty-text')),
  /** Its public key; omitted: the compiler takes keys/feeds/<id>.public.jwk. */
  key: v.optional(PublicJwk),
  scope: v.strictObject({
    /** Place-path prefixes it may address, e.g. [["xuanwu", "yingshijie", "lvyuan"]]. */
    places: v.array(v.array(v.pipe(v.string(), v.minLength(1, 'empty-text')))),
    /** Screen tags it may address with "tag:…" (omitted: any, within its places). */
    tags: v.optional(v.array(v.string())),
    /** Priorities it may use (an item without one is "normal"). */
    priorities: v.array(v.picklist(PRIORITIES)),
  }),
  /** Share of voice: at most this fraction of a loop's seconds (0–1). */
  share: v.optional(v.strictObject({ max: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))) })),
});

export const SettingsSchema = v.strictObject({
  $schema: v.optional(v.string()),
  /** IANA time zone of every date in the content (default Asia/Shanghai). */
  timeZone: v.optional(
    v.pipe(
      v.string(),
      v.check((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'bad-time-zone'),
    ),
  ),
  locale: v.optional(v.picklist(LOCALES)),
  /** Name of the site, e.g. the street office. */
  siteName: v.optional(LocalText),
  /** Seconds a slide stays when neither the item nor its text length says otherwise. */
  slideSeconds: v.optional(v.pipe(v.number(), v.minValue(3), v.maxValue(600))),
  seasons: v.optional(v.picklist(SEASON_SYSTEMS)),
  /** Seconds between two content syncs (default 60). */
  syncInterval: v.optional(v.pipe(v.number(), v.minValue(10), v.maxValue(86400))),
  /** Days before an event that it starts to be announced (default 14). */
  eventLeadDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365))),
  /** Default screen hours; a screen's own hours win. */
  hours: v.optional(ScreenHours),
  observances: v.optional(v.array(ObservanceRule)),
  /**
   * Build option: fill every missing zh-Hans text from its zh-Hant text (OpenCC) for the
   * zh-Hans screens. Taken out of the settings the screens receive.
   */
  simplifiedFromTraditional: v.optional(v.boolean()),
  /** Where the screens send proof of play and heartbeats (docs/fleet.md). Without it they keep their records. */
  fleet: v.optional(v.strictObject({
    /** The fleet server: absolute (https://fleet.example.org/) or relative to the kiosk's address ("/"). */
    url: v.pipe(v.string(), v.maxLength(300), v.check(isWebAddress, 'bad-fleet-url')),
    /** Seconds between two heartbeats (default 300). */
    heartbeat: v.optional(v.pipe(v.number(), v.integer(), v.minValue(30), v.maxValue(3600))),
  })),
  /** The feeds this content delegates to (read from the root feed, content/, only). */
  feeds: v.optional(v.array(FeedDelegation)),
});

/** An http(s) address, absolute or relative to the kiosk's own. */
function isWebAddress(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, 'https://kiosk.invalid/').protocol);
  } catch {
    return false;
  }
}

export type LocalText = v.InferOutput<typeof LocalText>;
export type When = v.InferOutput<typeof When>;
export type FilmFacts = v.InferOutput<typeof FilmFacts>;
export type EventInfo = v.InferOutput<typeof EventInfo>;
export type Item = v.InferOutput<typeof ItemSchema>;
export type CompiledItem = v.InferOutput<typeof CompiledItemSchema>;
export type Screen = v.InferOutput<typeof ScreenSchema>;
export type ScreenHours = v.InferOutput<typeof ScreenHours>;
export type Settings = v.InferOutput<typeof SettingsSchema>;
export type FeedDelegation = v.InferOutput<typeof FeedDelegation>;
export type FeedScope = FeedDelegation['scope'];
export type ObservanceRule = v.InferOutput<typeof ObservanceRule>;
