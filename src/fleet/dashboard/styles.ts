import { css } from 'lit';

export const dashboardStyles = css`
  :host { display: block; font-family: 'Noto Sans CJK TC', system-ui, sans-serif; color: #102a22; background: #f4f6f5; min-height: 100vh; }
  header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: 0.75rem 1.5rem; background: #0b3d2e; color: #fff; }
  header h1 { font-size: 1.2rem; margin: 0 auto 0 0; }
  nav { display: flex; gap: 0.25rem; }
  nav button, header button, header select { font: inherit; }
  nav button { background: transparent; color: #fff; border: 1px solid #ffffff80; border-radius: 0.25rem; padding: 0.3rem 0.8rem; cursor: pointer; }
  nav button[aria-current='page'] { background: #fff; color: #0b3d2e; }
  main { padding: 1rem 1.5rem; }
`;

export const tableStyles = css`
  :host { display: block; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #d5dcd9; vertical-align: top; }
  th { background: #e6ece9; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  tr.silent td { background: #fde8e8; color: #8a0000; font-weight: bold; }
  .badge { display: inline-block; padding: 0 0.4rem; border-radius: 0.2rem; font-size: 0.85em; }
  .badge.silent { background: #a00000; color: #fff; }
  .badge.online { background: #1d6b3a; color: #fff; }
  .badge.off { background: #5a6360; color: #fff; }
  .badge.never { background: #fff; color: #333; border: 1px solid #5a6360; }
  .muted { color: #4a5552; }
  form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-bottom: 1rem; }
  label { display: flex; flex-direction: column; font-size: 0.9rem; }
  input, select, button, a.button { font: inherit; padding: 0.25rem 0.5rem; }
  a.button { background: #0b3d2e; color: #fff; text-decoration: none; border-radius: 0.25rem; }
  .error { color: #8a0000; }
  svg text { font-size: 11px; fill: #102a22; }
  .scroll { overflow-x: auto; margin-top: 1rem; }
  table.days { width: auto; }
  table.days caption { text-align: left; font-weight: bold; padding: 0.35rem 0; }
  table.days th, table.days td { padding: 0.25rem 0.4rem; white-space: nowrap; }
  table.days th[scope='row'] { background: #fff; font-weight: normal; }
  abbr { text-decoration: none; }
`;
