/**
 * The names of the content kinds in [zh-Hant, zh-Hans, en]: the kiosk's slide labels
 * (src/frame/words.ts) and the fleet dashboard's kind column say them the same way.
 * @example KIND_WORDS.health[LOCALE_INDEX['zh-Hans']] // '健康提示'
 */
import type { Kind } from './keys.ts';

export const KIND_WORDS: Readonly<Record<Kind, readonly [zhHant: string, zhHans: string, en: string]>> = {
  health: ['健康提示', '健康提示', 'Health'],
  policy: ['會議精神', '会议精神', 'Policy'],
  safety: ['安全提示', '安全提示', 'Safety'],
  event: ['活動預告', '活动预告', 'Event'],
  notice: ['社區通知', '社区通知', 'Notice'],
  alert: ['緊急通知', '紧急通知', 'Alert'],
};
