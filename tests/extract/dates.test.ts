import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../src/dates/mentions.ts';
import { isDeadlineMention } from '../../src/dates/deadline-context.ts';

const first = (sentence: string, reference: string) => findDateMentions(sentence, reference)[0]?.date;

describe('date expressions against the article date', () => {
  // 2025-07-19 was a Saturday.
  it('puts a weekday before the article when the verb is past', () => {
    expect(first('The two ministers held a call on Thursday.', '2025-07-19')).toEqual({ value: '2025-07-17', precision: 'day' });
    expect(first('Bessent met the prime minister on Friday.', '2025-07-19')).toEqual({ value: '2025-07-18', precision: 'day' });
  });

  it('puts a weekday after the article when the verb looks ahead', () => {
    expect(first('The summit, which begins Sunday, will be attended by both leaders.', '2025-07-19')).toEqual({ value: '2025-07-20', precision: 'day' });
    expect(first('Akazawa will meet Lutnick on Wednesday.', '2025-07-19')).toEqual({ value: '2025-07-23', precision: 'day' });
    expect(first('The pause remains in place until Wednesday.', '2025-07-06')).toEqual({ value: '2025-07-09', precision: 'day' });
  });

  it('reads "next week" as a week and a bare month as a month', () => {
    expect(first('He plans to visit Washington next week.', '2025-07-19')).toEqual({ value: '2025-07-21', precision: 'week' });
    expect(first('Japan wants a deal before July.', '2025-06-15')).toEqual({ value: '2025-07', precision: 'month' });
  });

  it('does not take a rate for a date', () => {
    expect(findDateMentions('Tariffs are set to jump to 25% from 10%.', '2025-07-19')).toEqual([]);
  });

  it('gives the year nearest the article to a date without one', () => {
    expect(first('The tariff takes effect on Aug. 1.', '2025-07-19')).toEqual({ value: '2025-08-01', precision: 'day' });
    expect(first('Akazawa first met Trump on April 16.', '2025-12-02')).toEqual({ value: '2025-04-16', precision: 'day' });
  });

  it('tells a deadline from the date of an event', () => {
    const deadline = 'Both sides want a deal before a looming August 1 tariff deadline.';
    expect(isDeadlineMention(deadline, findDateMentions(deadline, '2025-07-23')[0]!)).toBe(true);
    const event = 'Ishiba faces an upper house election on July 20.';
    expect(isDeadlineMention(event, findDateMentions(event, '2025-07-14')[0]!)).toBe(false);
    const start = 'Japanese goods will face a 25% tariff from Aug. 1.';
    expect(isDeadlineMention(start, findDateMentions(start, '2025-07-10')[0]!)).toBe(true);
  });
});
