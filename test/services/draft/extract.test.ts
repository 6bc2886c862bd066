/**
 * The rule layer on sentences of the kinds real reporting uses (written for these tests): hedges
 * to bounds, ranges, vague quantities, scales and currencies, rates, relative periods, traps, and
 * attribution in the sentence, by back-reference and inherited from a lead.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/services/draft/extract.js';

const one = (text: string, publishedAt = '2025-04-15') => extract(text, publishedAt).claims;
const q = (text: string, publishedAt?: string) => one(text, publishedAt).map((c) => ({ v: c.figure.value ?? [c.figure.low, c.figure.high], b: c.figure.bound, u: c.figure.unit }));

describe('figures, bounds and units', () => {
  it.each([
    ['More than 4,000 runners finished the race.', { v: 4000, b: 'AT_LEAST', u: 'persons' }],
    ['Nearly 9.4 million people were inactive.', { v: 9_400_000, b: 'ALMOST', u: 'persons' }],
    ['The storm destroyed some 1,200 homes.', { v: 1200, b: 'APPROX', u: 'homes' }],
    ['Up to 10,000 jobs could go.', { v: 10000, b: 'AT_MOST', u: 'jobs' }],
    ['The project will cost $3bn.', { v: 3e9, b: 'EXACT', u: 'USD' }],
    ['Fans spent £4.5 million on tickets.', { v: 4.5e6, b: 'EXACT', u: 'GBP' }],
    ['Inflation rose to 3.4% in March.', { v: 3.4, b: 'EXACT', u: 'percent' }],
    ['Turnout was 61 per cent.', { v: 61, b: 'EXACT', u: 'percent' }],
    ['The fire burned 12,500 hectares of forest.', { v: 12500, b: 'EXACT', u: 'ha' }],
    ['Temperatures reached 41.5C on Monday.', { v: 41.5, b: 'EXACT', u: 'degrees C' }],
    ['Half a million people marched.', { v: 500000, b: 'EXACT', u: 'persons' }],
    ['Hundreds of patients waited for hours.', { v: 200, b: 'AT_LEAST', u: 'persons' }],
    ['The majority of voters backed the plan.', { v: 50, b: 'AT_LEAST', u: 'percent' }],
  ])('%s', (text, want) => {
    expect(q(text)[0]).toEqual(want);
  });

  it('reads ranges, and a change "from/by X to Y" as two figures', () => {
    expect(q('Between 60,000 and 80,000 jobs could be lost.')[0]).toEqual({ v: [60000, 80000], b: 'RANGE', u: 'jobs' });
    expect(q('Officials expect 2–3 new cases a week.')[0]).toMatchObject({ v: [2, 3], b: 'RANGE' });
    expect(q('Vacancies fell by 26,000 to 898,000.').map((x) => x.v)).toEqual([26000, 898000]);
    expect(q('The rate rose from 4.2% to 4.4%.').map((x) => x.v)).toEqual([4.2, 4.4]);
  });
});

describe('not claims', () => {
  it.each([
    ['On 12 March 2024 the minister spoke.'],
    ['The meeting starts at 14:05.'],
    ['The COVID-19 pandemic changed everything.'],
    ['It was the lowest level in nine months.'],
    ['She finished 3rd in the final.'],
    ['Updated 14:05 GMT, 5 min read'],
    ['The number rose in the three months to March.'],
  ])('%s', (text) => {
    expect(q(`${text}`)).toEqual([]);
  });

  it('drops a restated figure', () => {
    expect(q('Prices rose 4.2% in March. The 4.2% rise surprised economists.')).toHaveLength(1);
  });
});

describe('rates, running totals and periods', () => {
  it('makes a rate of "each week" and "a day"', () => {
    const [c] = one('About 300 migrants arrive each week.');
    expect([c.aggregation, c.per]).toEqual(['RATE', 'WEEK']);
    expect(one('The plant emits 40 tonnes a day.')[0]).toMatchObject({ aggregation: 'RATE', per: 'DAY' });
  });

  it('reads periods against the publication date', () => {
    expect(one('Sales fell 8% last year.', '2025-04-15')[0].period).toMatchObject({ start: '2024', granularity: 'YEAR' });
    expect(one('Over 6,000 people have been evacuated since June 2023.')[0]).toMatchObject({ aggregation: 'CUMULATIVE', period: { start: '2023-06', end: null } });
    expect(one('Almost 420,000 were killed in 2025 alone.')[0].period).toMatchObject({ start: '2025', granularity: 'YEAR' });
    expect(one('Exports rose 3% in March.', '2025-04-15')[0].period).toMatchObject({ start: '2025-03', granularity: 'MONTH' });
  });
});

describe('attribution', () => {
  it('finds the agent by its cue, before or after', () => {
    expect(one('Unemployment rose to 4.4%, according to the Office for National Statistics.')[0].agents.map((a) => a.text)).toEqual(['Office for National Statistics']);
    expect(one('The Office for National Statistics (ONS) said 1.6 million people were out of work.')[0].agents.map((a) => a.text)).toEqual(['Office for National Statistics']);
    const [c] = one('Some 40 people were hurt, said Health Minister Jane Doe.');
    expect(c.agents).toMatchObject([{ text: 'Health Minister Jane Doe', kind: 'PERSON' }]);
  });

  it('inherits from a lead sentence, and says so', () => {
    const claims = one('The figures were published by the World Health Organization on Tuesday.\nCases rose to 12,000 in March.');
    expect(claims[0]).toMatchObject({ inherited: true, agents: [{ text: 'World Health Organization' }] });
  });

  const agents = (text: string) => one(text).map((c) => [c.figure.value ?? c.figure.low, c.agents.map((a) => a.text)]);

  it('reads "the club", "the accounts" and a surname back to the body or person named in full', () => {
    const text = [
      'Northgate Rugby Club made a profit of £2.1m last season, according to accounts the club filed on Monday.',
      'Ticket sales rose to 14,000 a match, according to the club.',
      'Its owners have lent it a further £6m, the accounts show.',
      '"We expect 20,000 members by 2027," said Dana Okafor, the chief executive.',
      'Okafor said the club expected revenue of £30m next year.',
    ].join('\n');
    expect(agents(text)).toEqual([
      [2100000, ['Northgate Rugby Club']],
      [14000, ['Northgate Rugby Club']],
      [6000000, ['Northgate Rugby Club']],
      [20000, ['Dana Okafor']],
      [30000000, ['Dana Okafor']],
    ]);
  });

  it('prefers the body named beside a kind of speaker, and reads "analysts at X"', () => {
    expect(agents('More than 300 million adults have diabetes, a study published in The BMJ found.')).toEqual([[300000000, ['BMJ']]]);
    expect(agents('Geologists have mapped 41 new faults, a team led by the University of Bergen reported.')).toEqual([[41, ['University of Bergen']]]);
    expect(agents('The deal is worth $80m a year, analysts at the consultancy Brightwater estimate.')[0][1]).toEqual(['Brightwater']);
    expect(one('The deal is worth $80m a year, analysts at the consultancy Brightwater estimate.')[0].agents[0].kind).toBe('ORGANIZATION');
  });

  it('keeps a publication lead across a remark with no figure, and reads no cue in "United States"', () => {
    const text = [
      'The Harbour Port Authority handled 4.1 million containers last year, according to figures it published on Friday.',
      'Its director, Sam Lee, said the results reflected new cranes.',
      'Exports through the port rose to £12bn.',
      'In the United States, 44% of ports reported delays.',
    ].join('\n');
    const found = agents(text);
    expect(found[1]).toEqual([12000000000, ['Harbour Port Authority']]);
    expect(found[2][1]).not.toContain('United');
  });
});
