import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFinding, saveDraft } from './queries/curation';
import {
  countFindingsUsingObsoleteTerms,
  findingsUsingObsoleteTerms,
  obsoleteUsesNotice,
  type ObsoleteUse,
} from './queries/obsolete-uses';
import {
  domainFailure,
  failure,
  makeContent,
  MOUSE,
  openSeededDb,
  type DemoActors,
  type TestDb,
  testEngines,
} from './test-utils';
import { describeVocabLoad, loadVocabularies, VOCAB_DIR, type VocabLoadReport } from './vocab-load';

const BONE_MARROW = 'UBERON:0002371';
const RED_BONE_MARROW = 'UBERON:0000361';
const BONE_TISSUE = 'UBERON:0002481';
const GASTROCNEMIUS = 'UBERON:0001388';
const SOLEUS = 'UBERON:0001389';
const KIDNEY = 'UBERON:0002113';
const ORIGINAL_UBERON = readFileSync(path.join(VOCAB_DIR, 'uberon.tsv'), 'utf8');

/** uberon.tsv as a newer release would give it: some terms obsolete (with a replacement or none), some gone. */
function writeUberon(
  dir: string,
  change: { version?: string; obsolete?: Record<string, string | null>; remove?: string[] } = {},
): void {
  const [header, ...lines] = ORIGINAL_UBERON.replace(/\n$/, '').split('\n');
  const rows = lines
    .filter((l) => !change.remove?.includes(l.split('\t')[0]!))
    .map((l) => {
      const id = l.split('\t')[0]!;
      const replacement = change.obsolete?.[id];
      return replacement === undefined ? `${l}\t\t` : `${l}\ttrue\t${replacement ?? ''}`;
    });
  const version = change.version ? `# version: ${change.version}\n` : '';
  writeFileSync(path.join(dir, 'uberon.tsv'), `${version}${header}\tobsolete\treplaced_by\n${rows.join('\n')}\n`);
}

const entry = (report: VocabLoadReport, vocab: string) => report.find((r) => r.vocab === vocab)!;

