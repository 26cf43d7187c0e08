/**
 * Words for content problems, one map per language. Code throws or returns a problem with a
 * `code` and `params`; only this file decides how editors read it.
 *
 * Example: formatProblem({ code: 'unknown-key', params: { key: 'titel', suggestion: 'title' } }, 'zh-Hant')
 *   → 「不認識的欄位 "titel"，是不是要寫 "title"？」
 */

import { echo } from './echo.ts';

export type MessageLang = 'en' | 'zh-Hant';
export type Params = Record<string, string | number | undefined>;
type Catalogue = Record<string, (p: Params) => string>;

const q = (s: unknown) => `"${String(s)}"`;
const hint = (p: Params, en: boolean) =>
  p.suggestion === undefined ? '' : en ? `; did you mean ${q(p.suggestion)}?` : `，是不是要寫 ${q(p.suggestion)}？`;

/** JSON syntax errors (jsonc-parser codes) in words. */
const SYNTAX_WORDS: Record<string, [en: string, zh: string]> = {
  InvalidSymbol: ['unexpected character', '無法辨識的字元'],
  TrailingComma: ['remove this comma: JSON allows none before "}" or "]"', '請刪除這個逗號：JSON 在 "}" 或 "]" 前面不能有逗號'],
  InvalidNumberFormat: ['malformed number', '數字格式錯誤'],
  PropertyNameExpected: ['a key in double quotes was expected (is there a comma too many?)', '這裡應該是用雙引號括起來的欄位名稱（是否多了一個逗號？）'],
  ValueExpected: ['a value was expected (is there a comma too many?)', '這裡應該有一個值（是否多了一個逗號？）'],
  ColonExpected: ['":" was expected after the key', '欄位名稱後面應該有冒號 ":"'],
  CommaExpected: ['"," was expected between two entries', '兩個項目之間應該有逗號 ","'],
  CloseBraceExpected: ['"}" was expected', '缺少右大括號 "}"'],
  CloseBracketExpected: ['"]" was expected', '缺少右方括號 "]"'],
  EndOfFileExpected: ['text after the end of the JSON', 'JSON 結束後還有多餘的文字'],
  InvalidCommentToken: ['comments are not allowed in JSON', 'JSON 裡不能寫註解'],
  UnexpectedEndOfComment: ['comments are not allowed in JSON', 'JSON 裡不能寫註解'],
  UnexpectedEndOfString: ['a text is not closed with a double quote', '文字缺少結尾的雙引號'],
  UnexpectedEndOfNumber: ['malformed number', '數字格式錯誤'],
  InvalidUnicode: ['bad \\u escape', '\\u 跳脫字元錯誤'],
  InvalidEscapeCharacter: ['bad escape after "\\"', '反斜線 "\\" 後面的跳脫字元錯誤'],
  InvalidCharacter: ['a control character (such as a tab or line break) inside a text', '文字裡有控制字元（例如跳格或換行）'],
};


const syntax = (p: Params, i: 0 | 1) => (Object.hasOwn(SYNTAX_WORDS, String(p.syntax)) ? SYNTAX_WORDS[String(p.syntax)]![i] : String(p.syntax));

