/**
 * A token bucket per key (a screen id, or a login's address): `burst` requests at once, then
 * `perMinute` a minute. The clock is a parameter, so tests never sleep.
 */
export interface RateLimiter {
  /** 0 when allowed (and counted), else the seconds to wait. */
  take(key: string): number;
}

export function rateLimiter(options: { perMinute: number; burst: number; now: () => number; maxKeys?: number }): RateLimiter {
  const { perMinute, burst, now, maxKeys = 100_000 } = options;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const ratePerMs = perMinute / 60_000;
  return {
    take(key) {
      const t = now();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) buckets.clear(); // bounded memory; a reset only forgives
        b = { tokens: burst, at: t };
        buckets.set(key, b);
      }
      b.tokens = Math.min(burst, b.tokens + Math.max(0, t - b.at) * ratePerMs);
      b.at = t;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000));
    },
  };
}
