/**
 * The installed kiosk starts at the manifest's start URL, which has no `?screen=`; the screen
 * id seen last is remembered so the box comes back as the same screen after a power cut.
 */
const KEY = 'science-window:screen';

export function rememberScreen(storage: Pick<Storage, 'getItem' | 'setItem'>, fromUrl: string | undefined): string | undefined {
  try {
    if (fromUrl) storage.setItem(KEY, fromUrl);
    return fromUrl ?? storage.getItem(KEY) ?? undefined;
  } catch {
    return fromUrl;
  }
}
