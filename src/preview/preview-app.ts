/**
 * <preview-app>: what any screen shows at any instant, and why. Reads the published content
 * (dist/content or the dev server's), never a screen's own storage: this browser's kiosk status
 * is asked of its service worker through the bridge (./preview-sources.ts). A reload aborts the
 * one before it, and only the latest reload's results land.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ContentSet } from '../frame/content-set.ts';
import { calendarOf } from '../frame/calendar-of.ts';
import { latestCall } from '../bridge/latest-call.ts';
import type { WorkerState } from '../bridge/worker-state.ts';
import { DEFAULT_SETTINGS, localeOf, timeZoneOf } from '../content/defaults.ts';
import type { Locale } from '../content/keys.ts';
import type { Screen } from '../content/schema.ts';
import type { Problem } from '../content/problem.ts';
import type { ScheduleContext } from '../schedule/context.ts';
import { buildPlaylist } from '../schedule/playlist.ts';
import { airAt, nextSwitch } from '../frame/frame-at.ts';
import { readAt } from '../frame/read-at.ts';
import { PLAY_COLUMNS, toCsv } from '../content/csv.ts';
import { plannedDay, type PlannedRow } from '../frame/planned-day.ts';
import { slideAt } from '../frame/slide-at.ts';
import { wordsFor } from '../schedule/reasons.ts';
import { calendarPanel } from './calendar-panel.ts';
import { publishedSources, type PreviewSources } from './preview-sources.ts';
import { kioskStatus } from './sync-panel.ts';
import { controls } from './preview-controls.ts';
import { previewStyles } from './preview-styles.ts';
import { word } from './preview-words.ts';
import { draftStrip, excludedList, loopStrip, offNotice, problemList } from './preview-lists.ts';
import { timelineTable } from './timeline-table.ts';
import { feedPanel, refusedList } from './feed-panel.ts';
import type { fetchContent } from '../bridge/fetch-content.ts';

/** The root's own version in a merged set's ("<root>+<feed>=<version>…", src/frame/merge-feeds.ts). */
const rootVersion = (v: string) => v.split('+')[0]!;
import { dayTimeline, outlook, type Timeline } from './timeline.ts';

const HOUR = 3_600_000;

@customElement('preview-app')
export class PreviewApp extends LitElement {
  static override styles = previewStyles;

  /** Where the published content is (a folder URL ending in "/"). */
  @property({ attribute: false }) contentBase = new URL('content/', document.baseURI);
  @property({ attribute: false }) wallClock: () => number = Date.now;
  /** Where a reload reads the content, the build problems and the kiosk state (tests pass their own). */
  @property({ attribute: false }) sources: PreviewSources = publishedSources;

  @state() private content?: ContentSet;
  @state() private error?: string;
  @state() private problems: Problem[] = [];
  @state() private screenId?: string;
  @state() private at = 0;
  /** `at` of the URL as typed, until the content says the site's time zone to read it in. */
  private typedAt: string | null = null;
  /** `at` as typed, when it could not be read (said on the page; the preview shows now). */
  @state() private unreadAt?: string;
  @state() private uiLang: Locale = DEFAULT_SETTINGS.locale;
  /** The slide in the large view: -1 = the slide on air. */
  @state() private selected = -1;
  @state() private kiosk?: WorkerState;

  override connectedCallback(): void {
    super.connectedCallback();
    const q = new URLSearchParams(location.search);
    this.at = this.wallClock();
    this.fromUrl();
    addEventListener('popstate', this.onPopState);
    const lang = q.get('lang');
    if (lang === 'zh-Hant' || lang === 'zh-Hans' || lang === 'en') this.uiLang = lang;
    else this.langFromSettings = true;
    void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
    this.reloads.abort();
  }

  private langFromSettings = false;
  private reloads = latestCall();

