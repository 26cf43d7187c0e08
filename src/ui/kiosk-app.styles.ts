import { css } from 'lit';
import { base } from './styles.ts';

export const appStyles = [base, css`
:host{--bg:#000;--hh:calc(var(--u)*150);display:block;position:relative;width:100vw;height:100vh;overflow:hidden;container-type:size}
:host([portrait]){--hh:calc(var(--u)*230)}
kiosk-header{position:absolute;inset:0 0 auto;height:var(--hh)}
.layer{position:absolute;inset:var(--hh) 0 0;animation:in .6s ease-out both}
.top{z-index:1}
.full{inset:0}
.top.full{z-index:2}
@keyframes in{from{opacity:0}}
.bar{position:absolute;left:0;bottom:0;width:100%;height:calc(var(--u)*10);background:#ffe9a8;transform-origin:0 0;animation:bar var(--d,0s) linear var(--t,0s) both}
.full .bar{background:#ffd60a}
@keyframes bar{from{transform:scaleX(0)}}
@media (prefers-reduced-motion:reduce){.layer{animation:none}}
.page{position:absolute;inset:0;display:flex;flex-direction:column;justify-content:center;align-items:center;gap:calc(var(--u)*40);padding:calc(var(--u)*64);font-size:calc(var(--u)*56)}
.page time{font-size:calc(var(--u)*200);font-weight:700;font-variant-numeric:tabular-nums}
.list{justify-content:flex-start;align-items:flex-start;overflow:auto;font-size:calc(var(--u)*44)}
h1{font-size:calc(var(--u)*72);color:var(--ac)}
ul{padding:0;list-style:none;display:flex;flex-direction:column;gap:calc(var(--u)*24)}
a{color:var(--ac)}
.off{position:absolute;inset:0;display:grid;place-items:center}
.off div{animation:dx 1300s ease-in-out -650s infinite alternate}
.off time{display:block;font-size:calc(var(--u)*160);color:#999;font-variant-numeric:tabular-nums;animation:dy 770s ease-in-out -385s infinite alternate}
@keyframes dx{from{transform:translateX(-30cqw)}to{transform:translateX(30cqw)}}
@keyframes dy{from{transform:translateY(-30cqh)}to{transform:translateY(30cqh)}}
`];
