/** The dashboard's reads from its server (same origin, the session cookie goes along). */
import type { LocalText } from '../../content/schema.ts';
import type { Heartbeat } from '../protocol.ts';

export interface ScreenRow {
  id: string;
  name: LocalText;
  state: 'silent' | 'never' | 'online' | 'off';
  unknown: boolean;
  lastSeen: string | null;
  beat: Heartbeat | null;
  current: boolean | null;
}

export interface ScreensAnswer {
  now: string;
  today: string;
  timeZone: string;
  beatSeconds: number;
  latestVersion: string | null;
  screens: ScreenRow[];
}

export interface AvailabilityAnswer {
  from: string;
  to: string;
  screens: { id: string; name: LocalText }[];
  cells: { screen: string; day: string; reported: number; expected: number }[];
}

export interface PlayRow {
  day: string;
  screen: string;
  item: string;
  kind: string;
  plays: number;
  completed: number;
  seconds: number;
}

export interface PlaysAnswer {
  from: string;
  to: string;
  by: 'item' | 'kind' | 'screen' | 'day';
  rows: PlayRow[];
  titles: Record<string, LocalText>;
  names: Record<string, LocalText>;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', signal: signal ?? null, headers: { accept: 'application/json' } });
  if (res.status === 401) {
    location.assign('/fleet/login');
    throw new Error('login-required');
  }
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

export async function logout(csrf: string): Promise<void> {
  await fetch('/fleet/logout', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrf } });
  location.assign('/fleet/login');
}