  /**
   * Loads the content, the build problems and the kiosk state again (the dev server calls this
   * on every edit). Aborts the reload in progress; each result lands only if this is still the
   * latest reload, so an older fetch finishing late never overwrites a newer one.
   */
  async reload(): Promise<void> {
    const call = this.reloads.start();
    const { signal } = call;
    const land = <T>(read: Promise<T>, done: (value: T) => void, failed: (e: unknown) => void) =>
      read.then((v) => { if (call.current()) done(v); }, (e: unknown) => { if (call.current()) failed(e); });
    await Promise.all([
      land(this.sources.content(this.contentBase, signal), (content) => {
        this.content = content;
        this.error = undefined;
        this.readTypedAt(content);
        if (this.langFromSettings) this.uiLang = localeOf(content.manifest.settings);
      }, (e) => { this.error = String(e); }),
      land(this.sources.problems(this.contentBase, signal), (p) => { this.problems = p; }, () => { this.problems = []; }),
      land(this.sources.kiosk(signal), (k) => { this.kiosk = k; }, () => { this.kiosk = undefined; }),
    ]);
  }

  /** Back and forward (and staff tools that push a URL): show the screen and instant the URL names. */
  private onPopState = () => this.fromUrl();

  /** The screen and `at` of the URL; `at` is read once the content names the site's time zone. */
  private fromUrl(): void {
    const q = new URLSearchParams(location.search);
    this.screenId = q.get('screen') ?? undefined;
    this.typedAt = q.get('at');
    this.unreadAt = undefined;
    this.selected = -1;
    if (this.content) this.readTypedAt(this.content);
  }

  /** `at` from the URL, read as the kiosk reads it (src/frame/read-at.ts): once, in the site's zone. */
  private readTypedAt(content: ContentSet): void {
    const typed = this.typedAt;
    if (typed === null) return;
    this.typedAt = null;
    const t = readAt(typed, timeZoneOf(content.manifest.settings));
    if (Number.isNaN(t)) this.unreadAt = typed;
    else this.at = t;
  }

  private get screen(): Screen | undefined {
    const screens = this.content?.manifest.screens ?? [];
    return screens.find((s) => s.id === this.screenId) ?? screens[0];
  }

  /** The timelines of the last (version, screen, day): a click on a thumbnail does not redo them. */
  private timelines?: { key: string; day: Timeline; outlook?: Timeline };
  /** The 14-day outlook is worked out only while staff have it open (it plans 84 instants). */
  @state() private outlookOpen = false;

  private context(content: ContentSet): ScheduleContext {
    return { calendar: calendarOf(content) };
  }

  private timelinesFor(content: ContentSet, screen: Screen, date: string, ctx: ScheduleContext) {
    const key = `${content.manifest.version}|${screen.id}|${date}`;
    if (this.timelines?.key !== key) {
      const { items, manifest: { settings } } = content;
      this.timelines = { key, day: dayTimeline(date, items, screen, settings, ctx) };
    }
    if (this.outlookOpen && !this.timelines.outlook) {
      const { items, manifest: { settings } } = content;
      this.timelines.outlook = outlook(date, 14, items, screen, settings, ctx);
    }
    return this.timelines;
  }

  private setAt(at: number): void {
    this.at = at;
    this.selected = -1;
    this.unreadAt = undefined;
    this.syncUrl();
  }

  private setScreen(id: string): void {
    this.screenId = id;
    this.selected = -1;
    this.syncUrl();
  }

  private syncUrl(): void {
    const q = new URLSearchParams(location.search);
    if (this.screen) q.set('screen', this.screen.id);
    q.set('at', new Date(this.at).toISOString());
    history.replaceState(null, '', `?${q}`);
  }

