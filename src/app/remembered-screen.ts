/**
 * The installed kiosk starts at the manifest's start URL, which has no `?screen=` or
 * `?token=`: what the URL said last is remembered, so the box comes back as the same screen
 * (with its fleet token) after a power cut.
 */
const KEY = 'science-window:screen';

/** The URL's value, remembered under `key`; without one, the value remembered. */
export function remember(storage: Pick<Storage, 'getItem' | 'setItem'>, key: string, fromUrl: string | undefined): string | undefined {
  try {
    if (fromUrl) storage.setItem(key, fromUrl);
    return fromUrl ?? storage.getItem(key) ?? undefined;
  } catch {
    return fromUrl;
  }
}

export const rememberScreen = (storage: Pick<Storage, 'getItem' | 'setItem'>, fromUrl: string | undefined) => remember(storage, KEY, fromUrl);
