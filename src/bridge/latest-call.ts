/**
 * Cancellable by default, stale results ignored (as Lit's task.ts): each `start()` aborts the
 * call before it and hands out that call's signal and a test of whether it is still the latest.
 * An older fetch that finishes after a newer one, or ignores its signal, lands nowhere.
 *
 * @example
 *   const reloads = latestCall();
 *   async function reload() {
 *     const call = reloads.start();
 *     const content = await fetchContent(base, { signal: call.signal });
 *     if (call.current()) show(content);
 *   }
 */
export interface Call {
  /** Aborted when a later call starts, when `abort()` is called, or with the caller's own signal. */
  readonly signal: AbortSignal;
  /** True while no later call has started and this one is not aborted: its result may land. */
  current(): boolean;
}

export interface LatestCall {
  /** Starts a call and aborts the one before (`outer`: the caller's own signal, if any). */
  start(outer?: AbortSignal): Call;
  /** Aborts the call in progress, and no result of it lands (a component leaving the page). */
  abort(): void;
}

export function latestCall(): LatestCall {
  let calls = 0;
  let controller: AbortController | undefined;
  return {
    start(outer) {
      controller?.abort();
      const own = (controller = new AbortController());
      const n = ++calls;
      const signal = outer ? AbortSignal.any([own.signal, outer]) : own.signal;
      return { signal, current: () => n === calls && !signal.aborted };
    },
    abort() {
      calls++;
      controller?.abort();
      controller = undefined;
    },
  };
}
