import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { NO_REASON, type PrismaCounts, prismaCounts, type PrismaRow } from './counts';
import { prismaCsv } from './csv';
import { prismaDescription, prismaSvg } from './svg';

type El = { name: string; attrs: Record<string, string>; text: string };

/** Parses with saxes (throws on malformed XML) and returns every element with its attributes and text. */
function parseXml(xml: string): El[] {
  const parser = new SaxesParser({ xmlns: true });
  const out: El[] = [];
  const stack: El[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const el = {
      name: t.name,
      attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, a]) => [k, a.value])),
      text: '',
    };
    out.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return out;
}

const row = (p: Partial<PrismaRow>): PrismaRow => ({
  origin: 'upload refs.ris',
  duplicate: false,
  outcome: 'unscreened',
  exclusionReason: null,
  curated: false,
  ...p,
});
const rep = (n: number, p: Partial<PrismaRow>) => Array.from({ length: n }, () => row(p));

/** The acceptance scenario: 30 uploaded records, 5 duplicates, 25 screened. */
const ACCEPTANCE: PrismaRow[] = [
  ...rep(5, { duplicate: true }),
  ...rep(12, { outcome: 'included' }).map((r, i) => ({ ...r, curated: i < 4 })),
  ...rep(8, { outcome: 'excluded', exclusionReason: 'Not about extracellular vesicles' }),
  ...rep(4, { outcome: 'excluded', exclusionReason: 'Wrong species' }),
  row({ outcome: 'excluded' }),
];

describe('prismaCounts', () => {
  it('counts the acceptance scenario', () => {
    expect(prismaCounts(ACCEPTANCE)).toEqual({
      identified: { 'upload refs.ris': 30 },
      duplicatesRemoved: 5,
      screened: 25,
      excluded: 13,
      excludedByReason: { 'Not about extracellular vesicles': 8, 'Wrong species': 4, [NO_REASON]: 1 },
      included: 12,
      curated: 4,
      awaitingDecision: 0,
      notYetScreened: 0,
    });
  });

  it('separates undecided and unscreened records, per origin', () => {
    const c = prismaCounts([
      row({ origin: 'Europe PMC', outcome: 'conflict' }),
      row({ origin: 'Europe PMC', outcome: 'maybe' }),
      row({ outcome: 'awaiting_second' }),
      row({ outcome: 'unscreened' }),
      row({ origin: 'Europe PMC', duplicate: true, outcome: 'included' }),
    ]);
    expect(c).toMatchObject({
      identified: { 'Europe PMC': 3, 'upload refs.ris': 2 },
      duplicatesRemoved: 1,
      screened: 3,
      awaitingDecision: 3,
      notYetScreened: 1,
      included: 0,
    });
  });

  it('keeps a "__proto__" label as an ordinary count', () => {
    const c = prismaCounts([
      row({ origin: '__proto__' }),
      row({ origin: '__proto__', outcome: 'excluded', exclusionReason: 'constructor' }),
    ]);
    expect(Object.keys(c.identified)).toEqual(['__proto__']);
    expect(c.identified['__proto__']).toBe(2);
    expect(c.excludedByReason).toEqual({ constructor: 1 });
  });
});

const HOSTILE = '</text><script>alert("x")</script> & \'co\' \u0001\uFFFE]]>';
const counts: PrismaCounts = {
  identified: { 'Europe PMC: "EVs" & muscle': 20, [HOSTILE]: 10 },
  duplicatesRemoved: 5,
  screened: 25,
  excluded: 13,
  excludedByReason: { 'Wrong species': 4, [`=HYPERLINK("http://x")<b>`]: 9 },
  included: 12,
  curated: 4,
  awaitingDecision: 0,
  notYetScreened: 0,
};

