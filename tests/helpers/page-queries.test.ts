import { describe, expect, it } from 'vitest';
import { sortableDate } from './page-queries.ts';

describe('sortableDate', () => {
  it('sorts a month before its days and a week as its Monday', () => {
    expect(sortableDate('2025-07')).toBe('2025-07-00');
    expect(sortableDate('2025-W28')).toBe('2025-07-07');
    expect(sortableDate('2026-W01')).toBe('2025-12-29');
    expect(sortableDate('2025-07-23T10:00')).toBe('2025-07-23');
    expect(['2025-07-05', '2025-W28', '2025-07', '2025-07-06'].map(sortableDate).sort()).toEqual([
      '2025-07-00',
      '2025-07-05',
      '2025-07-06',
      '2025-07-07',
    ]);
  });
});
