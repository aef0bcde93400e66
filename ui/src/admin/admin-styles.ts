/** Styles shared by the admin editor's elements (on top of the app's `base`). */
import { css } from 'lit';

export const adminStyles = css`
  .issue { color: var(--wy-danger); font-size: 12px; margin-top: 2px; display: block; }
  .issue > span { display: block; }
  label.block { display: flex; width: 100%; }
  label.block textarea, label.block input { width: 100%; max-width: 100%; }
  .issue .raw { color: var(--wy-muted); }
  [aria-invalid='true'] { border-color: var(--wy-danger); background: var(--wy-danger-light); }
  .grid { display: grid; gap: 10px 14px; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); align-items: start; }
  .row { display: flex; gap: 10px; align-items: flex-end; flex-wrap: wrap; }
  .row > label { min-width: 0; }
  .chips { display: flex; flex-wrap: wrap; gap: 4px 10px; }
  .chips label { flex-direction: row; align-items: center; gap: 4px; color: inherit; font-size: 13px; }
  fieldset { border: 1px solid var(--wy-border); border-radius: var(--wy-radius); padding: 8px 12px 10px; margin: 0; min-width: 0; }
  legend { font-size: 13px; color: var(--wy-muted); padding: 0 4px; }
  .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; color: var(--wy-muted); }
  .small { font-size: 12px; }
  .hint { font-size: 12px; color: var(--wy-muted); margin: 4px 0 8px; }
  button.link { border: none; background: none; color: var(--wy-primary); padding: 0 2px; min-height: 0; text-decoration: underline; }
  button.icon { min-height: 26px; padding: 0 8px; }
  input.num { width: 90px; }
  textarea.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; width: 100%; min-height: 90px; }
  details > summary { cursor: pointer; }
  .card-head { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
  .card-head h2, .card-head h3 { margin: 0; }
  .overridden { background: #fff4e0; color: #8a5300; }
  .changed { background: #fff8e1; }
`;