describe.each(testEngines())('vocabulary updates (%s)', (engine) => {
  let t: TestDb;
  let actors: DemoActors;
  let dir: string;
  let sourceId: number;

  beforeAll(async () => {
    const seeded = await openSeededDb(engine);
    ({ t } = seeded);
    actors = seeded;
    dir = mkdtempSync(path.join(tmpdir(), 'evx-vocab-'));
    cpSync(VOCAB_DIR, dir, { recursive: true });
    const [s] = await t.query<{ id: number }>(
      `insert into sources (doi, title, metadata_origin) values ('10.5555/vocab.update', 'A vocabulary update test', 'manual') returning id`,
    );
    sourceId = s!.id;
  }, 180_000);
  afterAll(async () => {
    await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const term = async (curie: string) =>
    (
      await t.query<{ obsolete: boolean; replaced_by: string | null; stated: string | null; source_version: string }>(
        `select obsolete, replaced_by, extra->>'replaced_by' as stated, source_version from terms where curie = $1`,
        [curie],
      )
    )[0]!;
  const snapshot = async (findingId: number) => ({
    revisions: JSON.stringify(
      await t.query(`select * from finding_revisions where finding_id = $1 order by id`, [findingId]),
    ),
    finding: (
      await t.query<{ lock_version: number; latest_revision_id: number; term_curies: string[] }>(
        `select lock_version, latest_revision_id, term_curies from findings where id = $1`,
        [findingId],
      )
    )[0]!,
  });
  /** An independent count: findings whose latest or approved revision names any of these terms anywhere. */
  const findingsNaming = async (...curies: string[]) =>
    (
      await t.query<{ n: number }>(
        `select count(distinct f.id)::int as n from findings f join finding_revisions r
           on r.id in (f.latest_revision_id, f.approved_revision_id)
         where exists (select 1 from unnest($1::text[]) c where to_jsonb(r)::text like '%"' || c || '"%')`,
        [curies],
      )
    )[0]!.n;
  /** Every use, two findings a page. */
  const allUses = async (): Promise<ObsoleteUse[]> => {
    const all: ObsoleteUse[] = [];
    let after: number | undefined;
    do {
      const page = await findingsUsingObsoleteTerms(t.db, { after, limit: 2 });
      all.push(...page.uses);
      after = page.next ?? undefined;
    } while (after !== undefined);
    return all;
  };
  const usesOf = async (findingId: number) => (await allUses()).filter((u) => u.findingId === findingId);

  it('marks obsolete terms, rewrites no finding, lists the uses with their replacement, refuses new uses', async () => {
    const content = makeContent({
      targetOrgan: BONE_MARROW,
      species: MOUSE,
      evSourceTerms: [{ curie: GASTROCNEMIUS, label: 'gastrocnemius' }],
      recipientCell: 'Marrow test cells',
    });
    const f = await createFinding(t.db, actors.curator, { sourceId, content });
    const before = await snapshot(f.findingId);
    expect(await usesOf(f.findingId)).toEqual([]);

    writeUberon(dir, { version: 'v2099-01-01', obsolete: { [BONE_MARROW]: RED_BONE_MARROW }, remove: [GASTROCNEMIUS] });
    const report = await loadVocabularies(t.db, dir);
    expect(entry(report, 'UBERON')).toMatchObject({
      status: 'loaded',
      previousVersion: 'v2026-04-01',
      version: 'v2099-01-01',
      obsoleted: 2,
      revived: 0,
      added: 0,
    });
    expect(report.filter((r) => r.status === 'loaded').map((r) => r.vocab)).toEqual(['UBERON']);
    expect(describeVocabLoad(report)).toEqual([
      'vocabulary UBERON v2026-04-01 → v2099-01-01: 509 terms, 2 now obsolete',
    ]);
    expect(await term(BONE_MARROW)).toMatchObject({
      obsolete: true,
      replaced_by: RED_BONE_MARROW,
      source_version: 'v2099-01-01',
    });
    expect(await term(GASTROCNEMIUS)).toMatchObject({ obsolete: true, replaced_by: null });
    const [release] = await t.query<{ version: string; obsolete_count: number; term_count: number }>(
      `select version, obsolete_count, term_count from vocab_releases where vocab = 'UBERON'`,
    );
    expect(release).toEqual({ version: 'v2099-01-01', obsolete_count: 2, term_count: 509 });

    // Nothing about the finding changed: same revisions, byte for byte, same lock version.
    expect(await snapshot(f.findingId)).toEqual(before);
    expect(await usesOf(f.findingId)).toEqual([
      {
        publicId: f.publicId,
        findingId: f.findingId,
        status: 'draft',
        field: 'targetOrgan',
        curie: BONE_MARROW,
        label: 'bone marrow',
        replacedBy: { curie: RED_BONE_MARROW, label: 'red bone marrow' },
        inLatest: true,
        inApproved: false,
      },
      {
        publicId: f.publicId,
        findingId: f.findingId,
        status: 'draft',
        field: 'evSourceTerms',
        curie: GASTROCNEMIUS,
        label: 'gastrocnemius',
        replacedBy: null,
        inLatest: true,
        inApproved: false,
      },
    ]);
    const n = await countFindingsUsingObsoleteTerms(t.db);
    expect(n).toBe(await findingsNaming(BONE_MARROW, GASTROCNEMIUS));
    expect(obsoleteUsesNotice(n)).toBe(
      `${n} finding${n === 1 ? ' uses' : 's use'} obsolete terms; review them at /admin/vocabularies`,
    );

    // A new write with the obsolete term is refused, naming the replacement; nothing is stored.
    const e = await domainFailure(
      saveDraft(t.db, actors.curator, {
        findingId: f.findingId,
        lockVersion: 0,
        content: { ...content, result: 'Changed.' },
      }),
    );
    expect(e.fields?.targetOrgan).toContain(RED_BONE_MARROW);
    expect(e.fields?.['evSourceTerms.0.curie']).toMatch(/obsolete/);
    expect(await snapshot(f.findingId)).toEqual(before);
    const created = await domainFailure(createFinding(t.db, actors.curator, { sourceId, content }));
    expect(created.fields?.targetOrgan).toContain(RED_BONE_MARROW);

    // The same files again: unchanged. The original release again: current again, nothing to review.
    const again = await loadVocabularies(t.db, dir);
    expect(again.every((r) => r.status === 'unchanged')).toBe(true);
    expect(describeVocabLoad(again)).toEqual(['vocabularies: all up to date']);
    writeFileSync(path.join(dir, 'uberon.tsv'), ORIGINAL_UBERON);
    const back = await loadVocabularies(t.db, dir);
    expect(entry(back, 'UBERON')).toMatchObject({
      status: 'loaded',
      previousVersion: 'v2099-01-01',
      version: 'v2026-04-01',
      obsoleted: 0,
      revived: 2,
    });
    expect(await term(BONE_MARROW)).toMatchObject({ obsolete: false, replaced_by: null, stated: null });
    expect(await term(GASTROCNEMIUS)).toMatchObject({ obsolete: false, replaced_by: null });
    const [ancestors] = await t.query<{ n: number }>(
      `select count(*)::int as n from term_ancestors where curie = $1 and depth = 1`,
      [GASTROCNEMIUS],
    );
    expect(ancestors!.n).toBe(3);
    expect(await usesOf(f.findingId)).toEqual([]);
    expect(await countFindingsUsingObsoleteTerms(t.db)).toBe(0);
    expect(obsoleteUsesNotice(0)).toBeNull();
    expect(await snapshot(f.findingId)).toEqual(before);
  });

  it('follows replaced-by across releases to the current term, and gives none for a loop', async () => {
    writeUberon(dir, { version: 'r1', obsolete: { [BONE_MARROW]: RED_BONE_MARROW } });
    await loadVocabularies(t.db, dir);
    // The next release replaces the replacement; bone marrow, no longer listed, stays obsolete.
    writeUberon(dir, { version: 'r2', obsolete: { [RED_BONE_MARROW]: BONE_TISSUE }, remove: [BONE_MARROW] });
    await loadVocabularies(t.db, dir);
    expect(await term(BONE_MARROW)).toMatchObject({
      obsolete: true,
      replaced_by: BONE_TISSUE,
      stated: RED_BONE_MARROW,
    });
    expect(await term(RED_BONE_MARROW)).toMatchObject({ obsolete: true, replaced_by: BONE_TISSUE });
    const e = await domainFailure(
      createFinding(t.db, actors.curator, { sourceId, content: makeContent({ targetOrgan: BONE_MARROW }) }),
    );
    expect(e.fields?.targetOrgan).toContain(BONE_TISSUE);

    writeUberon(dir, { version: 'r3', obsolete: { [RED_BONE_MARROW]: BONE_MARROW, [BONE_MARROW]: RED_BONE_MARROW } });
    await loadVocabularies(t.db, dir);
    expect(await term(BONE_MARROW)).toMatchObject({ obsolete: true, replaced_by: null, stated: RED_BONE_MARROW });
    expect(await term(RED_BONE_MARROW)).toMatchObject({ obsolete: true, replaced_by: null, stated: BONE_MARROW });

    writeFileSync(path.join(dir, 'uberon.tsv'), ORIGINAL_UBERON);
    await loadVocabularies(t.db, dir);
    expect(await term(RED_BONE_MARROW)).toMatchObject({ obsolete: false, replaced_by: null });
  });

  it('checks the latest revision and the approved one when they differ', async () => {
    const [seed] = await t.query<{ id: number; lock_version: number }>(
      `select id, lock_version from findings where status = 'approved' and target_organ = $1 order by id limit 1`,
      [KIDNEY],
    );
    await saveDraft(t.db, actors.curator, {
      findingId: seed!.id,
      lockVersion: seed!.lock_version,
      content: makeContent({ targetOrgan: SOLEUS, recipientCell: 'Soleus test cells' }),
    });
    const before = await snapshot(seed!.id);
    // The listed revision is still the approved one: term_curies alone would miss the draft's soleus.
    expect(before.finding.term_curies).not.toContain(SOLEUS);

    writeUberon(dir, { version: 'r4', obsolete: { [SOLEUS]: null, [KIDNEY]: null } });
    await loadVocabularies(t.db, dir);
    const uses = (await usesOf(seed!.id)).map((u) => [u.field, u.curie, u.inLatest, u.inApproved]);
    expect(uses).toEqual([
      ['targetOrgan', SOLEUS, true, false],
      ['targetOrgan', KIDNEY, false, true],
    ]);
    const expected = await findingsNaming(KIDNEY, SOLEUS);
    expect(expected).toBeGreaterThan(1);
    expect(await countFindingsUsingObsoleteTerms(t.db)).toBe(expected);
    const paged = await allUses();
    expect(new Set(paged.map((u) => u.findingId)).size).toBe(expected);
    expect(paged).toEqual((await findingsUsingObsoleteTerms(t.db, { limit: 1_000 })).uses);
    expect(await snapshot(seed!.id)).toEqual(before);

    writeFileSync(path.join(dir, 'uberon.tsv'), ORIGINAL_UBERON);
    await loadVocabularies(t.db, dir);
    expect(await countFindingsUsingObsoleteTerms(t.db)).toBe(0);
  });

  it('a bad file changes nothing, not even the good files loaded with it', async () => {
    writeUberon(dir, { version: 'r5', obsolete: { [BONE_MARROW]: null } });
    const cl = readFileSync(path.join(VOCAB_DIR, 'cl.tsv'), 'utf8').replace(/\n$/, '').split('\n');
    const badCl = [`${cl[0]}\tobsolete`, ...cl.slice(1).map((l, i) => `${l}\t${i === 3 ? 'yes' : ''}`)].join('\n');
    writeFileSync(path.join(dir, 'cl.tsv'), badCl);
    const e = await failure(loadVocabularies(t.db, dir));
    expect(String(e)).toMatch(/cl\.tsv: obsolete must be "true" or "false", not "yes"/);
    expect(await term(BONE_MARROW)).toMatchObject({ obsolete: false });
    const [release] = await t.query<{ version: string }>(`select version from vocab_releases where vocab = 'UBERON'`);
    expect(release!.version).toBe('v2026-04-01');
    cpSync(path.join(VOCAB_DIR, 'cl.tsv'), path.join(dir, 'cl.tsv'));
    writeFileSync(path.join(dir, 'uberon.tsv'), ORIGINAL_UBERON);
  });
});
