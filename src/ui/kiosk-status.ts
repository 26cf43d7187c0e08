/**
 * <kiosk-status>: a small, calm corner mark — offline / updating / updated at HH:mm — and the
 * content version, so staff passing by can tell a screen is current. Details are in the preview.
 * The same facts as attributes, for staff tools and tests: data-sync-state, data-version,
 * data-error (the last error's code, src/sync/sync-error.ts) and data-next-attempt (ISO instant
 * of the next planned sync; absent while one runs). Content refused for its signature says why
 * on the mark itself: those words are in ./kiosk.css, keyed by data-error and the language.
 */
import { html } from 'lit';
import { DEFAULT_SETTINGS } from '../content/defaults.ts';
import type { Locale } from '../content/keys.ts';
import { LOCALE_INDEX } from '../content/locale-index.ts';
import { localTime } from '../frame/glass.ts';
import { LightElement } from './light-element.ts';

/** What the mark shows of the sync status (src/bridge/sync-status.ts's SyncStatus has more). */
export interface StatusView {
  /** 'offline': the last run could not reach the server; 'error': it reached it but failed. */
  state: 'idle' | 'syncing' | 'offline' | 'error';
  activeVersion?: string;
  /** Last time the screen knew it had the newest content (ms). */
  lastSync?: number;
  /** When the next run is planned (ms); none while one runs. */
  nextAttempt?: number;
  /** The last run's error (none after a success). */
  lastError?: { code: string };
}

/** A status that can be watched: the listener is called at once and on every change. */
export interface StatusFeed {
  subscribe(listener: (s: StatusView) => void): () => void;
}

const WORDS: Record<StatusView['state'], readonly [string, string, string]> = {
  idle: ['已更新', '已更新', 'Updated'],
  syncing: ['更新中', '更新中', 'Updating'],
  offline: ['離線播放', '离线播放', 'Offline'],
  error: ['稍後重試', '稍后重试', 'Will retry'],
};

export class KioskStatus extends LightElement {
  static override properties = { status: { attribute: false }, locale: {}, timeZone: {}, s: { state: true } };
  declare status: StatusFeed | undefined;
  declare locale: Locale;
  declare timeZone: string;
  declare s: StatusView | undefined;
  #off: (() => void) | undefined;

  constructor() {
    super();
    this.locale = DEFAULT_SETTINGS.locale;
    this.timeZone = DEFAULT_SETTINGS.timeZone;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#off = this.status?.subscribe((s) => (this.s = s));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off?.();
  }

  protected override updated(): void {
    if (!this.s) return;
    this.dataset.syncState = this.s.state;
    this.dataset.version = this.s.activeVersion ?? '';
    this.dataset.error = this.s.lastError?.code ?? '';
    if (this.s.nextAttempt === undefined) delete this.dataset.nextAttempt;
    else this.dataset.nextAttempt = new Date(this.s.nextAttempt).toISOString();
  }

  override render(): unknown {
    const s = this.s;
    if (!s) return null;
    const at = s.state === 'idle' && s.lastSync ? ` ${localTime(s.lastSync, this.timeZone)}` : '';
    return html`<i></i>${WORDS[s.state][LOCALE_INDEX[this.locale]]}${at}${s.activeVersion ? ` · ${s.activeVersion.slice(0, 6)}` : ''}`;
  }
}

customElements.define('kiosk-status', KioskStatus);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-status': KioskStatus;
  }
}
