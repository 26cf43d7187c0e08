/**
 * The one stylesheet module. Sizes are in --u: 1 --u is 1 px when the short side of the kiosk is
 * 1080 px (100cqmin of <kiosk-app>, or of the viewport for a slide shown alone), so a 1080p and
 * a 4K screen look the same. No text is smaller than 40 --u. Every text colour is at least 7:1
 * against its background (WCAG AAA). The fonts are inherited from the page (src/app/kiosk.css).
 */
import { css } from 'lit';

/** Type, colour and the --u unit: every kiosk component starts with this. */
export const base = css`
:host{--u:calc(100cqmin/1080);--fg:#fff;--ac:#ffe9a8;--bg:#10202c;box-sizing:border-box;color:var(--fg);background:var(--bg);line-height:1.4}
*{margin:0;box-sizing:border-box}
`;

/** The slide frame: a label row, then the text box (.fit) beside its picture or QR code. */
export const slideStyles = [base, css`
:host{--fs:calc(var(--u)*60);display:flex;flex-direction:column;gap:calc(var(--u)*28);height:100%;overflow:hidden;
padding:calc(var(--u)*32) calc(var(--u)*64) calc(var(--u)*48)}
.label{flex:none;display:flex;align-items:center;gap:calc(var(--u)*28);height:calc(var(--u)*64);font-size:calc(var(--u)*40);font-weight:700;color:var(--ac);white-space:nowrap}
.label b{flex:1}
.mark{border:calc(var(--u)*4) solid;border-radius:calc(var(--u)*12);padding:0 calc(var(--u)*16);line-height:1.25}
.main{flex:1;min-height:0;display:flex;gap:calc(var(--u)*56)}
:host([portrait]) .main{flex-direction:column}
.fit{flex:1;min-width:0;min-height:0;overflow:hidden;display:flex;flex-direction:column;gap:calc(var(--fs)*.45);
font-size:var(--fs);overflow-wrap:anywhere;line-break:strict;text-wrap:pretty}
h1{flex:none;font-size:calc(var(--fs)*var(--ts,1.4));line-height:1.25;color:var(--ac);text-wrap:balance;word-break:keep-all}
.meta,.big{color:var(--ac);font-weight:700}
.big{font-size:calc(var(--fs)*1.2)}
.cd{align-self:flex-start;font-size:1.2em;padding:0 .4em;border-radius:.2em;background:var(--ac);color:var(--bg);font-weight:700}
.pt{position:relative;padding-left:1.1em}
.pt::before{content:'';position:absolute;left:.2em;top:.52em;width:.42em;height:.42em;border-radius:50%;background:var(--ac)}
.cont::before{content:none}
.aside{flex:none;display:flex;flex-direction:column;align-items:center;gap:calc(var(--u)*24);width:calc(var(--u)*600)}
:host([portrait]) .aside{flex-direction:row;width:auto;justify-content:center}
.pic{flex:1;min-height:0;min-width:0;width:100%;object-fit:contain}
:host([portrait]) .pic{flex:1 1 0;height:calc(var(--u)*560)}
.qr{flex:none;display:flex;flex-direction:column;align-items:center;gap:calc(var(--u)*12);font-size:calc(var(--u)*40);font-weight:700;color:var(--ac)}
.qr img{width:calc(var(--u)*400);height:calc(var(--u)*400);border-radius:calc(var(--u)*12);background:#fff}
`];