  override render() {
    const lang = this.uiLang;
    const problems = problemList(this.problems, lang);
    if (this.error && !this.content) return html`${problems}<p role="alert" class="error">${word('loadFailed', lang)}${this.error}</p>`;
    const content = this.content;
    const screen = this.screen;
    if (!content || !screen) return html`${problems}<p>${word('loading', lang)}</p>`;
    const settings = content.manifest.settings;
    const merged = content as Partial<Pick<Awaited<ReturnType<typeof fetchContent>>, 'refused' | 'feeds'>>;
    const ctx = this.context(content);
    // What the glass plays now, by the kiosk's own functions: lit or dark, the loop, the slide on air.
    const air = airAt(content.items, screen, settings, this.at, ctx);
    const playlist = air.playlist;
    const onAir = playlist && slideAt(playlist, this.at);
    // Drafts are never on the glass: those the rules would let on, beside the loop.
    const drafts = buildPlaylist(content.items, screen, settings, this.at, ctx, { preview: true, excluded: false })
      .slides.filter((s, i, all) => s.item?.status === 'draft' && all.findIndex((x) => x.id === s.id) === i);
    const excluded = (playlist ?? buildPlaylist(content.items, screen, settings, this.at, ctx)).excluded;
    const date = ctx.calendar.localDate(this.at);
    const times = this.timelinesFor(content, screen, date, ctx);
    // Place names of every screen: an item for another community is named, not coded.
    const placeNames = Object.assign({}, ...content.manifest.screens.map((s) => s.placeNames ?? {}));
    const words = { ...wordsFor(screen, settings), placeNames };
    const kioskUrl = `./?screen=${encodeURIComponent(screen.id)}&at=${encodeURIComponent(new Date(this.at).toISOString())}`;
    const thumbs = { content, screen, calendar: ctx.calendar, at: this.at, lang, words };
    return html`
      <header>
        <h1>${word('title', lang)}</h1>
        ${controls({
          lang, screens: content.manifest.screens, screen, at: this.at, calendar: ctx.calendar,
          onScreen: (id) => this.setScreen(id),
          onAt: (t) => this.setAt(t),
          onNow: () => this.setAt(this.wallClock()),
          step: { hour: HOUR, day: 24 * HOUR },
        })}
        <a class="open" href=${kioskUrl} target="_blank" rel="noopener">${word('openKiosk', lang)}</a>
        <button type="button" class="planned-csv" @click=${() => downloadPlanned(content, screen.id, date)}>${word('plannedCsv', lang)}</button>
        ${this.unreadAt === undefined ? nothing : html`<p role="alert" class="error unread-at">${word('unreadAt', lang).replace('{at}', this.unreadAt)}</p>`}
      </header>
      ${problems}
      <main>
        ${calendarPanel(ctx.calendar.factsAt(this.at), lang, settings)}
        ${air.woken ? html`<p role="status" class="woken"><strong>${word('woken', lang)}</strong></p>` : nothing}
        ${playlist && onAir
          ? loopStrip({ ...thumbs, playlist, onAir, selected: this.selected, onSelect: (i) => { this.selected = i; } })
          : offNotice(nextSwitch(screen, settings, this.at, ctx), ctx.calendar, lang)}
        ${draftStrip(drafts, thumbs)}
        ${excludedList(excluded, content, lang, words)}
        ${refusedList(merged.refused ?? [], lang)}
        ${timelineTable(word('timeline', lang), word('item', lang), times.day, content, word('timelineOff', lang))}
        <details class="outlook" ?open=${this.outlookOpen} @toggle=${(e: Event) => { this.outlookOpen = (e.target as HTMLDetailsElement).open; }}>
          <summary>${word('outlook', lang)}</summary>
          ${times.outlook ? timelineTable(word('outlook', lang), word('item', lang), times.outlook, content, word('timelineOff', lang)) : nothing}
        </details>
        <section aria-labelledby="pub-h">
          <h2 id="pub-h">${word('published', lang)}</h2>
          <p>${word('version', lang)}: <code>${content.manifest.version.slice(0, 12)}</code> · ${word('generated', lang)}: ${content.manifest.generated}</p>
        </section>
        <section aria-labelledby="sync-h">
          <h2 id="sync-h">${word('sync', lang)}</h2>
          ${kioskStatus(this.kiosk, rootVersion(content.manifest.version), lang, ctx.calendar)}
        </section>
        ${feedPanel(settings.feeds ?? [], merged.feeds, this.kiosk, lang, ctx.calendar)}
      </main>
    `;
  }
}

/** The planned day in the fleet export's columns, as a file to open in a spreadsheet. */
function downloadPlanned(content: ContentSet, screen: string, date: string): void {
  const rows = plannedDay(content, screen, date).map((r) => PLAY_COLUMNS.map((c) => r[c as keyof PlannedRow]));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([toCsv(PLAY_COLUMNS, rows)], { type: 'text/csv;charset=utf-8' }));
  a.download = `planned-${screen}-${date}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-app': PreviewApp;
  }
}
