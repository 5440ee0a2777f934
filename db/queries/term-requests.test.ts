import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptTermRequestUseCase,
  declineTermRequestUseCase,
  listTermRequestsUseCase,
  mapTermRequestUseCase,
  requestTermUseCase,
} from '../../server/use-cases/term-requests';
import { createFindingUseCase } from '../../server/use-cases/findings';
import { domainFailure, testEngines } from '../test-utils';
import { C2C12, LIVER, makeRequest, MSC, openTermRequestKit, STEM_CELL } from './term-requests-test-kit';

describe.each(testEngines())('term requests on %s', (engine) => {
  let k: Awaited<ReturnType<typeof openTermRequestKit>>;
  beforeAll(async () => {
    k = await openTermRequestKit(engine);
    // The first database of a process is cloned from a template it builds (vocabularies loaded): slow on a busy machine.
  }, 180_000);
  afterAll(() => k.t.dispose());

  it('accepts a request as a local term EVXT:000000N with its ancestors, usable in a finding', async () => {
    const { id } = await k.run(requestTermUseCase, k.curator, makeRequest());
    const parentAncestors = await k.t.query<{ ancestor: string; depth: number }>(
      `select ancestor, depth from term_ancestors where curie = $1`,
      [MSC],
    );
    expect(parentAncestors.map((a) => a.ancestor)).toContain(STEM_CELL);

    const out = await k.run(acceptTermRequestUseCase, k.admin, { id, note: 'Useful' });
    const curie = `EVXT:${String(id).padStart(7, '0')}`;
    expect(out).toEqual({ id, curie });
    const [term] = await k.t.query<Record<string, unknown>>(
      `select vocab, kind, label, synonyms, parents, source_version, search_text, extra, obsolete from terms where curie = $1`,
      [curie],
    );
    expect(term).toMatchObject({
      vocab: 'EVXT',
      kind: 'cell',
      label: 'Marrow stromal progenitor (H4 test)',
      synonyms: [],
      parents: [MSC],
      source_version: 'local',
      obsolete: false,
      extra: { definition: makeRequest().definition, requested_by: String(k.curator.id) },
    });
    expect(term!.search_text).toContain(curie.toLowerCase());
    const ancestors = await k.t.query<{ ancestor: string; depth: number }>(
      `select ancestor, depth from term_ancestors where curie = $1 order by depth, ancestor`,
      [curie],
    );
    expect(ancestors).toHaveLength(parentAncestors.length + 1);
    expect(ancestors[0]).toEqual({ ancestor: curie, depth: 0 });
    expect(ancestors).toContainEqual({ ancestor: MSC, depth: 1 });
    const stem = parentAncestors.find((a) => a.ancestor === STEM_CELL)!;
    expect(ancestors).toContainEqual({ ancestor: STEM_CELL, depth: stem.depth + 1 });
    expect(await k.requestRow(id)).toEqual({ status: 'accepted', resolved_term: curie, resolved_by: k.admin.id });

    // The local term passes the finding's term check, and its label is the canonical one.
    const f = await k.run(createFindingUseCase, k.curator, {
      sourceId: k.sourceId,
      content: k.makeContent({ recipientCellTerms: [{ curie, label: 'whatever the form sent' }] }),
    });
    const [rev] = await k.t.query<{ recipient_cell_terms: unknown }>(
      `select recipient_cell_terms from finding_revisions where finding_id = $1`,
      [f.findingId],
    );
    expect(rev!.recipient_cell_terms).toEqual([{ curie, label: 'Marrow stromal progenitor (H4 test)' }]);

    const audit = await k.t.query<{ action: string }>(
      `select action from audit_events where entity = 'term_request' and entity_id = $1 order by id`,
      [String(id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['term_request.create', 'term_request.accept']);
  });

  it('maps a request to an existing term of its kind; nothing is added to the terms', async () => {
    const { id } = await k.run(
      requestTermUseCase,
      k.reviewer,
      makeRequest({ kind: 'cell_line', label: 'C2C12 myoblast line (H4)', parentCurie: '' }),
    );
    const before = await k.counts();
    expect(await k.run(mapTermRequestUseCase, k.admin, { id, curie: C2C12, note: 'It is C2C12.' })).toEqual({
      id,
      curie: C2C12,
    });
    expect(await k.requestRow(id)).toEqual({ status: 'mapped', resolved_term: C2C12, resolved_by: k.admin.id });
    expect(await k.counts()).toEqual(before);
  });

  it('refuses a parent or a target of the wrong kind, unknown or obsolete with a field error; nothing is stored', async () => {
    const before = await k.counts();
    for (const parentCurie of [LIVER, 'CL:9999999', C2C12]) {
      const e = await domainFailure(
        k.run(requestTermUseCase, k.curator, makeRequest({ label: `Odd cell ${parentCurie}`, parentCurie })),
      );
      expect(e.kind, parentCurie).toBe('invalid');
      expect(e.fields?.parentCurie, parentCurie).toContain(parentCurie);
    }
    expect((await k.counts()).requests).toBe(before.requests);
    // A cell line may sit under the cell type it derives from.
    const line = await k.run(
      requestTermUseCase,
      k.curator,
      makeRequest({ kind: 'cell_line', label: 'Marrow stromal line (H4)', parentCurie: MSC }),
    );
    const e = await domainFailure(k.run(mapTermRequestUseCase, k.admin, { id: line.id, curie: MSC, note: '' }));
    expect(e.kind).toBe('invalid');
    expect(e.fields?.curie).toMatch(/cell type.*cell line/);
    const unknown = await domainFailure(
      k.run(mapTermRequestUseCase, k.admin, { id: line.id, curie: 'cellosaurus:CVCL_NOPE', note: '' }),
    );
    expect(unknown.fields?.curie).toMatch(/Unknown term id/);
    expect(await k.requestRow(line.id)).toMatchObject({ status: 'open', resolved_term: null });
    expect((await k.counts()).local).toBe(before.local);
    // Schema failures are field errors too.
    const bad = await domainFailure(
      k.run(requestTermUseCase, k.curator, { kind: 'planet', label: '', definition: 'short', reason: '' }),
    );
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['definition', 'kind', 'label', 'reason']);
  });

  it('refuses a label a current term already has, and a second open request for the same term', async () => {
    const taken = await domainFailure(
      k.run(requestTermUseCase, k.curator, makeRequest({ label: 'Mesenchymal Stem Cell', parentCurie: '' })),
    );
    expect(taken.fields?.label).toContain(MSC);
    const first = await k.run(requestTermUseCase, k.curator, makeRequest({ label: 'Twice asked cell (H4)' }));
    const again = await domainFailure(
      k.run(requestTermUseCase, k.reviewer, makeRequest({ label: ' twice ASKED cell (H4) ' })),
    );
    expect(again.fields?.label).toContain(`#${first.id}`);
  });

  it('decides a request once: a second decision is a conflict and changes nothing', async () => {
    const { id } = await k.run(requestTermUseCase, k.curator, makeRequest({ label: 'Decided once cell (H4)' }));
    await k.run(declineTermRequestUseCase, k.admin, { id, note: 'Use CL:0000134.' });
    const before = await k.counts();
    for (const [uc, input] of [
      [acceptTermRequestUseCase, { id, note: '' }],
      [mapTermRequestUseCase, { id, curie: MSC, note: '' }],
      [declineTermRequestUseCase, { id, note: 'again' }],
    ] as const) {
      const e = await domainFailure(k.run(uc as typeof acceptTermRequestUseCase, k.admin, input));
      expect(e.code).toBe('conflict:term_request');
    }
    expect(await k.requestRow(id)).toEqual({ status: 'declined', resolved_term: null, resolved_by: k.admin.id });
    expect(await k.counts()).toEqual(before);
    const missing = await domainFailure(k.run(acceptTermRequestUseCase, k.admin, { id: 999_999, note: '' }));
    expect(missing.code).toBe('not_found:term_request');
  });

  it('lets curators and reviewers request and list, but only admins decide', async () => {
    const { id } = await k.run(requestTermUseCase, k.curator, makeRequest({ label: 'Admins decide cell (H4)' }));
    for (const who of [k.curator, k.reviewer]) {
      for (const [uc, input] of [
        [acceptTermRequestUseCase, { id, note: '' }],
        [mapTermRequestUseCase, { id, curie: MSC, note: '' }],
        [declineTermRequestUseCase, { id, note: 'no' }],
      ] as const) {
        const e = await domainFailure(k.run(uc as typeof acceptTermRequestUseCase, who, input));
        expect(e.code).toBe('forbidden:role');
      }
    }
    expect((await domainFailure(k.run(requestTermUseCase, null, makeRequest()))).kind).toBe('unauthorized');
    expect(await k.requestRow(id)).toMatchObject({ status: 'open' });
    const open = await k.run(listTermRequestsUseCase, k.curator, { status: 'open' });
    expect(open.map((r) => r.id)).toContain(id);
    expect(open.every((r) => r.status === 'open')).toBe(true);
    expect(open.find((r) => r.id === id)).toMatchObject({ parentCurie: MSC, parentLabel: 'mesenchymal stem cell' });
  });
});
