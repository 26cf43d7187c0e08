/**
 * What the schedule needs besides the item, the screen and the instant, and the event lead
 * time that applies when neither item nor settings name one (from ../content/defaults.ts).
 */
import { DEFAULT_SETTINGS } from '../content/defaults.ts';
import type { Settings } from '../content/schema.ts';
import type { CalendarView } from './calendar-view.ts';

export interface ScheduleContext {
  /** Calendar look-ups in the settings' time zone. */
  calendar: CalendarView;
  /** Site settings (eventLeadDays, slideSeconds, locale); buildPlaylist fills this in. */
  settings?: Settings;
  /** Staff preview: drafts pass (their reason still says "draft"). Screens never set this. */
  preview?: boolean;
}

/** Days before an event's start from which it is shown, when neither item nor settings say. */
export const DEFAULT_EVENT_LEAD_DAYS: number = DEFAULT_SETTINGS.eventLeadDays;
