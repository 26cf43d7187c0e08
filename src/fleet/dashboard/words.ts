/** The dashboard's words in [zh-Hant, zh-Hans, en], and the keys it shows (kinds, sync results) said in words. */
import type { Kind, Locale } from '../../content/keys.ts';
import { KIND_WORDS } from '../../content/kind-words.ts';
import { LOCALE_INDEX } from '../../content/locale-index.ts';
import type { Heartbeat } from '../protocol.ts';

const WORDS = {
  title: ['科普之窗 屏幕管理', '科普之窗 屏幕管理', 'Science windows: fleet'],
  screens: ['屏幕', '屏幕', 'Screens'],
  availability: ['開機率', '开机率', 'Availability'],
  plays: ['播放記錄', '播放记录', 'Proof of play'],
  logout: ['登出', '退出', 'Sign out'],
  language: ['語言', '语言', 'Language'],
  state: ['狀態', '状态', 'State'],
  silent: ['失聯', '失联', 'Silent'],
  online: ['在線', '在线', 'Online'],
  off: ['關機時段', '关机时段', 'Off hours'],
  never: ['從未上線', '从未上线', 'Never seen'],
  unknown: ['（未發布的屏幕）', '（未发布的屏幕）', '(not a published screen)'],
  screen: ['屏幕', '屏幕', 'Screen'],
  lastSeen: ['最後上線', '最后上线', 'Last seen'],
  version: ['內容版本', '内容版本', 'Content version'],
  current: ['最新', '最新', 'latest'],
  behind: ['舊版', '旧版', 'behind'],
  onAir: ['正在播放', '正在播放', 'On air'],
  lastSync: ['最後同步', '最后同步', 'Last sync'],
  storage: ['儲存', '存储', 'Storage'],
  drift: ['時鐘偏差', '时钟偏差', 'Clock drift'],
  otherScreens: ['筆記錄屬此機以前的屏幕編號，待回到該編號時上傳', '条记录属此机以前的屏幕编号，待回到该编号时上传', 'records wait under a screen id this box had before'],
  none: ['—', '—', '—'],
  from: ['從', '从', 'From'],
  to: ['到', '到', 'To'],
  show: ['查看', '查看', 'Show'],
  month: ['月份', '月份', 'Month'],
  day: ['日期', '日期', 'Day'],
  item: ['內容', '内容', 'Item'],
  kind: ['類別', '类别', 'Kind'],
  groupBy: ['分組', '分组', 'Group by'],
  count: ['播放次數', '播放次数', 'Plays'],
  completed: ['完整播完', '完整播完', 'Completed'],
  seconds: ['播放秒數', '播放秒数', 'Seconds'],
  csv: ['匯出 CSV', '导出 CSV', 'Export CSV'],
  monthTotal: ['本月', '本月', 'Month'],
  noData: ['這段時間沒有記錄。', '这段时间没有记录。', 'No records in this range.'],
  loading: ['載入中…', '加载中…', 'Loading…'],
  failed: ['讀取失敗', '读取失败', 'Could not load'],
  plotLabel: ['每日開機率：每行一個屏幕，每格一天，顏色越深越高', '每日开机率：每行一个屏幕，每格一天，颜色越深越高', 'Daily availability: one row per screen, one cell per day, darker is higher'],
  card: ['（內建卡片）', '（内建卡片）', '(built-in card)'],
  offPeriod: ['（關機）', '（关机）', '(screen off)'],
  kindCard: ['內建卡片', '内建卡片', 'Built-in card'],
  kindOff: ['關機', '关机', 'Screen off'],
  errors: ['錯誤', '错误', 'Errors'],
  syncNever: ['從未同步', '从未同步', 'never'],
  syncOk: ['正常', '正常', 'ok'],
  syncUnchanged: ['無更新', '无更新', 'unchanged'],
  syncError: ['出錯', '出错', 'error'],
  syncOffline: ['離線', '离线', 'offline'],
  dayTable: ['每日開機率（佔屏幕時段的比例）', '每日开机率（占屏幕时段的比例）', 'Availability per day (share of the screen hours reported)'],
  csvAvailability: ['匯出開機率 CSV', '导出开机率 CSV', 'Export availability CSV'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type Word = keyof typeof WORDS;

export function word(key: Word, locale: Locale): string {
  return WORDS[key][LOCALE_INDEX[locale]];
}

const SYNC: Record<Heartbeat['lastSync']['result'], Word> = {
  never: 'syncNever', ok: 'syncOk', unchanged: 'syncUnchanged', error: 'syncError', offline: 'syncOffline',
};

/** A kind key (or the periods' "card" and "off") in words; a key it does not know, as it is. */
export function kindWord(kind: string, locale: Locale): string {
  if (kind === 'card') return word('kindCard', locale);
  if (kind === 'off') return word('kindOff', locale);
  return Object.hasOwn(KIND_WORDS, kind) ? KIND_WORDS[kind as Kind][LOCALE_INDEX[locale]] : kind;
}

/** A heartbeat's last sync result in words. */
export function syncWord(result: string, locale: Locale): string {
  return Object.hasOwn(SYNC, result) ? word(SYNC[result as keyof typeof SYNC], locale) : result;
}
