/**
 * The words for sync errors, in one map (preview and status details): page-side words for the
 * codes of src/sync/sync-error.ts, which the worker never shows. Calm wording: a screen that
 * keeps playing its last content is not broken.
 */
import type { Locale } from '../content/keys.ts';
import type { SyncErrorCode } from '../sync/sync-error.ts';

type Words = Record<Locale, string>;

export const SYNC_MESSAGES: Record<SyncErrorCode, Words> = {
  network: { 'zh-Hant': '暫時連不上網路，繼續播放現有內容', 'zh-Hans': '暂时连不上网络，继续播放现有内容', en: 'Offline for now; the current content plays on' },
  http: { 'zh-Hant': '伺服器回應錯誤，稍後重試', 'zh-Hans': '服务器响应错误，稍后重试', en: 'The server answered with an error; will retry' },
  timeout: { 'zh-Hant': '伺服器回應逾時，稍後重試', 'zh-Hans': '服务器响应超时，稍后重试', en: 'The server took too long; will retry' },
  aborted: { 'zh-Hant': '同步已取消', 'zh-Hans': '同步已取消', en: 'Sync cancelled' },
  'hash-mismatch': { 'zh-Hant': '下載的檔案與清單不符，稍後重新下載', 'zh-Hans': '下载的文件与清单不符，稍后重新下载', en: 'A downloaded file does not match the manifest; will download again' },
  'invalid-item': { 'zh-Hant': '有內容檔案格式不正確，已略過', 'zh-Hans': '有内容文件格式不正确，已略过', en: 'A content item is not valid and was skipped' },
  'invalid-calendar': { 'zh-Hant': '曆法資料不正確，保留現有內容', 'zh-Hans': '历法数据不正确，保留现有内容', en: 'The calendar tables are not valid; the current content stays' },
  'invalid-manifest': { 'zh-Hant': '內容清單格式不正確，保留現有內容', 'zh-Hans': '内容清单格式不正确，保留现有内容', en: 'The content manifest is not valid; the current content stays' },
  unsigned: { 'zh-Hant': '內容清單未簽署，已拒收，保留現有內容', 'zh-Hans': '内容清单未签名，已拒收，保留现有内容', en: 'The manifest is not signed and was refused; the current content stays' },
  'bad-signature': { 'zh-Hant': '內容清單簽署無效，已拒收，保留現有內容', 'zh-Hans': '内容清单签名无效，已拒收，保留现有内容', en: 'The manifest signature is not valid and was refused; the current content stays' },
  replayed: { 'zh-Hant': '收到的內容清單比現有的更舊（可能是重放的舊版本），已拒收，保留現有內容', 'zh-Hans': '收到的内容清单比现有的更旧（可能是重放的旧版本），已拒收，保留现有内容', en: 'The manifest is older than the one playing (an old version served again?) and was refused; the current content stays' },
  quota: { 'zh-Hant': '儲存空間不足，暫停同步，繼續播放現有內容', 'zh-Hans': '存储空间不足，暂停同步，继续播放现有内容', en: 'Storage is full; sync paused, the current content plays on' },
  'no-room': { 'zh-Hant': '新內容需要的空間超過本機剩餘空間，暫不下載，繼續播放現有內容', 'zh-Hans': '新内容需要的空间超过本机剩余空间，暂不下载，继续播放现有内容', en: 'The new content needs more room than is free here; not downloaded, the current content plays on' },
  storage: { 'zh-Hant': '本機儲存發生錯誤，稍後重試', 'zh-Hans': '本机存储发生错误，稍后重试', en: 'Local storage failed; will retry' },
};

/** The sentence for a code in a locale, e.g. syncMessage('quota', 'en'). */
export function syncMessage(code: SyncErrorCode, locale: Locale): string {
  return SYNC_MESSAGES[code][locale];
}
