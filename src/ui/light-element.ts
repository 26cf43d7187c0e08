import { LitElement } from 'lit';

/**
 * The base of every kiosk component: it renders into itself (light DOM), so the page's
 * stylesheet src/ui/kiosk.css styles it and no CSS travels in the kiosk's JS.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
