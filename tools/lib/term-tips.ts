/**
 * One short health line per solar term, for the built-in card (zh-Hant, zh-Hans, en).
 * Traditional seasonal advice in plain words; nothing here replaces a doctor.
 */
import type { Locale, SolarTerm } from '../../src/content/keys.ts';
import { LOCALE_INDEX } from '../../src/content/locale-index.ts';

type Tip = readonly [zhHant: string, zhHans: string, en: string];

export const TERM_TIPS: Readonly<Record<SolarTerm, Tip>> = {
  xiaohan: ['小寒天冷，出門戴帽護頸，注意保暖防跌倒。', '小寒天冷，出门戴帽护颈，注意保暖防跌倒。', 'Minor Cold: wear a hat and scarf outdoors, and watch for icy steps.'],
  dahan: ['大寒最冷，早晚少外出，室內常通風。', '大寒最冷，早晚少外出，室内常通风。', 'Major Cold: go out less at dawn and dusk; air your rooms daily.'],
  lichun: ['立春乍暖還寒，衣服慢慢減，別急著脫。', '立春乍暖还寒，衣服慢慢减，别急着脱。', 'Start of Spring: the cold lingers, so shed layers slowly.'],
  yushui: ['雨水濕氣重，飲食清淡，少吃生冷。', '雨水湿气重，饮食清淡，少吃生冷。', 'Rain Water: damp days; eat light, warm food.'],
  jingzhe: ['驚蟄萬物甦醒，勤洗手，防春季流感。', '惊蛰万物苏醒，勤洗手，防春季流感。', 'Awakening of Insects: wash hands often against spring flu.'],
  chunfen: ['春分晝夜平分，早睡早起，多到戶外走走。', '春分昼夜平分，早睡早起，多到户外走走。', 'Spring Equinox: keep regular hours and walk outdoors.'],
  qingming: ['清明踏青，花粉過敏者外出戴口罩。', '清明踏青，花粉过敏者外出戴口罩。', 'Pure Brightness: if pollen bothers you, wear a mask outdoors.'],
  guyu: ['穀雨雨水多，居家防潮，關節注意保暖。', '谷雨雨水多，居家防潮，关节注意保暖。', 'Grain Rain: keep the home dry and your joints warm.'],
  lixia: ['立夏天漸熱，午間小睡，養心安神。', '立夏天渐热，午间小睡，养心安神。', 'Start of Summer: a short nap at noon rests the heart.'],
  xiaoman: ['小滿濕熱，飲食宜清淡，少油少鹽。', '小满湿热，饮食宜清淡，少油少盐。', 'Grain Buds: humid heat; less oil and salt.'],
  mangzhong: ['芒種悶熱，多喝水，別等口渴才喝。', '芒种闷热，多喝水，别等口渴才喝。', 'Grain in Ear: drink water before you feel thirsty.'],
  xiazhi: ['夏至日頭最長，避開正午外出，防中暑。', '夏至日头最长，避开正午外出，防中暑。', 'Summer Solstice: stay out of the midday sun.'],
  xiaoshu: ['小暑炎熱，冷氣別開太低，室內外溫差不宜大。', '小暑炎热，空调别开太低，室内外温差不宜大。', 'Minor Heat: do not set the air conditioning too cold.'],
  dashu: ['大暑酷熱，清晨傍晚再運動，隨身帶水。', '大暑酷热，清晨傍晚再运动，随身带水。', 'Major Heat: exercise early or late, and carry water.'],
  liqiu: ['立秋暑氣未消，仍要防曬補水。', '立秋暑气未消，仍要防晒补水。', 'Start of Autumn: still hot; keep up sun care and water.'],
  chushu: ['處暑早晚轉涼，睡覺蓋好肚子。', '处暑早晚转凉，睡觉盖好肚子。', 'End of Heat: cooler nights; cover up when you sleep.'],
  bailu: ['白露秋燥，多喝溫水，吃些梨和蜂蜜。', '白露秋燥，多喝温水，吃些梨和蜂蜜。', 'White Dew: dry air; warm water, pears and honey help.'],
  qiufen: ['秋分晝夜等長，作息規律，心情平和。', '秋分昼夜等长，作息规律，心情平和。', 'Autumn Equinox: regular hours and a calm mind.'],
  hanlu: ['寒露腳下先冷，注意足部保暖。', '寒露脚下先冷，注意足部保暖。', 'Cold Dew: cold starts at the feet; keep them warm.'],
  shuangjiang: ['霜降溫差大，血壓易波動，按時量血壓。', '霜降温差大，血压易波动，按时量血压。', "Frost's Descent: big temperature swings; check your blood pressure."],
  lidong: ['立冬進補適量，少油膩，多走動。', '立冬进补适量，少油腻，多走动。', 'Start of Winter: eat warm but not greasy; keep moving.'],
  xiaoxue: ['小雪天乾冷，室內保持濕潤，防呼吸道不適。', '小雪天干冷，室内保持湿润，防呼吸道不适。', 'Minor Snow: keep indoor air moist for your airways.'],
  daxue: ['大雪路滑，外出穿防滑鞋，慢慢走。', '大雪路滑，外出穿防滑鞋，慢慢走。', 'Major Snow: slippery roads; wear non-slip shoes and walk slowly.'],
  dongzhi: ['冬至陰氣最盛，早睡晚起，注意心腦血管。', '冬至阴气最盛，早睡晚起，注意心脑血管。', 'Winter Solstice: sleep early, rise late, mind your heart.'],
};


/**
 * The health line for a solar term in a locale.
 * @example termTip('shuangjiang', 'zh-Hant') // "霜降溫差大，血壓易波動，按時量血壓。"
 */
export function termTip(term: SolarTerm, locale: Locale): string {
  return TERM_TIPS[term][LOCALE_INDEX[locale]];
}