const en: Catalogue = {
  'json-syntax': (p) => `JSON syntax error: ${syntax(p, 0)}${p.fullWidth ? ` (the full-width "${p.fullWidth}" must be the ASCII "${p.ascii}")` : ''}`,
  'not-utf8': (p) => p.encoding === 'UTF-16'
    ? 'this file is saved as UTF-16; save it again as "UTF-8" in your editor'
    : `this file is not saved as UTF-8 (the byte 0x${p.byte} here cannot be read; the file may be GBK or Big5); save it again as "UTF-8" in your editor`,
  'json-too-deep': (p) => `lists and objects are nested more than ${p.max} levels deep here; content files need only a few levels`,
  'json-more-errors': (p) => `${p.count} more JSON syntax error(s) after this point; fix the ones above first`,
  'link-too-long': (p) => `the link is too long to draw as a QR code (${p.length} bytes, at most ${p.max}); use a shorter address`,
  'duplicate-key': (p) => `the key ${q(p.key)} appears twice in this object; keep one`,
  'unknown-key': (p) => `unknown key ${q(p.key)}${hint(p, true)}`,
  'missing-key': (p) => `the required key ${q(p.key)} is missing`,
  'wrong-type': (p) => `expected ${typeWord(String(p.expected), 'en')}, found ${typeWord(String(p.received), 'en')}${p.raw !== undefined ? ` ${p.raw}` : ''}`,
  'unknown-value': (p) => `unknown value ${q(p.value)}${hint(p, true)}${p.suggestion === undefined ? `; allowed: ${p.allowed}` : ''}`,
  'empty-text': () => 'text must not be empty',
  'empty-local-text': () => 'give the text in at least one language: "zh-Hant", "zh-Hans" or "en"',
  'bad-date-format': (p) => `${q(p.value)} is not a date; write it as "YYYY-MM-DD", e.g. "2026-10-18"`,
  'impossible-date': (p) => `${q(p.value)} is not a real date`,
  'bad-datetime': (p) => `${q(p.value)} is not a date-time; write it as "2026-12-12T09:00:00+08:00"`,
  'bad-date-or-datetime': (p) => `${q(p.value)} is neither a date ("2026-10-18") nor a date-time ("2026-10-18T09:00:00+08:00")`,
  'bad-time': (p) => `${q(p.value)} is not a time; write it as "HH:mm", e.g. "06:30"`,
  'bad-image-type': (p) => `${q(p.value)} is not a picture this screen can show; use .png, .jpg, .webp or .svg`,
  'bad-video-type': (p) => `${q(p.value)} is not a film this screen can play; use .mp4 (H.264 and AAC) or .webm (VP9 and Opus)`,
  'bad-link': (p) => `${q(p.value)} is not a web address; links must start with http:// or https://`,
  'bad-key': (p) => `${q(p.value)} is not a valid key; use lower-case letters, digits and "-"`,
  'bad-month-day': (p) => `${q(p.value)} is not a day of the year; write it as "MM-DD", e.g. "05-12"`,
  'bad-time-zone': (p) => `${q(p.value)} is not a time zone; use an IANA name such as "Asia/Shanghai"`,
  'bad-screen-id': (p) => `${q(p.value)} is not a valid screen id; use lower-case letters, digits and "-"`,
  'bad-fleet-url': (p) => `${q(p.value)} is not the fleet server's address; write "https://fleet.example.org/", or "/" when the fleet server also serves the kiosk`,
  'out-of-range': (p) => `${p.received} is out of range: expected ${p.expected}`,
  'not-integer': (p) => `${p.received} must be a whole number`,
  'unknown-observance': (p) => `unknown observance ${q(p.value)}${p.suggestion === undefined ? '; if it is new, add it under "observances" in settings.json' : hint(p, true)}`,
  'until-before-from': (p) => `"until" (${p.until}) is before "from" (${p.from})`,
  'ends-before-starts': (p) => `the event ends (${p.ends}) before it starts (${p.starts})`,
  'event-missing': () => 'an item of kind "event" needs "event": { "starts", "ends", "place" }',
  'image-missing': (p) => `the picture ${q(p.path)} does not exist under content/`,
  'image-outside': (p) => `the picture ${q(p.path)} is outside the content folder; put it under content/assets/`,
  'video-missing': (p) => `the film ${q(p.path)} does not exist under content/`,
  'video-outside': (p) => `the film ${q(p.path)} is outside the content folder; put it under content/assets/`,
  'video-unreadable': (p) => `the film ${q(p.path)} cannot be read as ${p.container} (${p.detail}); export it again`,
  'video-codec': (p) => `the film ${q(p.path)} is ${p.found}; a ${p.container} film must be ${p.expected}: export it again with those settings`,
  'video-profile': (p) => `the film ${q(p.path)} is ${p.found}, which the screen's browser cannot decode; export it again as 8-bit 4:2:0 (H.264 High or Main profile, or VP9 profile 0)`,
  'video-heavy': (p) => `the film ${q(p.path)} is ${p.found}; weak screens play at most ${p.max} smoothly: export it smaller`,
  'video-large': (p) => `the film ${q(p.path)} is ${p.size}; keep films under ${p.max} so screens download them in time`,
  'video-no-poster': (p) => `the film ${q(p.path)} has no "poster": add a picture to show until the film starts`,
  'screen-id-mismatch': (p) => `the screen id ${q(p.id)} must equal the file name ${q(p.expected)}`,
  'duplicate-id': (p) => `the id ${q(p.id)} is also used by ${p.other}`,
  'duplicate-observance': (p) => `the observance key ${q(p.key)} is already used by ${p.first === undefined ? 'a built-in observance' : `observance no. ${p.first} in this list`}`,
  'where-no-screen': (p) => `no screen has ${q(p.value)} in its place or tags${p.suggestion === undefined ? '; check the spelling' : hint(p, true)}`,
  'scope-priority': (p) => `priority ${q(p.value)} is not allowed for feed ${q(p.feed)} (allowed: ${p.allowed}); ask the street office`,
  'scope-place': (p) => `${q(p.value)} is outside feed ${q(p.feed)}'s places (${p.allowed}); a feed may address only its own places`,
  'scope-tag': (p) => `${q(p.value)} is not among feed ${q(p.feed)}'s tags (${p.allowed})`,
  'feed-key-missing': (p) => `feed ${q(p.feed)} has no key: give "key" (a public JWK) or make keys/feeds/${p.feed}.public.jwk with npm run keys -- --feed ${p.feed}`,
  'feed-folder-missing': (p) => `feed ${q(p.feed)} has no folder ${p.dir}`,
  'feed-url-bad': (p) => `feed ${q(p.feed)}: ${q(p.url)} is not a web address; write its folder relative to content/ ("../feeds/${p.feed}/") or as an https:// address`,
  'feed-url-root': (p) => `feed ${q(p.feed)}: ${q(p.url)} is the content folder, inside it or above it; give the feed a folder of its own beside content/, e.g. "../feeds/${p.feed}/" (a screen clears from each feed's folder the files that feed does not use, so the folders must not overlap)`,
  'feed-id-duplicate': (p) => `feed ${q(p.feed)} is already delegated (feed no. ${p.first} in this list); give each feed an id of its own`,
  'feed-url-overlap': (p) => `feed ${q(p.feed)}: ${q(p.url)} is, holds or sits inside the folder of feed ${q(p.other)} (${q(p.otherUrl)}); give each feed a folder of its own, e.g. "../feeds/${p.feed}/" (a screen clears from each feed's folder the files that feed does not use, so the folders must not overlap)`,
  'emergency-no-end': () => 'this emergency alert has neither "expires" nor "when" "until": it lights every screen it targets, night after night, until it is withdrawn; give it an end, e.g. "expires": "2026-12-05T20:00:00+08:00"',
  'screen-feed-unknown': (p) => `${q(p.value)} is not a feed of settings.json "feeds"${hint(p, true)}`,
  'feed-private-key-missing': (p) => `feed ${q(p.feed)} is not signed: no private key at ${p.path} (make one with npm run keys -- --feed ${p.feed}); screens refuse unsigned feeds`,
  'feed-key-mismatch': (p) => `feed ${q(p.feed)}: the private key at ${p.path} does not match the public key the street office delegated`,
  'missing-locale-text': (p) => `no ${p.locale} text in ${p.count} field(s) (${p.fields}) for screen ${q(p.screen)}, which shows ${p.locale}: it shows the ${p.fallback} text there; add "${p.locale}" to translate`,
  'traditional-on-simplified': (p) => `${p.count} field(s) (${p.fields}) have Traditional characters and no zh-Hans text: screen ${q(p.screen)}, which shows zh-Hans, would mix scripts; add "zh-Hans", or set "simplifiedFromTraditional": true in settings.json to convert at build time`,
  'template-text': (p) => `the template's words ${q(p.text)} are still here; write the item's own words`,
  'example-link': (p) => `${q(p.link)} is an example address that nobody can open; put the real link`,
  'title-long': (p) => `the title is ${p.length} characters long; at most ${p.max} can be read in passing (put the rest in "summary")`,
  'qr-dense': (p) => `the link is ${p.bytes} bytes: its QR code has ${p.modules}×${p.modules} modules, too dense to scan from 2 m on the glass; use a short address (at most 62 bytes)`,
  'simplified-filled': (p) => `${p.count} field(s) (${p.fields}) have no zh-Hans text: converted from zh-Hant for screen ${q(p.screen)} (check the conversion in the preview)`,
  'never-shown': (p) => `this item can never be shown: ${en[String(p.why)]?.(p) ?? p.why}`,
  'expired': (p) => `this item has ended (${p.until}) and will not be shown again; delete it or change its dates`,
  'missing-alt': (p) => `the picture ${q(p.path)} has no "imageAlt": describe it in a few words for residents who cannot see it well`,
  'image-large': (p) => `the picture ${q(p.path)} is ${p.size}; keep pictures under 1 MB so weak screens load them quickly`,
  'image-unsafe': (p) => `the picture ${q(p.path)} holds a script or something that can run one (${echo(String(p.found))}); export it again as a plain SVG or as PNG`,
  'not-json-file': (p) => `${q(p.file)} is not a .json file; items must be .json files`,
  'no-screens': () => 'there is no screen in content/screens/; no screen will show anything',
  'no-items': () => 'there is no item in content/items/: the screens will show only the day card (date, lunar date, solar term); is this the right folder?',
  'why-expired': (p) => `its dates ended on ${p.until}`,
  'why-empty-list': (p) => `${q(p.key)} is an empty list`,
  'why-no-hours': () => 'its hours never open (from equals until)',
  'why-no-screen': () => 'no screen matches its "where"',
};

