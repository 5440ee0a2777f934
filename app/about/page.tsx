import type { Metadata } from 'next';
import Link from 'next/link';
import { VocabularyTable } from '@/components/about/vocabulary-table';
import { getDb } from '@/db';
import { getVocabularySnapshot } from '@/db/queries/vocab-releases';
import { LICENSE, SEED_SOURCE } from '@/lib/export/datapackage';
import { vocabularyCredits } from '@/lib/vocab/credits';
import { LOCAL_VOCABULARY } from '@/lib/vocab/sources';

export const metadata: Metadata = { title: 'About' };
export const dynamic = 'force-dynamic';

const LIBRARIES = [
  ['Next.js and React', 'pages, server actions and route handlers'],
  [
    'PostgreSQL (or the embedded PGlite) with drizzle-orm',
    'storage, migrations, triggers that keep history append-only',
  ],
  ['next-auth', 'sign-in'],
  ['zod, react-hook-form', 'one schema per input, shared by forms, API and import'],
  ['@tanstack/react-table, csv-parse / csv-stringify, diff', 'tables, CSV done right, revision diffs'],
] as const;

function KnownLimits() {
  return (
    <ul>
      <li>
        UBERON and the Cell Ontology carry exact synonyms only: a tissue or cell named by a related or broad synonym is
        not found by it.
      </li>
      <li>Cellosaurus rows carry the id and the name of a cell line only — no synonyms, no species.</li>
      <li>
        miRBase is release 22 mature miRNAs (with the release-18 name where it differs), without its precursor (hairpin)
        table: there are no MI accessions.
      </li>
      <li>
        Sarcopenia, frailty and ageing are in none of MONDO, the Disease Ontology or HP: such models are recorded as a
        free-text condition. The HP terms present are phenotypes such as cachexia and insulin resistance.
      </li>
      <li>
        Some synonyms are wrong or broad (the Cell Ontology gives &ldquo;myofibril&rdquo; for myotube; MONDO gives
        &ldquo;insulin resistance, severe, digenic&rdquo; for type 2 diabetes). A match of existing text by a synonym is
        therefore only a proposal that a curator confirms, never applied on its own.
      </li>
      <li>A term a paper needs but no vocabulary has is requested by a curator, never invented.</li>
    </ul>
  );
}

/** Public in every setting: it describes the app and credits its sources, and holds no findings. */
export default async function AboutPage() {
  const snapshot = await getVocabularySnapshot(await getDb());
  const credits = vocabularyCredits(snapshot.loaded);
  return (
    <section aria-labelledby="about-title">
      <h1 id="about-title">About EV Crosstalk Curator</h1>
      <p>
        A curated, peer-reviewed and versioned dataset of findings on extracellular-vesicle (EV) mediated crosstalk
        between skeletal muscle and other organs. Curators record one finding per claim of a paper, each tied to its
        source DOI; reviewers approve it; every change is a revision with history;{' '}
        <Link href="/releases">releases</Link> freeze the approved findings as citable CSV and JSON files with a{' '}
        <code>datapackage.json</code>.
      </p>

      <h2>Seed data</h2>
      <p>
        The app ships with the 33 findings of Table 1 of{' '}
        <a href={SEED_SOURCE.path}>
          Jia et al. (2025),{' '}
          <cite>Muscle-derived extracellular vesicles mediate crosstalk between skeletal muscle and other organs</cite>,
          Front. Physiol. 15:1501957
        </a>
        , published under{' '}
        <a href={LICENSE.path} rel="license">
          {LICENSE.title}
        </a>{' '}
        (CC BY 4.0). The dataset and its releases are distributed under the same licence.
      </p>

      <h2>Vocabularies</h2>
      <p>
        Organs, cells, cell lines, species, miRNAs, genes, diseases and methods are grounded in terms of public
        vocabularies, each with its identifier (a CURIE such as <code>UBERON:0001474</code>). The project keeps its own
        copy of the subsets it uses under <code>db/vocab/</code>; <code>db/vocab/PROVENANCE.md</code> tells where each
        file comes from and how it was cut. Each release&rsquo;s <code>datapackage.json</code> records the versions it
        was built with.
      </p>
      <VocabularyTable credits={credits} />
      <p className="muted" data-testid="local-terms">
        Local terms (<code>{LOCAL_VOCABULARY.prefix}:…</code>), accepted by an admin from curators&rsquo; term requests,
        with stable ids that are never reused: {snapshot.local.terms.toLocaleString('en')} in this database.
      </p>

      <h2>Known limits of the data</h2>
      <KnownLimits />

      <h2>Built with</h2>
      <ul>
        {LIBRARIES.map(([what, why]) => (
          <li key={what}>
            {what}: {why}.
          </li>
        ))}
      </ul>
    </section>
  );
}
