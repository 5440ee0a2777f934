/**
 * The vocabularies the app grounds findings in: where each file comes from,
 * which release it is and under which licence. db/vocab/PROVENANCE.md tells
 * how every file was cut; this is what the About page, README and every
 * release's datapackage.json credit.
 */
export type TermKind =
  'anatomy' | 'cell' | 'cell_line' | 'taxon' | 'mirna' | 'disease' | 'phenotype' | 'method' | 'gene';

export type Vocabulary = {
  /** The key in the terms table's `vocab` column and in vocab_releases. */
  id: string;
  name: string;
  /** CURIE prefix of its terms. */
  prefix: string;
  file: string;
  version: string;
  licence: string;
  licenceUrl: string | null;
  homepage: string;
  /** What a row of this file names. */
  kinds: readonly TermKind[];
};

export const VOCABULARIES = [
  {
    id: 'UBERON',
    name: 'Uberon multi-species anatomy ontology',
    prefix: 'UBERON',
    file: 'uberon.tsv',
    version: 'v2026-04-01',
    licence: 'CC BY 3.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/3.0/',
    homepage: 'https://obophenotype.github.io/uberon/',
    kinds: ['anatomy'],
  },
  {
    id: 'CL',
    name: 'Cell Ontology',
    prefix: 'CL',
    file: 'cl.tsv',
    version: 'v2026-03-26',
    licence: 'CC BY 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    homepage: 'https://obophenotype.github.io/cell-ontology/',
    kinds: ['cell'],
  },
  {
    id: 'Cellosaurus',
    name: 'Cellosaurus cell lines',
    prefix: 'cellosaurus',
    file: 'cellosaurus.tsv',
    version: 'release 55.0',
    licence: 'not stated in the fetched file (Cellosaurus publishes its data under CC BY 4.0)',
    licenceUrl: null,
    homepage: 'https://www.cellosaurus.org/',
    kinds: ['cell_line'],
  },
  {
    id: 'NCBITaxon',
    name: 'NCBI Taxonomy (import modules of UBERON, MONDO, DO and VBO)',
    prefix: 'NCBITaxon',
    file: 'ncbitaxon.tsv',
    version: 'import modules 2022-08-18 to 2026-05-13 (see PROVENANCE.md)',
    licence: 'not stated in the fetched files',
    licenceUrl: null,
    homepage: 'https://www.ncbi.nlm.nih.gov/taxonomy',
    kinds: ['taxon'],
  },
  {
    id: 'miRBase',
    name: 'miRBase mature microRNAs',
    prefix: 'mirbase.mature',
    file: 'mirbase-mature.tsv',
    version: 'release 22 (22.1 identical)',
    licence: 'not stated in the fetched files',
    licenceUrl: null,
    homepage: 'https://www.mirbase.org/',
    kinds: ['mirna'],
  },
  {
    id: 'MONDO',
    name: 'Mondo Disease Ontology (with Human Disease Ontology exact matches)',
    prefix: 'MONDO',
    file: 'disease.tsv',
    version: 'v2026-05-05; DOID mappings 2026-08-04',
    licence: 'CC BY 4.0 (MONDO); CC0 1.0 (DO and the MONDO–DOID mappings)',
    licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
    homepage: 'https://mondo.monarchinitiative.org/',
    kinds: ['disease'],
  },
  {
    id: 'HP',
    name: 'Human Phenotype Ontology (import modules of DO and MONDO)',
    prefix: 'HP',
    file: 'disease.tsv',
    version: 'HP 2026-06-23 (DO import); 2023-02-09 (MONDO import)',
    licence: 'not stated in the fetched HP imports',
    licenceUrl: null,
    homepage: 'https://hpo.jax.org/',
    kinds: ['phenotype'],
  },
  {
    id: 'ECO',
    name: 'Evidence & Conclusion Ontology',
    prefix: 'ECO',
    file: 'eco.tsv',
    version: '2024-07-19',
    licence: 'CC0 1.0',
    licenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
    homepage: 'https://www.evidenceontology.org/',
    kinds: ['method'],
  },
  {
    id: 'HGNC',
    name: 'HGNC human gene symbols (approved protein-coding genes)',
    prefix: 'HGNC',
    file: 'hgnc.tsv',
    version: 'complete set, last modified 2024-10-18',
    licence: 'not stated in the fetched file',
    licenceUrl: null,
    homepage: 'https://www.genenames.org/',
    kinds: ['gene'],
  },
] as const satisfies readonly Vocabulary[];

/** Local terms an admin accepted from curators' requests: stable ids, never reused. */
export const LOCAL_VOCABULARY = { id: 'EVXT', prefix: 'EVXT', name: 'EV Crosstalk Curator local terms' } as const;

export type VocabId = (typeof VOCABULARIES)[number]['id'] | typeof LOCAL_VOCABULARY.id;

export function vocabularyById(id: string): Vocabulary | undefined {
  return VOCABULARIES.find((v) => v.id === id);
}
