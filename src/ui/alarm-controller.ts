import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** setTimeout's limit; longer waits are re-armed on the way. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * One pending setTimeout at a time, to the moment `delay()` names (ms from now; undefined =
 * nothing to wait for). It re-arms itself after firing, lives only while the host is
 * connected, and `arm()` replaces the pending wait whenever the moment changes.
 * @example new AlarmController(this, () => 60_000 - (clock.now() % 60_000), () => this.tick())
 */
/** The timer functions every alarm uses (the window's); tests count an element's timers through it. */
export const alarmTimers = {
  set: (fn: () => void, ms: number): ReturnType<typeof setTimeout> => setTimeout(fn, ms),
  clear: (id: ReturnType<typeof setTimeout> | undefined): void => clearTimeout(id),
};

export class AlarmController implements ReactiveController {
  #id: ReturnType<typeof setTimeout> | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, private delay: () => number | undefined, private fire: () => void) {
    host.addController(this);
  }

  /** (Re)schedules to the moment `delay()` names now. */
  arm(): void {
    alarmTimers.clear(this.#id);
    this.#id = undefined;
    const ms = this.#connected ? this.delay() : undefined;
    if (ms === undefined) return;
    const wait = Math.max(0, ms);
    this.#id = alarmTimers.set(() => {
      this.#id = undefined;
      if (wait > MAX_DELAY) return this.arm();
      this.fire();
      if (this.#id === undefined) this.arm();
    }, Math.min(MAX_DELAY, wait));
  }

  hostConnected(): void {
    this.#connected = true;
    this.arm();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.arm();
  }
}
