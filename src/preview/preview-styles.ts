import { css } from 'lit';

export const previewStyles = css`
  :host {
    display: block;
    font-family: 'Noto Sans CJK TC', 'Noto Sans TC', 'Noto Sans CJK SC', system-ui, sans-serif;
    color: #111;
    background: #f6f6f2;
    min-height: 100vh;
    padding: 0 1.5rem 3rem;
    box-sizing: border-box;
    font-size: 16px;
    line-height: 1.5;
  }
  header { position: sticky; top: 0; z-index: 2; background: #f6f6f2; padding: 0.75rem 0; border-bottom: 2px solid #0b3d2e; }
  h1 { margin: 0 0 0.5rem; font-size: 1.4rem; color: #0b3d2e; }
  h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; color: #0b3d2e; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
  label { display: flex; flex-direction: column; font-weight: 600; font-size: 0.9rem; }
  select, input, button { font: inherit; padding: 0.35rem 0.6rem; border: 1px solid #555; border-radius: 6px; background: #fff; color: #111; }
  button { cursor: pointer; }
  button:hover { background: #e8f2ec; }
  :focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
  .steps { display: flex; gap: 0.35rem; flex-wrap: wrap; }
  .open { display: inline-block; margin-top: 0.5rem; color: #0b4f8a; font-weight: 600; }
  .planned-csv { margin: 0.5rem 0 0 1rem; }
  .problems { background: #fff0f0; border: 2px solid #a40000; border-radius: 8px; padding: 0.5rem 1rem; margin-top: 1rem; color: #5c0000; }
  .problems h2 { color: #a40000; margin-top: 0.5rem; }
  .problems ul { margin: 0; padding-left: 1.2rem; }
  .problems code { white-space: pre-wrap; color: #5c0000; }
  .warnings { background: #fff8e1; border-color: #7a4b00; color: #4a2e00; }
  .warnings summary { font-weight: 600; cursor: pointer; }
  .warnings code { color: #4a2e00; }
  .error { color: #a40000; font-weight: 700; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
  dt { font-weight: 600; }
  dd { margin: 0; }
  .strip { list-style: none; display: flex; gap: 0.75rem; overflow-x: auto; padding: 0.25rem 0.25rem 0.75rem; margin: 0; }
  .strip button { display: flex; flex-direction: column; gap: 0.25rem; padding: 0.3rem; border: 2px solid transparent; background: none; text-align: left; }
  .strip button[aria-pressed='true'] { border-color: #b35900; background: #fff6e8; }
  /* Ids wrap after "/" and "-" only (<wbr>, ./preview-lists.ts idText), never inside a word. */
  .meta { font-size: 0.8rem; max-width: 14rem; min-width: 10rem; overflow-wrap: break-word; word-break: normal; }
  .draft { color: #a40000; }
  .strip li.on-air button { border-color: #0b4f8a; background: #e6f0fa; }
  .strip li.on-air button[aria-pressed='true'] { border-color: #0b4f8a; box-shadow: 0 0 0 3px #b35900; }
  .air { color: #0b4f8a; }
  .on-air-line code { font-weight: 700; }
  .off-line { font-size: 1.1rem; padding: 0.75rem 1rem; background: #222; color: #fff; border-radius: 6px; display: inline-block; }
  .drafts { border: 2px dashed #a40000; border-radius: 8px; padding: 0 1rem 0.5rem; margin-top: 1rem; background: #fff8f6; }
  .drafts h2 { color: #a40000; }
  .drafts .strip li { display: flex; flex-direction: column; gap: 0.25rem; }
  label small { font-weight: 400; color: #444; }
  input[aria-invalid='true'] { border-color: #a40000; outline: 2px solid #a40000; }
  .unread-at { margin: 0.5rem 0 0; }
  .slide { position: relative; overflow: hidden; background: #111; color: #fff; border-radius: 4px; container-type: size; }
  .slide > * { display: block; width: 100%; height: 100%; }
  .landscape .slide.thumb { width: 240px; height: 135px; }
  .portrait .slide.thumb { width: 108px; height: 192px; }
  .landscape .slide.large { width: min(960px, 100%); aspect-ratio: 16 / 9; height: auto; }
  .portrait .slide.large { width: min(405px, 100%); aspect-ratio: 9 / 16; height: auto; }
  .large { margin: 1rem 0 0; }
  figcaption { margin-top: 0.5rem; }
  table { border-collapse: collapse; }
  .excluded th, .excluded td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid #ccc; }
  .excluded th span { font-weight: 400; }
  .timeline .scroll { overflow-x: auto; }
  .timeline th, .timeline td { padding: 0.1rem 0.3rem; font-size: 0.8rem; border: 1px solid #ddd; text-align: center; }
  .timeline th[scope='row'] { text-align: left; white-space: nowrap; }
  .timeline td.on { background: #0b3d2e; color: #fff; }
  .timeline .dark { background: #444; color: #fff; }
  details.outlook > summary { font-size: 1.15rem; font-weight: 700; color: #0b3d2e; margin: 1.5rem 0 0.5rem; cursor: pointer; }
`;
