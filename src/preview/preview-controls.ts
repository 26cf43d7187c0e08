/**
 * The screen and instant pickers of the preview: native controls, usable with the keyboard alone.
 * Date and time are text fields in the content's own forms (YYYY-MM-DD, 24-hour HH:mm) in the
 * site's time zone: a browser's date and time pickers follow its own locale (mm/dd/yyyy, 9:00 AM),
 * not the editor's. A value that cannot be read is marked invalid and changes nothing.
 */
import { html } from 'lit';
import type { Locale } from '../content/keys.ts';
import type { Screen } from '../content/schema.ts';
import type { CalendarView } from '../schedule/calendar-view.ts';
import { localText } from '../calendar/names.ts';
import { readAt } from '../frame/read-at.ts';
import { word } from './preview-words.ts';

export interface ControlsInput {
  lang: Locale;
  screens: Screen[];
  screen: Screen;
  at: number;
  calendar: CalendarView;
  step: { hour: number; day: number };
  onScreen(id: string): void;
  onAt(at: number): void;
  onNow(): void;
}

export function controls(c: ControlsInput) {
  const date = c.calendar.localDate(c.at);
  const time = c.calendar.localTime(c.at);
  /** The instant of a typed date and time, read as `at` is (../frame/read-at.ts); NaN when it cannot be. */
  const pick = (e: Event, d: string, t: string) => {
    const input = e.target as HTMLInputElement;
    const at = /^\d{4}-\d{2}-\d{2}$/.test(d.trim()) && /^\d{1,2}:\d{2}$/.test(t.trim())
      ? readAt(`${d.trim()}T${t.trim().padStart(5, '0')}`, c.calendar.timeZone) : NaN;
    input.setAttribute('aria-invalid', String(Number.isNaN(at)));
    if (!Number.isNaN(at)) c.onAt(at);
  };
  const enter = (e: KeyboardEvent) => {
    if (e.key === 'Enter') (e.target as HTMLInputElement).dispatchEvent(new Event('change'));
  };
  return html`
    <form class="controls" @submit=${(e: Event) => e.preventDefault()}>
      <label>${word('screen', c.lang)}
        <select @change=${(e: Event) => c.onScreen((e.target as HTMLSelectElement).value)}>
          ${c.screens.map((s) => html`<option value=${s.id} ?selected=${s.id === c.screen.id}>${localText(s.name, c.lang)} (${s.id})</option>`)}
        </select>
      </label>
      <label>${word('date', c.lang)} <small>${word('datePattern', c.lang)}</small>
        <input class="date" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="10"
          pattern="\\d{4}-\\d{2}-\\d{2}" .value=${date} @keydown=${enter}
          @change=${(e: Event) => pick(e, (e.target as HTMLInputElement).value, time)} />
      </label>
      <label>${word('time', c.lang)} <small>${word('timePattern', c.lang)}</small>
        <input class="time" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="5"
          pattern="\\d{1,2}:\\d{2}" .value=${time} @keydown=${enter}
          @change=${(e: Event) => pick(e, date, (e.target as HTMLInputElement).value)} />
      </label>
      <span class="steps">
        <button type="button" @click=${() => c.onAt(c.at - c.step.day)}>${word('dayBack', c.lang)}</button>
        <button type="button" @click=${() => c.onAt(c.at - c.step.hour)}>${word('hourBack', c.lang)}</button>
        <button type="button" @click=${() => c.onNow()}>${word('now', c.lang)}</button>
        <button type="button" @click=${() => c.onAt(c.at + c.step.hour)}>${word('hourFwd', c.lang)}</button>
        <button type="button" @click=${() => c.onAt(c.at + c.step.day)}>${word('dayFwd', c.lang)}</button>
      </span>
    </form>
  `;
}
