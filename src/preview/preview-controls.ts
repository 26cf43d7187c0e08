/** The screen and instant pickers of the preview: native controls, usable with the keyboard alone. */
import { html } from 'lit';
import type { Locale } from '../content/keys.ts';
import type { Screen } from '../content/schema.ts';
import type { CalendarView } from '../schedule/calendar-view.ts';
import { localText } from '../calendar/names.ts';
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
  const pick = (d: string, t: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(d) && /^\d{2}:\d{2}$/.test(t)) c.onAt(c.calendar.zonedInstant(d, t));
  };
  return html`
    <form class="controls" @submit=${(e: Event) => e.preventDefault()}>
      <label>${word('screen', c.lang)}
        <select @change=${(e: Event) => c.onScreen((e.target as HTMLSelectElement).value)}>
          ${c.screens.map((s) => html`<option value=${s.id} ?selected=${s.id === c.screen.id}>${localText(s.name, c.lang)} (${s.id})</option>`)}
        </select>
      </label>
      <label>${word('date', c.lang)}
        <input type="date" .value=${date} @change=${(e: Event) => pick((e.target as HTMLInputElement).value, time)} />
      </label>
      <label>${word('time', c.lang)}
        <input type="time" .value=${time} @change=${(e: Event) => pick(date, (e.target as HTMLInputElement).value)} />
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
