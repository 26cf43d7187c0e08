/** Generated content folders for benchmarks: n varied, valid items (deterministic). */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KINDS = ['health', 'policy', 'safety', 'notice', 'event'] as const;
const SEASONS = ['spring', 'summer', 'autumn', 'winter'];

/** A content folder with n varied, valid items (deterministic), beside the sample's settings, screens and assets. */
export function generateContent(dir: string, n: number): void {
  cpSync('content/settings.json', join(dir, 'settings.json'));
  cpSync('content/screens', join(dir, 'screens'), { recursive: true });
  cpSync('content/assets', join(dir, 'assets'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const folder = join(dir, 'items', kind, String(Math.floor(i / 100)));
    mkdirSync(folder, { recursive: true });
    const item: Record<string, unknown> = {
      kind,
      title: { 'zh-Hant': `第 ${i} 則 科普小知識`, 'zh-Hans': `第 ${i} 则 科普小知识` },
      summary: '天氣轉涼，注意保暖，適量運動，均衡飲食。',
      points: ['早睡早起', '多喝溫水', '飯後散步三十分鐘', '定期量血壓'],
      when: i % 3 === 0 ? { seasons: [SEASONS[i % 4]] } : i % 3 === 1 ? { from: '2026-01-01', until: '2027-12-31', weekdays: [1, 2, 3, 4, 5] } : undefined,
      where: i % 4 === 0 ? ['yingshijie'] : i % 4 === 1 ? ['tag:elderly'] : undefined,
    };
    if (kind === 'event') {
      const day = String(1 + (i % 28)).padStart(2, '0');
      item.event = { starts: `2027-03-${day}T09:00:00+08:00`, ends: `2027-03-${day}T11:00:00+08:00`, place: '社區活動中心' };
      item.link = `https://example.org/e/${i}`;
    }
    if (kind === 'safety') Object.assign(item, { image: 'assets/safety/fire.svg', imageAlt: '防火海報' });
    writeFileSync(join(folder, `item-${i}.json`), JSON.stringify(item, null, 2));
  }
}

