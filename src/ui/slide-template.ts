/** The element for each kind of slide (lit templates cannot take a tag name as a value). */
import { html, nothing, type TemplateResult } from 'lit';
import type { Kind } from '../content/keys.ts';
import { BUILTIN_ID } from '../frame/glass.ts';
import './kiosk-alert.ts';
import './kiosk-event.ts';
import './kiosk-health.ts';
import './kiosk-notice.ts';
import './kiosk-policy.ts';
import './kiosk-safety.ts';
import './kiosk-today.ts';
import type { SlideData } from './slide.ts';

type Attr = string | typeof nothing;
type Make = (d: SlideData, page: number, item: Attr, kind: Attr) => TemplateResult;

const MAKE: Record<Kind | 'today', Make> = {
  health: (d, p, i, k) => html`<kiosk-health .data=${d} .page=${p} data-item=${i} data-kind=${k}></kiosk-health>`,
  policy: (d, p, i, k) => html`<kiosk-policy .data=${d} .page=${p} data-item=${i} data-kind=${k}></kiosk-policy>`,
  safety: (d, p, i, k) => html`<kiosk-safety .data=${d} .page=${p} data-item=${i} data-kind=${k}></kiosk-safety>`,
  event: (d, p, i, k) => html`<kiosk-event .data=${d} .page=${p} data-item=${i} data-kind=${k}></kiosk-event>`,
  notice: (d, p, i, k) => html`<kiosk-notice .data=${d} .page=${p} data-item=${i} data-kind=${k}></kiosk-notice>`,
  alert: (d, p, i, k) => html`<kiosk-alert .data=${d} .page=${p} data-item=${i} data-kind=${k}></kiosk-alert>`,
  today: (d, p, i, k) => html`<kiosk-today .data=${d} .page=${p} data-item=${i} data-kind=${k}></kiosk-today>`,
};

/**
 * The slide element for `d`, on page `page`. Only the slide on air (`live`) carries
 * data-item / data-kind; one fading out does not.
 */
export function slideTemplate(d: SlideData, page: number, live: boolean): TemplateResult {
  const { id, kind } = d.slide;
  return MAKE[id === BUILTIN_ID ? 'today' : kind](d, page, live ? id : nothing, live ? kind : nothing);
}
