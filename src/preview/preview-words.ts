/** Words of the staff preview, in the editor's language. */
import type { Locale } from '../content/keys.ts';
import { LOCALE_INDEX } from '../content/locale-index.ts';

const WORDS = {
  title: ['科普之窗 預覽', '科普之窗 预览', 'Science window preview'],
  screen: ['螢幕', '屏幕', 'Screen'],
  date: ['日期', '日期', 'Date'],
  time: ['時間', '时间', 'Time'],
  now: ['現在', '现在', 'Now'],
  hourBack: ['− 1 小時', '− 1 小时', '− 1 hour'],
  hourFwd: ['+ 1 小時', '+ 1 小时', '+ 1 hour'],
  dayBack: ['− 1 天', '− 1 天', '− 1 day'],
  dayFwd: ['+ 1 天', '+ 1 天', '+ 1 day'],
  openKiosk: ['在此時刻開啟螢幕畫面', '在此时刻打开屏幕画面', 'Open the kiosk at this instant'],
  plannedCsv: ['匯出當天計劃播放（CSV）', '导出当天计划播放（CSV）', 'Export the planned day (CSV)'],
  calendar: ['曆法資訊', '历法信息', 'Calendar'],
  season: ['季節', '季节', 'Season'],
  solarTerm: ['節氣', '节气', 'Solar term'],
  lunar: ['農曆', '农历', 'Lunar date'],
  festivals: ['節日', '节日', 'Festivals'],
  observances: ['紀念日', '纪念日', 'Observances'],
  none: ['無', '无', 'none'],
  loop: ['此刻的播放循環', '此刻的播放循环', 'The loop at this instant'],
  seconds: ['秒', '秒', 's'],
  total: ['一輪共', '一轮共', 'one loop:'],
  excluded: ['未播出的內容', '未播出的内容', 'Not on air'],
  problems: ['內容檔案有問題', '内容文件有问题', 'Problems in content files'],
  problemsNote: ['有錯誤的檔案不會發布；其他內容照常播放。', '有错误的文件不会发布；其他内容照常播放。', 'Files with errors are not published; everything else plays on.'],
  timeline: ['當天時間表', '当天时间表', 'Day timeline'],
  outlook: ['未來 14 天', '未来 14 天', 'Next 14 days'],
  draft: ['草稿', '草稿', 'draft'],
  mode: ['模式', '模式', 'Mode'],
  loading: ['正在載入內容…', '正在载入内容…', 'Loading content…'],
  loadFailed: ['無法載入內容：', '无法载入内容：', 'Could not load content: '],
  sync: ['本機螢幕資料', '本机屏幕数据', "This browser's kiosk data"],
  published: ['發布的內容', '发布的内容', 'Published content'],
  version: ['內容版本', '内容版本', 'Content version'],
  generated: ['產生時間', '生成时间', 'Built at'],
  large: ['放大檢視', '放大查看', 'Large view'],
  item: ['內容', '内容', 'Item'],
  feeds: ['內容來源', '内容来源', 'Feeds'],
  feed: ['來源', '来源', 'Feed'],
  scope: ['範圍', '范围', 'Scope'],
  refused: ['拒絕播出（超出來源範圍）', '拒绝播出（超出来源范围）', 'Refused (outside their feed\'s scope)'],
  refusedNote: ['這些內容不會出現在任何螢幕上；請該來源修改後重新發布。', '这些内容不会出现在任何屏幕上；请该来源修改后重新发布。', 'These never reach any screen; the feed must fix and publish them again.'],
  noKioskData: ['這個瀏覽器還沒有播放過螢幕畫面。', '这个浏览器还没有播放过屏幕画面。', 'This browser has not run the kiosk yet.'],
  upToDate: ['（與發布版本相同）', '（与发布版本相同）', '(same as published)'],
  behind: ['（尚未同步到最新發布版本）', '（尚未同步到最新发布版本）', '(not yet the published version)'],
  lastSync: ['上次同步', '上次同步', 'Last sync'],
  lastAttempt: ['上次嘗試', '上次尝试', 'Last attempt'],
  lastError: ['上次錯誤', '上次错误', 'Last error'],
  warnings: ['提醒（不影響發布）', '提醒（不影响发布）', 'Warnings (publishing goes on)'],
  onAir: ['播出中', '播出中', 'on air'],
  intoLoop: ['循環第 {t}', '循环第 {t}', '{t} into the loop'],
  off: ['螢幕關閉（營業時間外）', '屏幕关闭（营业时间外）', 'The screen is off (outside its hours)'],
  woken: ['營業時間外：緊急預警喚醒螢幕，預警結束後關閉', '营业时间外：紧急预警唤醒屏幕，预警结束后关闭', 'Outside its hours: woken by an emergency alert, dark again when it ends'],
  turnsOn: ['{t} 開啟', '{t} 开启', 'turns on {t}'],
  notWithin: ['8 天內不會開啟', '8 天内不会开启', 'not within 8 days'],
  drafts: ['草稿（不會播出）', '草稿（不会播出）', 'Drafts (never on the screen)'],
  draftsNote: ['這些草稿此刻符合播放條件；改為發布（刪除 "status": "draft"）後才會進入播放循環。', '这些草稿此刻符合播放条件；改为发布（删除 "status": "draft"）后才会进入播放循环。', 'These drafts would play now; they join the loop once published (remove "status": "draft").'],
  unreadAt: ['無法讀取 at={at}（例：2026-10-18T09:00），顯示的是現在。', '无法读取 at={at}（例：2026-10-18T09:00），显示的是现在。', 'Cannot read at={at} (e.g. 2026-10-18T09:00); showing now.'],
  datePattern: ['YYYY-MM-DD', 'YYYY-MM-DD', 'YYYY-MM-DD'],
  timePattern: ['HH:mm（24 小時制）', 'HH:mm（24 小时制）', 'HH:mm (24-hour)'],
  timelineOff: ['螢幕關閉', '屏幕关闭', 'off'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type WordKey = keyof typeof WORDS;


export function word(key: WordKey, lang: Locale): string {
  return WORDS[key][LOCALE_INDEX[lang]];
}

const MODES = {
  loop: ['正常循環', '正常循环', 'normal loop'],
  emergency: ['緊急預警（取代循環）', '紧急预警（取代循环）', 'emergency (replaces the loop)'],
  evergreen: ['常設內容（沒有應時內容）', '常设内容（没有应时内容）', 'evergreen (nothing seasonal)'],
  builtin: ['內建日曆卡（沒有任何內容）', '内置日历卡（没有任何内容）', 'built-in card (no content)'],
} as const;

export function modeWord(mode: keyof typeof MODES, lang: Locale): string {
  return MODES[mode][LOCALE_INDEX[lang]];
}
