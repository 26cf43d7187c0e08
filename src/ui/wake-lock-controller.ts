import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the screen awake while the host is connected (Screen Wake Lock API, where the browser
 * has it). The browser drops the lock when the page is hidden; it is asked for again when the
 * page is visible.
 */
export class WakeLockController implements ReactiveController {
  #lock: WakeLockSentinel | undefined;
  #connected = false;
  #onVisible = (): void => {
    if (document.visibilityState === 'visible') void this.#request();
  };

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisible);
    void this.#request();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisible);
    void this.#lock?.release().catch(() => undefined);
    this.#lock = undefined;
  }

  async #request(): Promise<void> {
    if (!('wakeLock' in navigator) || (this.#lock && !this.#lock.released)) return;
    try {
      const lock = await navigator.wakeLock.request('screen');
      if (this.#connected) this.#lock = lock;
      else await lock.release();
    } catch {
      // Not allowed here (no permission, hidden page): the next visibilitychange tries again.
    }
  }
}