describe('prismaSvg', () => {
  it('is well-formed, accessible XML', () => {
    const els = parseXml(prismaSvg(counts));
    const svg = els[0]!;
    expect(svg.name).toBe('svg');
    expect(svg.attrs).toMatchObject({ role: 'img', 'aria-labelledby': 'prisma-title prisma-desc' });
    expect(els.find((e) => e.name === 'title')!.text).toBe('PRISMA 2020 flow diagram');
    expect(els.filter((e) => e.name === 'script')).toEqual([]);
  });

  it('puts each count exactly in a text with its data-stage (labels cut to 44 characters on the figure)', () => {
    const texts = parseXml(prismaSvg(counts)).filter((e) => e.attrs['data-stage']);
    const by = (stage: string) =>
      texts
        .filter((t) => t.attrs['data-stage'] === stage)
        .map((t) => [t.attrs['data-label'] ?? null, Number(t.attrs['data-count']), t.text]);
    expect(by('identified')).toEqual([
      ['Europe PMC: "EVs" & muscle', 20, 'Europe PMC: "EVs" & muscle (n = 20)'],
      [
        '</text><script>alert("x")</script> & \'co\' ]]>',
        10,
        '</text><script>alert("x")</script> & \'co\' ]… (n = 10)',
      ],
    ]);
    expect(by('duplicates')).toEqual([[null, 5, 'Duplicate records removed (n = 5)']]);
    expect(by('screened')).toEqual([[null, 25, 'Records screened (n = 25)']]);
    expect(by('excluded')).toEqual([[null, 13, 'Records excluded (n = 13)']]);
    expect(by('excluded-reason').map((x) => x[1])).toEqual([4, 9]);
    expect(by('included')).toEqual([[null, 12, 'Studies included (n = 12)']]);
    expect(by('curated')).toEqual([[null, 4, 'Studies curated (n = 4)']]);
    expect(by('awaiting')).toEqual([]);
  });

  it('describes the whole flow with every number', () => {
    const desc = parseXml(prismaSvg(counts)).find((e) => e.name === 'desc')!.text;
    expect(desc).toBe(prismaDescription(counts).replace(/[\u0001\uFFFE]/g, ''));
    expect(desc).toContain('30 records identified (20 from Europe PMC: "EVs" & muscle; 10 from');
    expect(desc).toContain('5 duplicate records removed before screening.');
    expect(desc).toContain('25 records screened; 13 records excluded (4 Wrong species; 9 =HYPERLINK');
    expect(desc).toContain('Included: 12 studies included, 4 of them curated.');
  });

  it('shows pending records when there are any, and an empty flow', () => {
    const pending = parseXml(prismaSvg({ ...counts, awaitingDecision: 2, notYetScreened: 3 })).filter(
      (e) => e.attrs['data-stage'],
    );
    expect(
      pending.filter((e) => ['awaiting', 'not-screened'].includes(e.attrs['data-stage']!)).map((e) => e.text),
    ).toEqual(['Awaiting a decision (n = 2)', 'Not yet screened (n = 3)']);
    const empty = prismaCounts([]);
    const els = parseXml(prismaSvg(empty, { idPrefix: 'a"b' }));
    expect(els[0]!.attrs['aria-labelledby']).toBe('ab-title ab-desc');
    expect(els.find((e) => e.name === 'desc')!.text).toContain('0 records identified; 0 duplicate records removed');
  });
});

describe('prismaCsv', () => {
  it('has the header and one row per line of the figure, neutralizing formulas and quoting as RFC 4180 wants', () => {
    const lines = prismaCsv(counts).split('\r\n');
    expect(lines[0]).toBe('stage,label,count');
    expect(lines).toContain('identified,"Europe PMC: ""EVs"" & muscle",20');
    expect(lines).toContain('duplicates_removed,Duplicate records removed,5');
    expect(lines).toContain('screened,Records screened,25');
    expect(lines).toContain('excluded,Records excluded,13');
    expect(lines).toContain(`excluded_reason,"'=HYPERLINK(""http://x"")<b>",9`);
    expect(lines).toContain('included,Studies included,12');
    expect(lines).toContain('curated,Studies curated,4');
    expect(lines).toContain('not_yet_screened,Records not yet screened,0');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 2 + 5 + 2 + 2 + 1);
  });
});
