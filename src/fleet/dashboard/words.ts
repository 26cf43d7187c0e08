/** The dashboard's words in [zh-Hant, zh-Hans, en]. */
import type { Locale } from '../../content/keys.ts';
import { LOCALE_INDEX } from '../../content/locale-index.ts';

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
} as const satisfies Record<string, readonly [string, string, string]>;

export type Word = keyof typeof WORDS;

export function word(key: Word, locale: Locale): string {
  return WORDS[key][LOCALE_INDEX[locale]];
}
