/** Styles shared by the app's elements (each element adds its own on top). */
import { css } from 'lit';

export const base = css`
  :host {
    --wy-primary: #125e8a;
    --wy-primary-dark: #0c4463;
    --wy-primary-light: #e3eff7;
    --wy-danger: #c62828;
    --wy-danger-light: #fdecea;
    --wy-warn: #b26a00;
    --wy-ok: #2e7d32;
    --wy-ok-light: #e8f5e9;
    --wy-border: #d9dee5;
    --wy-muted: #5f6b7a;
    --wy-bg: #f3f5f8;
    --wy-card: #fff;
    --wy-radius: 6px;
    box-sizing: border-box;
    font: inherit;
    color: inherit;
  }
  *, *::before, *::after { box-sizing: inherit; }
  /* photos and signatures never push a phone's screen sideways */
  img, canvas, video { max-width: 100%; height: auto; }
  /* one button colour and corner across the app: the forms runtime's accent is the app's primary */
  wy-form { --wy-accent: var(--wy-primary); --wy-radius: 6px; }
  h1 { font-size: 20px; margin: 0 0 16px; font-weight: 600; }
  h2 { font-size: 16px; margin: 0 0 12px; font-weight: 600; }
  h3 { font-size: 14px; margin: 0 0 8px; font-weight: 600; }
  a { color: var(--wy-primary); }
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible {
    outline: 2px solid #f0a500;
    outline-offset: 2px;
  }
  .card {
    background: var(--wy-card);
    border: 1px solid var(--wy-border);
    border-radius: var(--wy-radius);
    padding: 16px;
    margin-bottom: 16px;
  }
  button, .button {
    font: inherit;
    border: 1px solid var(--wy-border);
    background: #fff;
    color: #1f2933;
    border-radius: var(--wy-radius);
    padding: 6px 14px;
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-height: 32px;
  }
  button:hover, .button:hover { border-color: var(--wy-primary); color: var(--wy-primary); }
  button.primary, .button.primary { background: var(--wy-primary); border-color: var(--wy-primary); color: #fff; }
  button.primary:hover, .button.primary:hover { background: var(--wy-primary-dark); color: #fff; }
  button.danger { border-color: var(--wy-danger); color: var(--wy-danger); }
  button[disabled] { opacity: 0.55; cursor: not-allowed; }
  input, select, textarea {
    font: inherit;
    border: 1px solid var(--wy-border);
    border-radius: var(--wy-radius);
    padding: 5px 8px;
    min-height: 32px;
    background: #fff;
    color: inherit;
  }
  label { display: inline-flex; flex-direction: column; gap: 4px; font-size: 13px; color: var(--wy-muted); }
  label.inline { flex-direction: row; align-items: center; gap: 6px; color: inherit; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--wy-border); vertical-align: top; }
  th { font-weight: 600; color: var(--wy-muted); font-size: 13px; background: #fafbfc; white-space: nowrap; }
  tbody tr:hover { background: #f7fafc; }
  .muted { color: var(--wy-muted); }
  .overdue { color: var(--wy-danger); font-weight: 600; }
  .error-box {
    border: 1px solid var(--wy-danger);
    background: var(--wy-danger-light);
    color: var(--wy-danger);
    padding: 8px 12px;
    border-radius: var(--wy-radius);
    margin: 8px 0;
  }
  .ok-box {
    border: 1px solid var(--wy-ok);
    background: var(--wy-ok-light);
    color: var(--wy-ok);
    padding: 8px 12px;
    border-radius: var(--wy-radius);
    margin: 8px 0;
  }
  .badge {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 10px;
    font-size: 12px;
    background: var(--wy-primary-light);
    color: var(--wy-primary-dark);
    white-space: nowrap;
  }
  .badge.final { background: #eceff1; color: #455a64; }
  .badge.danger { background: var(--wy-danger-light); color: var(--wy-danger); }
  .toolbar { display: flex; gap: 8px; align-items: flex-end; flex-wrap: wrap; margin-bottom: 12px; }
  .spacer { flex: 1; }
  .serial { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: nowrap; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
  }
`;

/** A modal <dialog> with a sticky head (a case's step, a conversion): width from --wy-dialog-width. */
export const dialogStyles = css`
  dialog {
    border: none; border-radius: 8px; padding: 0; width: min(var(--wy-dialog-width, 760px), 96vw); max-height: 92vh;
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
  }
  dialog::backdrop { background: rgb(15 23 42 / 0.45); }
  .head { display: flex; align-items: center; padding: 14px 18px; border-bottom: 1px solid var(--wy-border); position: sticky; top: 0; background: #fff; z-index: 1; }
  .head h2 { margin: 0; }
`;
