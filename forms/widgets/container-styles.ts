import { css } from 'lit';

/** The grid of fields inside <wy-form> sections, nested objects and rows. */
export const gridStyles = css`
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--wy-gap, 12px) 16px;
    align-items: start;
  }
`;
