import { describe, expect, it } from 'vitest';
import { periodLabel } from './period-label.js';

describe('periodLabel', () => {
  it('names months, quarters, half-years and other periods in Chinese', () => {
    expect(['2026-12', '2027-01', '2027-Q1', '2027-H1', '2027-H2', '2027-P2'].map(periodLabel))
      .toEqual(['2026年12月', '2027年1月', '2027年第1季度', '2027年上半年', '2027年下半年', '2027年第2期']);
  });
});
