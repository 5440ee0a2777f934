/**
 * Gold sentences about miRNA cargo, written for this set in the style of EV / muscle crosstalk
 * papers (not taken from any paper). See gold-types.ts for the format and gold.ts for the rules.
 */
import { HUMAN, m, mir, MOUSE, RAT, type GoldItem } from './gold-types';

export const GOLD_MIRNA: GoldItem[] = [
  {
    text: 'Myotube-derived EVs carried miR-1, miR-133a and miR-206, three muscle-enriched miRNAs.',
    species: MOUSE,
    mentions: [m('Myotube', 'cell'), mir('miR-1', null), mir('miR-133a', null), mir('miR-206', null)],
  },
  {
    text: 'After eccentric exercise, plasma levels of microRNA-133a and miR133b rose within two hours in healthy volunteers.',
    species: HUMAN,
    mentions: [m('plasma', 'anatomy'), mir('microRNA-133a'), mir('miR133b', 'MIMAT0000770')],
  },
  {
    text: 'We detected hsa-miR-21-5p and hsa-miR-146a-5p in serum EVs from patients with type 2 diabetes.',
    species: HUMAN,
    mentions: [
      mir('hsa-miR-21-5p', 'MIMAT0000076'),
      mir('hsa-miR-146a-5p', 'MIMAT0000449'),
      m('serum', 'anatomy'),
      m('type 2 diabetes', 'disease'),
    ],
  },
  {
    text: 'The let-7 family, and let-7d-3p in particular, was depleted from vesicles released by aged satellite cells.',
    species: MOUSE,
    mentions: [mir('let-7', null), mir('let-7d-3p', 'MIMAT0000384'), m('satellite cells', 'cell')],
  },
  {
    text: 'We let the pellet dry for five minutes, then let 7 µl of buffer soak in before the second spin.',
    mentions: [],
  },
  {
    text: 'The miR-23a/27a cluster was enriched in EVs secreted by C2C12 myotubes under insulin resistance.',
    species: MOUSE,
    mentions: [
      mir('miR-23a', null),
      mir('27a', null),
      m('C2C12', 'cell_line'),
      m('myotubes', 'cell'),
      m('insulin resistance', 'disease'),
    ],
  },
  {
    text: 'Inhibiting miR-27a/b-3p with an antagomir restored Pparg expression in 3T3-L1 adipocytes.',
    species: MOUSE,
    mentions: [
      mir('miR-27a', 'MIMAT0000537'),
      mir('b-3p', 'MIMAT0000126'),
      m('Pparg', 'gene'),
      m('3T3-L1', 'cell_line'),
      m('adipocytes', 'cell'),
    ],
  },
  {
    text: 'Circulating MIR-486-5P and miR-206 were proposed as biomarkers of Duchenne muscular dystrophy (DMD) in mdx mice.',
    species: MOUSE,
    mentions: [
      mir('MIR-486-5P', 'MIMAT0003130'),
      mir('miR-206'),
      m('Duchenne muscular dystrophy', 'disease'),
      m('DMD', 'disease'),
      m('mice', 'species'),
    ],
  },
  {
    text: 'Levels of miR-1, -133a and -206 fell in the quadriceps of denervated rats.',
    species: RAT,
    mentions: [mir('miR-1'), mir('-133a'), mir('-206'), m('quadriceps', 'anatomy'), m('rats', 'species')],
  },
  {
    text: 'Pri-miR-1-2 and pre-miR-133a-1 transcripts were quantified in parallel with the mature forms.',
    species: MOUSE,
    mentions: [mir('Pri-miR-1-2', null), mir('pre-miR-133a-1', null)],
  },
  {
    text: 'Among the cargo, mmu-miR-122-5p pointed to a hepatic origin, whereas miR-208a-3p suggested cardiac contamination.',
    species: MOUSE,
    mentions: [mir('mmu-miR-122-5p', 'MIMAT0000246'), mir('miR-208a-3p', 'MIMAT0000520')],
  },
  {
    text: 'Overexpression of miR-29b-1-5p in L6 myotubes reduced IGF-1 signalling.',
    species: RAT,
    mentions: [mir('miR-29b-1-5p', 'MIMAT0005445'), m('L6', 'cell_line'), m('myotubes', 'cell'), m('IGF-1', 'gene')],
  },
  {
    text: 'Exercise increased miR-455 and miR-92a in small EVs from human skeletal muscle biopsies.',
    species: HUMAN,
    mentions: [mir('miR-455', null), mir('miR-92a'), m('human', 'species'), m('skeletal muscle', 'anatomy')],
  },
  {
    text: 'miRNA-486 and microRNA 199a-5p were the most abundant species in the vastus lateralis.',
    species: HUMAN,
    mentions: [mir('miRNA-486'), mir('microRNA 199a-5p', 'MIMAT0000231'), m('vastus lateralis', 'anatomy')],
  },
  {
    text: 'Reads mapping to miR-451a, miR-16-5p and miR-486-5p indicated erythrocyte contamination of the plasma EV preparations.',
    species: HUMAN,
    mentions: [
      mir('miR-451a', 'MIMAT0001631'),
      mir('miR-16-5p', 'MIMAT0000069'),
      mir('miR-486-5p', 'MIMAT0002177'),
      m('erythrocyte', 'cell'),
      m('plasma', 'anatomy'),
    ],
  },
  {
    text: 'Hsa-let-7a-5p and hsa-let-7i-5p were unchanged after the intervention.',
    species: HUMAN,
    mentions: [mir('Hsa-let-7a-5p', 'MIMAT0000062'), mir('hsa-let-7i-5p', 'MIMAT0000415')],
  },
  {
    text: 'A mimic of miR-378a-3p, but not the scrambled control, suppressed Mstn transcription in myoblasts.',
    species: MOUSE,
    mentions: [mir('miR-378a-3p', 'MIMAT0003151'), m('Mstn', 'gene'), m('myoblasts', 'cell')],
  },
  {
    text: 'In cardiomyocytes, EV-delivered miR-222 protected against ischemic injury, while miR-34a aggravated it.',
    species: MOUSE,
    mentions: [m('cardiomyocytes', 'cell'), mir('miR-222'), mir('miR-34a', null)],
  },
  {
    text: 'Bone-targeting EVs loaded with miR-214-3p reduced osteoblast activity in ovariectomized mice.',
    species: MOUSE,
    mentions: [m('Bone', 'anatomy'), mir('miR-214-3p', 'MIMAT0000661'), m('osteoblast', 'cell'), m('mice', 'species')],
  },
  {
    text: 'Neither MIR133A nor miR-133a-3p differed between sedentary and trained rats.',
    species: RAT,
    mentions: [mir('MIR133A', 'MIMAT0000839'), mir('miR-133a-3p', 'MIMAT0000839'), m('rats', 'species')],
  },
  {
    text: 'Two isomiRs of miR-21 and the passenger strand miR-21* were detected, but the miRNome as a whole was stable.',
    species: MOUSE,
    mentions: [mir('miR-21'), mir('miR-21*')],
  },
  {
    text: 'Muscle-specific miR-206 reached motor neurons in co-culture with NSC-34 cells.',
    species: MOUSE,
    mentions: [mir('miR-206'), m('motor neurons', 'cell'), m('NSC-34', 'cell_line')],
  },
  {
    text: 'Hepatocyte EVs delivered miR-130a-3p and miR-17/20a to skeletal muscle.',
    species: MOUSE,
    mentions: [
      m('Hepatocyte', 'cell'),
      mir('miR-130a-3p', 'MIMAT0000141'),
      mir('miR-17'),
      mir('20a'),
      m('skeletal muscle', 'anatomy'),
    ],
  },
  {
    text: 'Anti-miR-155 treatment lowered TNF-α and IL-6 secretion by RAW 264.7 macrophages.',
    species: MOUSE,
    mentions: [
      mir('miR-155'),
      m('TNF-α', 'gene'),
      m('IL-6', 'gene'),
      m('RAW 264.7', 'cell_line'),
      m('macrophages', 'cell'),
    ],
  },
  {
    text: 'Small RNA sequencing identified 312 miRNAs; antagomiRs against the most abundant ones were not tested.',
    mentions: [],
  },
];
