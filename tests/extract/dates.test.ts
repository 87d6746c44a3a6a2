import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../src/dates/mentions.ts';
import { isDeadlineMention } from '../../src/dates/deadline-context.ts';
import { writtenDays } from '../../src/dates/written-days.ts';

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

describe('days written with a month', () => {
  const read = (text: string, options?: { ignoreCase?: boolean }) => writtenDays(text, options).map(({ text, month, day, year }) => ({ text, month, day, year }));

  it('reads the forms news copy writes a day in', () => {
    expect(read('Talks resumed on July 9 and ended Aug. 1, 2025.')).toEqual([
      { text: 'July 9', month: 7, day: 9, year: null },
      { text: 'Aug. 1, 2025', month: 8, day: 1, year: 2025 },
    ]);
    expect(read('The deadline of 9 July passed; the 1st of August 2025 loomed; filed 2025-07-22.')).toEqual([
      { text: '9 July', month: 7, day: 9, year: null },
      { text: '1st of August 2025', month: 8, day: 1, year: 2025 },
      { text: '2025-07-22', month: 7, day: 22, year: 2025 },
    ]);
    expect(read('They spoke on Wednesday, July 23rd, and again on Thurs., Sept. 4.')).toEqual([
      { text: 'Wednesday, July 23rd', month: 7, day: 23, year: null },
      { text: 'Thurs., Sept. 4', month: 9, day: 4, year: null },
    ]);
  });

  it('quotes a span of days whole and dates it by its first', () => {
    expect(read('The G7 summit runs June 15 to 17 in Kananaskis.')).toEqual([{ text: 'June 15 to 17', month: 6, day: 15, year: null }]);
    expect(read('Leaders meet on 15-17 June 2025.')).toEqual([{ text: '15-17 June 2025', month: 6, day: 15, year: 2025 }]);
    // Before a month, "from 10 to 25" is more likely a change of rate than a span.
    expect(read('Duties rose from 10 to 25 July levels.')[0]).toMatchObject({ day: 25 });
  });

  it('takes no rate, time, price or impossible day for a day', () => {
    expect(read('Rates went from July 9 to 25% tariffs.')).toEqual([{ text: 'July 9', month: 7, day: 9, year: null }]);
    expect(read('A May 24 percent rise, a $10 June coupon, a 2.5 July bond and February 30 are not days.')).toEqual([]);
    expect(read('The call was set for June 3 at 9 a.m., not June 3 p.m.')).toEqual([{ text: 'June 3', month: 6, day: 3, year: null }]);
    expect(read('Officials said the plan may 5 times over. Tariffs were set for May 2025.')).toEqual([]);
  });

  it('reads a line set in capitals only when asked', () => {
    expect(read('UPDATED JULY 6, 2025')).toEqual([]);
    expect(read('UPDATED JULY 6, 2025', { ignoreCase: true })).toEqual([{ text: 'JULY 6, 2025', month: 7, day: 6, year: 2025 }]);
  });
});
