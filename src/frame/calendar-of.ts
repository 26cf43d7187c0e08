/**
 * The calendar view of a content set: its tables in the site's time zone and season system,
 * made once per set (the view's memoised look-ups outlive a frame) and shared by everything
 * that plans from that set: the worker's frames, the preview, the no-worker fallback.
 */
import { timeZoneOf } from '../content/defaults.ts';
import { calendarOptions, createCalendarView, type CalendarView } from '../schedule/calendar-view.ts';
import type { ContentSet } from './content-set.ts';

const views = new WeakMap<ContentSet, CalendarView>();

export function calendarOf(content: ContentSet): CalendarView {
  let view = views.get(content);
  if (!view) {
    const { settings } = content.manifest;
    view = createCalendarView(content.tables, timeZoneOf(settings), calendarOptions(settings));
    views.set(content, view);
  }
  return view;
}