const zhHant: Catalogue = {
  'json-syntax': (p) => `JSON 格式錯誤：${syntax(p, 1)}${p.fullWidth ? `（全形「${p.fullWidth}」要改成半形「${p.ascii}」）` : ''}`,
  'not-utf8': (p) => p.encoding === 'UTF-16'
    ? '這個檔案是 UTF-16 編碼，請在編輯器裡另存為 "UTF-8"'
    : `這個檔案不是 UTF-8 編碼（這裡的位元組 0x${p.byte} 無法讀取，檔案可能是 GBK 或 Big5），請在編輯器裡另存為 "UTF-8"`,
  'json-too-deep': (p) => `這裡的清單和物件套疊超過 ${p.max} 層，內容檔只需要幾層`,
  'json-more-errors': (p) => `這裡之後還有 ${p.count} 個 JSON 格式錯誤，請先修正上面的錯誤`,
  'link-too-long': (p) => `連結太長，無法畫成 QR 碼（${p.length} 位元組，最多 ${p.max}），請改用較短的網址`,
  'duplicate-key': (p) => `欄位 ${q(p.key)} 在同一個物件裡出現兩次，請只保留一個`,
  'unknown-key': (p) => `不認識的欄位 ${q(p.key)}${hint(p, false)}`,
  'missing-key': (p) => `缺少必填欄位 ${q(p.key)}`,
  'wrong-type': (p) => `這裡應該是${typeWord(String(p.expected), 'zh-Hant')}，現在是${typeWord(String(p.received), 'zh-Hant')}${p.raw !== undefined ? ` ${p.raw}` : ''}`,
  'unknown-value': (p) => `不認識的值 ${q(p.value)}${hint(p, false)}${p.suggestion === undefined ? `；可用的值：${p.allowed}` : ''}`,
  'empty-text': () => '文字不可以是空白',
  'empty-local-text': () => '至少要寫一種語言的文字："zh-Hant"、"zh-Hans" 或 "en"',
  'bad-date-format': (p) => `${q(p.value)} 不是日期，請寫成 "YYYY-MM-DD"，例如 "2026-10-18"`,
  'impossible-date': (p) => `${q(p.value)} 不是真實存在的日期`,
  'bad-datetime': (p) => `${q(p.value)} 不是日期時間，請寫成 "2026-12-12T09:00:00+08:00"`,
  'bad-date-or-datetime': (p) => `${q(p.value)} 既不是日期（"2026-10-18"）也不是日期時間（"2026-10-18T09:00:00+08:00"）`,
  'bad-time': (p) => `${q(p.value)} 不是時間，請寫成 "HH:mm"，例如 "06:30"`,
  'bad-video-type': (p) => `${q(p.value)} 不是螢幕能播放的影片，請用 .mp4（H.264 與 AAC）或 .webm（VP9 與 Opus）`,
  'bad-image-type': (p) => `${q(p.value)} 不是螢幕能顯示的圖片，請用 .png、.jpg、.webp 或 .svg`,
  'bad-link': (p) => `${q(p.value)} 不是網址，連結必須以 http:// 或 https:// 開頭`,
  'bad-key': (p) => `${q(p.value)} 不是有效的代號，只能用小寫英文字母、數字和 "-"`,
  'bad-month-day': (p) => `${q(p.value)} 不是月日，請寫成 "MM-DD"，例如 "05-12"`,
  'bad-time-zone': (p) => `${q(p.value)} 不是時區，請用 IANA 名稱，例如 "Asia/Shanghai"`,
  'bad-screen-id': (p) => `${q(p.value)} 不是有效的螢幕代號，只能用小寫英文字母、數字和 "-"`,
  'bad-fleet-url': (p) => `${q(p.value)} 不是管理伺服器的網址，請寫成 "https://fleet.example.org/"；管理伺服器同時提供螢幕網頁時寫 "/"`,
  'out-of-range': (p) => `${p.received} 超出範圍，應該 ${p.expected}`,
  'not-integer': (p) => `${p.received} 必須是整數`,
  'unknown-observance': (p) => `不認識的紀念日 ${q(p.value)}${p.suggestion === undefined ? '；如果是新的紀念日，請先加到 settings.json 的 "observances"' : hint(p, false)}`,
  'until-before-from': (p) => `結束日期 "until"（${p.until}）早於開始日期 "from"（${p.from}）`,
  'ends-before-starts': (p) => `活動結束時間（${p.ends}）早於開始時間（${p.starts}）`,
  'event-missing': () => '類別為 "event" 的內容必須有 "event": { "starts", "ends", "place" }',
  'image-missing': (p) => `找不到圖片 ${q(p.path)}，請確認檔案放在 content/ 裡並且名稱一致`,
  'image-outside': (p) => `圖片 ${q(p.path)} 在內容資料夾之外，請放到 content/assets/ 裡`,
  'video-missing': (p) => `找不到影片 ${q(p.path)}，請確認檔案放在 content/ 裡並且名稱一致`,
  'video-outside': (p) => `影片 ${q(p.path)} 在內容資料夾之外，請放到 content/assets/ 裡`,
  'video-unreadable': (p) => `無法把影片 ${q(p.path)} 讀成 ${p.container} 檔（${p.detail}），請重新匯出`,
  'video-codec': (p) => `影片 ${q(p.path)} 的格式是 ${p.found}；${p.container} 影片必須是 ${p.expected}，請用這些設定重新匯出`,
  'video-profile': (p) => `影片 ${q(p.path)} 是 ${p.found}，螢幕的瀏覽器無法解碼；請重新匯出為 8 位元 4:2:0（H.264 High 或 Main 規格，或 VP9 profile 0）`,
  'video-heavy': (p) => `影片 ${q(p.path)} 是 ${p.found}；較舊的螢幕最多只能順暢播放 ${p.max}，請匯出較小的版本`,
  'video-large': (p) => `影片 ${q(p.path)} 有 ${p.size}，請壓縮到 ${p.max} 以下，螢幕才能及時下載`,
  'video-no-poster': (p) => `影片 ${q(p.path)} 沒有 "poster"，請加一張圖片，在影片開始前顯示`,
  'screen-id-mismatch': (p) => `螢幕代號 ${q(p.id)} 必須和檔名 ${q(p.expected)} 相同`,
  'duplicate-id': (p) => `代號 ${q(p.id)} 和 ${p.other} 重複`,
  'duplicate-observance': (p) => `紀念日代號 ${q(p.key)} 已經被${p.first === undefined ? '內建紀念日' : `本清單第 ${p.first} 個紀念日`}使用`,
  'where-no-screen': (p) => `沒有任何螢幕的地點或標籤是 ${q(p.value)}${p.suggestion === undefined ? '，請檢查拼寫' : hint(p, false)}`,
  'scope-priority': (p) => `來源 ${q(p.feed)} 不能使用優先級 ${q(p.value)}（可用：${p.allowed}）；如有需要請聯絡街道辦`,
  'scope-place': (p) => `${q(p.value)} 不在來源 ${q(p.feed)} 可發布的地點（${p.allowed}）之內；只能發布給自己的地點`,
  'scope-tag': (p) => `${q(p.value)} 不在來源 ${q(p.feed)} 可用的標籤（${p.allowed}）之內`,
  'feed-key-missing': (p) => `來源 ${q(p.feed)} 沒有公鑰：請填寫 "key"（公開的 JWK），或用 npm run keys -- --feed ${p.feed} 產生 keys/feeds/${p.feed}.public.jwk`,
  'feed-folder-missing': (p) => `來源 ${q(p.feed)} 的資料夾 ${p.dir} 不存在`,
  'feed-url-bad': (p) => `來源 ${q(p.feed)}：${q(p.url)} 不是網址；請寫相對於 content/ 的資料夾（"../feeds/${p.feed}/"）或 https:// 開頭的網址`,
  'feed-url-root': (p) => `來源 ${q(p.feed)}：${q(p.url)} 就是 content 資料夾，或在它裡面、或包含它；請給這個來源一個在 content/ 旁邊的獨立資料夾，例如 "../feeds/${p.feed}/"（螢幕會從每個來源的資料夾清掉那個來源用不到的檔案，資料夾重疊就會刪到別人的）`,
  'feed-id-duplicate': (p) => `來源 ${q(p.feed)} 已經委託過了（本清單第 ${p.first} 個）；請給每個來源不同的代號`,
  'feed-url-overlap': (p) => `來源 ${q(p.feed)}：${q(p.url)} 和來源 ${q(p.other)} 的資料夾（${q(p.otherUrl)}）相同、包含它或在它裡面；請給每個來源一個獨立的資料夾，例如 "../feeds/${p.feed}/"（螢幕會從每個來源的資料夾清掉那個來源用不到的檔案，資料夾重疊就會刪到別人的）`,
  'emergency-no-end': () => '這則緊急預警沒有寫 "expires"，也沒有寫 "when" 的 "until"：在撤下之前，它每天夜裡都會點亮發布到的螢幕；請寫上結束時間，例如 "expires": "2026-12-05T20:00:00+08:00"',
  'screen-feed-unknown': (p) => `${q(p.value)} 不是 settings.json "feeds" 裡登記的來源${hint(p, false)}`,
  'feed-private-key-missing': (p) => `來源 ${q(p.feed)} 沒有簽章：${p.path} 沒有私鑰（用 npm run keys -- --feed ${p.feed} 產生）；螢幕不接受未簽章的來源`,
  'feed-key-mismatch': (p) => `來源 ${q(p.feed)}：${p.path} 的私鑰與街道辦登記的公鑰不相符`,
  'missing-locale-text': (p) => `${p.count} 個欄位（${p.fields}）缺少 ${p.locale} 文字：螢幕 ${q(p.screen)} 使用 ${p.locale}，將改用 ${p.fallback} 文字顯示；如需翻譯，請加上 "${p.locale}"`,
  'traditional-on-simplified': (p) => `${p.count} 個欄位（${p.fields}）是繁體字，沒有 zh-Hans 文字：簡體螢幕 ${q(p.screen)} 會繁簡混排；請加上 "zh-Hans"，或在 settings.json 設定 "simplifiedFromTraditional": true，建置時自動轉換`,
  'template-text': (p) => `範本文字 ${q(p.text)} 還沒有改：請寫上這則內容自己的文字`,
  'example-link': (p) => `${q(p.link)} 是範例網址，沒有人打得開：請換成真正的連結`,
  'title-long': (p) => `標題有 ${p.length} 個字，路過的人最多只能看清 ${p.max} 個字（其餘請寫在 "summary"）`,
  'qr-dense': (p) => `連結有 ${p.bytes} 個位元組，QR 碼有 ${p.modules}×${p.modules} 格，太密，在 2 公尺外掃不到：請改用短網址（最多 62 個位元組）`,
  'simplified-filled': (p) => `${p.count} 個欄位（${p.fields}）沒有 zh-Hans 文字：已為螢幕 ${q(p.screen)} 由繁體自動轉換（請在預覽中核對）`,
  'never-shown': (p) => `這則內容永遠不會播出：${zhHant[String(p.why)]?.(p) ?? p.why}`,
  'expired': (p) => `這則內容已經結束（${p.until}），不會再播出；請刪除或修改日期`,
  'missing-alt': (p) => `圖片 ${q(p.path)} 沒有 "imageAlt"，請用幾個字描述圖片內容，方便視力不佳的居民`,
  'image-large': (p) => `圖片 ${q(p.path)} 有 ${p.size}，請壓縮到 1 MB 以下，較舊的螢幕才能順利載入`,
  'image-unsafe': (p) => `圖片 ${q(p.path)} 含有程式碼或可執行程式碼的內容（${echo(String(p.found))}），請重新匯出為一般 SVG 或 PNG`,
  'not-json-file': (p) => `${q(p.file)} 不是 .json 檔，內容檔必須是 .json`,
  'no-screens': () => 'content/screens/ 裡沒有任何螢幕設定，所有內容都不會播出',
  'no-items': () => 'content/items/ 裡沒有任何內容：螢幕只會顯示日期卡（日期、農曆、節氣）；是不是選錯了資料夾？',
  'why-expired': (p) => `播放期間已在 ${p.until} 結束`,
  'why-empty-list': (p) => `${q(p.key)} 是空的清單`,
  'why-no-hours': () => '播放時段的開始和結束相同，永遠不會開始',
  'why-no-screen': () => '沒有螢幕符合 "where" 的條件',
};

