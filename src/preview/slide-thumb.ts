/** A slide drawn small (strip) or large, at the screen's aspect ratio. */
import { html } from 'lit';
import type { ActiveContent } from '../app/active-content.ts';
import { localText } from '../calendar/names.ts';
import type { Screen } from '../content/schema.ts';
import type { Slide } from '../schedule/playlist.ts';

export function slideThumb(slide: Slide, content: ActiveContent, screen: Screen, size: 'thumb' | 'large') {
  const lang = screen.locale ?? content.manifest.settings.locale ?? 'zh-Hant';
  return html`<div class="slide ${size} kind-${slide.kind}"><strong>${slide.item ? localText(slide.item.title, lang) : slide.id}</strong></div>`;
}
