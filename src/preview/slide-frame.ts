/**
 * <slide-frame>: one kiosk slide in a shadow root of its own. The kiosk's slides render into
 * light DOM and are styled by the page's stylesheet (src/ui/kiosk.css, linked by preview.html).
 * Inside <preview-app>'s shadow root that sheet would not reach them, and the preview's own rules
 * (h1, .meta, figcaption…) would; so the frame adopts a copy of the page's stylesheets, and
 * nothing else.
 */
import { LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SlideData } from '../ui/slide.ts';
import { slideTemplate } from '../ui/slide-template.ts';

let pageSheet: CSSStyleSheet | undefined;

/** The rules of the page's stylesheets as one constructed sheet, made once (the links in <head> load before any script runs). */
function pageStyles(): CSSStyleSheet {
  if (!pageSheet) {
    pageSheet = new CSSStyleSheet();
    pageSheet.replaceSync([...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
  }
  return pageSheet;
}

@customElement('slide-frame')
export class SlideFrame extends LitElement {
  @property({ attribute: false }) data?: SlideData;

  protected override createRenderRoot(): ShadowRoot {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [pageStyles()];
    return root;
  }

  override render() {
    return this.data ? slideTemplate(this.data, 0, false) : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'slide-frame': SlideFrame;
  }
}
