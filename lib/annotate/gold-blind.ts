/**
 * A third batch of gold sentences, written last and scored once (same rules as gold.ts; not taken
 * from any paper). The tagger was not changed for it, so its misses stay misses ("miR-1/-133a/-206"):
 * the most honest estimate here of how the tagger does on text it was not shaped on. First score:
 *
 *   mirna 1.00 / 0.83 · gene, cell_line, species, disease, ev_method, marker 1.00 / 1.00
 *   cell 0.92 / 1.00 · anatomy 0.92 / 1.00 · all 0.98 / 0.98 (precision / recall)
 *
 * The two false positives were the gold set's own omissions under its rules ("milk" is a body fluid,
 * "osteoclast" in "osteoclast precursors" a cell type as the first part of a compound), so they were
 * added to the gold mentions. Later tagger changes (ions such as "Ca2+", "CO2", aliases of one letter
 * and a digit) were prompted by real abstracts, not by this batch, and leave its score as it was.
 */
import { HUMAN, m, mir, MOUSE, type GoldItem } from './gold-types';

const ev = (text: string, occurrence?: number) => m(text, 'ev_method', occurrence ? { occurrence } : {});
const mk = (text: string, occurrence?: number) => m(text, 'marker', occurrence ? { occurrence } : {});

export const GOLD_BLIND: GoldItem[] = [
  {
    text: 'Figure 3. (A) Expression of miR-1/-133a/-206 in EVs from C2C12 myotubes (n = 4). (B) Hsa-Mir-21 in human plasma.',
    species: MOUSE,
    mentions: [
      mir('miR-1'),
      mir('-133a'),
      mir('-206'),
      m('C2C12', 'cell_line'),
      m('myotubes', 'cell'),
      mir('Hsa-Mir-21'),
      m('human', 'species'),
      m('plasma', 'anatomy'),
    ],
  },
  {
    text: 'microRNA-1 (miR-1) and miR-21a-5p were quantified, and MIR-21 served as a reference in the murine samples.',
    species: MOUSE,
    mentions: [
      mir('microRNA-1'),
      mir('miR-1'),
      mir('miR-21a-5p', 'MIMAT0000530'),
      mir('MIR-21'),
      m('murine', 'species'),
    ],
  },
  {
    text: 'Serum-derived sEVs of older women were enriched in miR-146a and miR-155-5p but depleted of let-7e.',
    species: HUMAN,
    mentions: [m('Serum', 'anatomy'), mir('miR-146a'), mir('miR-155-5p'), mir('let-7e')],
  },
  {
    text: 'Conditioned media were cleared (300 × g, 2,000 × g), filtered (0.22 µm) and ultracentrifuged twice at 120,000 × g.',
    mentions: [ev('ultracentrifuged')],
  },
  {
    text: 'EV size distributions (NTA, ZetaView) and morphology (TEM, negative staining) are shown in Supplementary Fig. S2.',
    mentions: [ev('NTA'), ev('TEM')],
  },
  {
    text: 'Per MISEV2023, we report CD63, CD81, syntenin and the absence of calnexin and APOA1; Table 1 lists the antibodies (anti-TSG101, anti-Alix).',
    mentions: [mk('CD63'), mk('CD81'), mk('syntenin'), mk('calnexin'), mk('APOA1'), mk('TSG101'), mk('Alix')],
  },
  {
    text: 'Iodixanol gradient fractions were analysed by western blot; flotillin-2 and CD9 peaked at 1.10 g/ml.',
    mentions: [ev('Iodixanol gradient'), ev('western blot'), mk('flotillin-2'), mk('CD9')],
  },
  {
    text: 'Plasma was processed by size-exclusion\nchromatography and EVs were imaged by cryo-electron microscopy.',
    species: HUMAN,
    mentions: [m('Plasma', 'anatomy'), ev('size-exclusion\nchromatography'), ev('cryo-electron microscopy')],
  },
  {
    text: 'The PEG precipitation kit co-isolated lipoproteins (ApoB), which immunoaffinity isolation with anti-CD9 beads avoided.',
    mentions: [ev('PEG precipitation'), mk('ApoB'), ev('immunoaffinity isolation'), mk('CD9')],
  },
  {
    text: 'Hsp70 and HSP90 were present in EVs, whereas GM130 was confined to the Golgi of the producing cells.',
    mentions: [mk('Hsp70'), m('HSP90', 'gene'), mk('GM130')],
  },
  {
    text: 'Treatment with GW4869, an inhibitor of nSMase2, reduced EV release measured by nanoparticle tracking.',
    mentions: [m('nSMase2', 'gene'), ev('nanoparticle tracking')],
  },
  {
    text: 'Rab27a knockdown in myotubes lowered circulating CD63-positive EVs in mice; Rab27b was unaffected.',
    species: MOUSE,
    mentions: [m('Rab27a', 'gene'), m('myotubes', 'cell'), mk('CD63'), m('mice', 'species'), m('Rab27b', 'gene')],
  },
  {
    text: 'Myokines such as IL-6, IL-15 and myostatin act alongside EVs; Fndc5 and Ppargc1a mRNA rose after training.',
    species: MOUSE,
    mentions: [
      m('IL-6', 'gene'),
      m('IL-15', 'gene'),
      m('myostatin', 'gene'),
      m('Fndc5', 'gene'),
      m('Ppargc1a', 'gene'),
    ],
  },
  {
    text: 'Phospho-AMPK, p-mTOR and LC3-II were blotted, and Atrogin-1/MAFbx and MuRF-1 were measured by qPCR.',
    species: MOUSE,
    mentions: [
      m('AMPK', 'gene'),
      m('mTOR', 'gene'),
      m('LC3', 'gene'),
      m('Atrogin-1', 'gene'),
      m('MAFbx', 'gene'),
      m('MuRF-1', 'gene'),
    ],
  },
  {
    text: 'A SET of 12 samples failed quality control, and MET data were excluded; the ACE of spades figure was a joke.',
    mentions: [],
  },
  {
    text: 'Satellite cells (SCs) isolated by FACS were co-cultured with FAPs and with bone marrow-derived macrophages (BMDMs).',
    species: MOUSE,
    mentions: [
      m('Satellite cells', 'cell'),
      m('SCs', 'cell'),
      m('FAPs', 'cell'),
      m('bone marrow', 'anatomy'),
      m('macrophages', 'cell'),
    ],
  },
  {
    text: 'Adipose-derived stem cells and osteoclast precursors responded to muscle EVs, but hepatocytes and enterocytes did not.',
    mentions: [m('stem cells', 'cell'), m('osteoclast', 'cell'), m('hepatocytes', 'cell'), m('enterocytes', 'cell')],
  },
  {
    text: 'MC3T3-E1 and MLO-A5 cells, ATDC5 chondrocytes and 3T3-F442A preadipocytes were used as recipients.',
    mentions: [
      m('MC3T3-E1', 'cell_line'),
      m('MLO-A5', 'cell_line'),
      m('ATDC5', 'cell_line'),
      m('chondrocytes', 'cell'),
      m('3T3-F442A', 'cell_line'),
      m('preadipocytes', 'cell'),
    ],
  },
  {
    text: 'Tissues (soleus, plantaris, heart, kidneys, lungs, spleen and inguinal fat pads) were snap-frozen.',
    species: MOUSE,
    mentions: [
      m('soleus', 'anatomy'),
      m('plantaris', 'anatomy'),
      m('heart', 'anatomy'),
      m('kidneys', 'anatomy'),
      m('lungs', 'anatomy'),
      m('spleen', 'anatomy'),
      m('inguinal fat pads', 'anatomy'),
    ],
  },
  {
    text: 'Muscle biopsies were taken from the vastus lateralis of men with obesity (BMI > 30) before and after 12 weeks of HIIT.',
    species: HUMAN,
    mentions: [m('vastus lateralis', 'anatomy'), m('obesity', 'disease')],
  },
  {
    text: 'In db/db mice and in Zucker rats, hyperglycemia and hepatic steatosis were milder after EV injection.',
    mentions: [
      m('mice', 'species'),
      m('rats', 'species'),
      m('hyperglycemia', 'disease'),
      m('hepatic steatosis', 'disease'),
    ],
  },
  {
    text: 'Spinal muscular atrophy and myasthenia gravis patients, and those with peripheral neuropathy, were excluded.',
    species: HUMAN,
    mentions: [
      m('Spinal muscular atrophy', 'disease'),
      m('myasthenia gravis', 'disease'),
      m('peripheral neuropathy', 'disease'),
    ],
  },
  {
    text: 'Mdx mice, a model of Duchenne muscular dystrophy, and D2-mdx mice were compared with wild-type C57BL/10 mice.',
    species: MOUSE,
    mentions: [
      m('mice', 'species'),
      m('Duchenne muscular dystrophy', 'disease'),
      m('mice', 'species', { occurrence: 1 }),
      m('mice', 'species', { occurrence: 2 }),
    ],
  },
  {
    text: 'The let-down of milk was not studied, and let-7 was left out of the panel.',
    mentions: [m('milk', 'anatomy'), mir('let-7')],
  },
  {
    text: 'Secretion of EVs by HEK293 cells was traced with CD63-pHluorin, and particle counts by TRPS agreed within 10 %.',
    mentions: [m('HEK293', 'cell_line'), mk('CD63'), ev('TRPS')],
  },
];
