/**
 * Shared styles: a dense, accessible staff-app look in system CJK fonts. Colours and sizes are CSS
 * custom properties (they inherit through shadow roots), so the host app can retheme the forms.
 */
import { css } from 'lit';

export const FONT_STACK = css`system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif`;

/** Custom properties with their defaults, set on <wy-form>. */
export const tokens = css`
  :host {
    --wy-font: ${FONT_STACK};
    --wy-text: #1f2329;
    --wy-muted: #5c6370;
    --wy-border: #c3c8d0;
    --wy-border-strong: #8a919c;
    --wy-bg: #ffffff;
    --wy-bg-subtle: #f5f6f8;
    --wy-readonly-bg: #f0f1f3;
    --wy-accent: #1a5fd0;
    --wy-accent-text: #ffffff;
    --wy-error: #c4281c;
    --wy-error-bg: #fdf1f0;
    --wy-radius: 4px;
    --wy-control-height: 32px;
    --wy-font-size: 14px;
    --wy-gap: 12px;
  }
`;

/** Styles every widget shares: label, control, help, error. */
export const fieldStyles = css`
  :host {
    display: block;
    min-width: 0;
    font-family: var(--wy-font, ${FONT_STACK});
    font-size: var(--wy-font-size, 14px);
    color: var(--wy-text, #1f2329);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  :host([wide]) {
    grid-column: 1 / -1;
  }
  .label {
    display: block;
    font-size: 13px;
    font-weight: 600;
    margin: 0 0 4px;
    padding: 0;
    color: var(--wy-text, #1f2329);
  }
  .req {
    color: var(--wy-error, #c4281c);
    margin-inline-start: 2px;
    font-weight: 700;
  }
  .help {
    font-size: 12px;
    color: var(--wy-muted, #5c6370);
    margin-top: 3px;
  }
  .error {
    font-size: 12px;
    color: var(--wy-error, #c4281c);
    margin-top: 3px;
    font-weight: 500;
  }
  .error::before {
    content: '⚠ ';
  }
  input[type='text'],
  input[type='tel'],
  input[type='email'],
  input[type='url'],
  input[type='date'],
  input[type='time'],
  input[type='datetime-local'],
  input:not([type]),
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: var(--wy-control-height, 32px);
    padding: 4px 8px;
    font: inherit;
    color: inherit;
    background: var(--wy-bg, #fff);
    border: 1px solid var(--wy-border, #c3c8d0);
    border-radius: var(--wy-radius, 4px);
  }
  textarea {
    resize: vertical;
    min-height: 4.5em;
    line-height: 1.5;
  }
  input:hover,
  select:hover,
  textarea:hover {
    border-color: var(--wy-border-strong, #8a919c);
  }
  :focus-visible {
    outline: 2px solid var(--wy-accent, #1a5fd0);
    outline-offset: 1px;
  }
  input:focus,
  select:focus,
  textarea:focus {
    outline: 2px solid var(--wy-accent, #1a5fd0);
    outline-offset: -1px;
    border-color: var(--wy-accent, #1a5fd0);
  }
  [aria-invalid='true'] {
    border-color: var(--wy-error, #c4281c) !important;
    background: var(--wy-error-bg, #fdf1f0);
  }
  input[readonly],
  textarea[readonly],
  select:disabled,
  input:disabled,
  textarea:disabled {
    background: var(--wy-readonly-bg, #f0f1f3);
    color: var(--wy-muted, #5c6370);
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--wy-accent, #1a5fd0);
    flex: none;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    min-height: var(--wy-control-height, 32px);
    align-items: center;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    cursor: pointer;
  }
  .option label {
    cursor: pointer;
  }
  button {
    font: inherit;
    font-size: 13px;
    min-height: 28px;
    padding: 2px 10px;
    border: 1px solid var(--wy-border, #c3c8d0);
    border-radius: var(--wy-radius, 4px);
    background: var(--wy-bg, #fff);
    color: var(--wy-text, #1f2329);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--wy-accent, #1a5fd0);
    color: var(--wy-accent, #1a5fd0);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .link {
    border: 0;
    background: none;
    padding: 0 2px;
    min-height: 0;
    color: var(--wy-accent, #1a5fd0);
    text-decoration: underline;
  }
  .counter {
    float: right;
    font-size: 12px;
    color: var(--wy-muted, #5c6370);
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--wy-error, #c4281c);
    font-weight: 600;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