/** Words for the types valibot expects, as editors think of them. */
const typeWords: Record<MessageLang, Record<string, string>> = {
  en: { null: 'null', string: 'text', number: 'a number', boolean: 'true or false', array: 'a list [ … ]', object: 'an object { … }', text: 'text (a string or { "zh-Hant": … })' },
  'zh-Hant': { null: 'null', string: '文字', number: '數字', boolean: 'true 或 false', array: '清單 [ … ]', object: '物件 { … }', text: '文字（字串或 { "zh-Hant": … }）' },
};

export const CATALOGUES: Record<MessageLang, Catalogue> = { en, 'zh-Hant': zhHant };

export function typeWord(type: string, lang: MessageLang): string {
  return Object.hasOwn(typeWords[lang], type) ? typeWords[lang][type]! : type;
}

/**
 * The words of one problem in one language; unknown codes fall back to the code itself. Every
 * text param is echoed safely (./echo.ts): the message stays on one line, however hostile the
 * file it quotes.
 */
export function formatMessage(code: string, params: Params, lang: MessageLang): string {
  const f = Object.hasOwn(CATALOGUES[lang], code) ? CATALOGUES[lang][code] : Object.hasOwn(en, code) ? en[code] : undefined;
  const safe: Params = {};
  for (const [k, v] of Object.entries(params)) safe[k] = typeof v === 'string' ? echo(v) : v;
  return f ? f(safe) : echo(code);
}

/** Picks the message language: "en…" → en, anything else (Chinese, missing, not a text) → zh-Hant. */
export function messageLang(locale: unknown): MessageLang {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? 'en' : 'zh-Hant';
}
