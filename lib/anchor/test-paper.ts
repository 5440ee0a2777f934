/**
 * A made-up paper for the anchoring tests and the benchmark, written for them (no real article's text). It has
 * what extracted papers have: ligatures, no-break and thin spaces, soft hyphens, words split at line ends next to
 * hyphenated names split the same way, CRLF lines, typographic quotes and dashes, a zero-width space, an
 * accent written both ways, a character outside the BMP, and sentences that occur twice.
 */
const TITLE = 'Cardiomyocyte-derived extracellular vesicles carry miR-133a to ﬁbroblasts after ischaemic injury';

const ABSTRACT = [
  'Abstract',
  'Extracellular vesicles (EVs) released by stressed cardiomyocytes are thought to modulate ﬁbroblast activation,',
  'but the cargo that mediates this crosstalk remains unclear. Here we isolated EVs from neonatal rat cardiomyo-',
  'cytes exposed to hypoxia and show that they are enriched in miR-\n133a and miR-1. Uptake of these vesicles by',
  'cardiac ﬁbroblasts reduced collagen I expression by 42\u00A0% (p\u202F<\u202F0.01) and slowed myoﬁbroblast differen-',
  'tiation. EVs were isolated by ultracentrifugation and characterized by NTA and TEM.',
].join('\n');

const INTRODUCTION = [
  'Introduction',
  'Cardiac repair after myocardial infarction depends on a tightly timed conversation between cell types.',
  'Fibroblasts proliferate within days and deposit a collagen scar that preserves the ventricle’s shape but',
  'stiffens it. Signals from surviving cardiomyocytes shape this response, and EVs — small membrane-',
  'bound particles of 30–150\u00A0nm — are one route by which such signals travel. “Exosomes” in the strict',
  'sense derive from multivesicular bodies; we use the term EVs throughout, as recommended by MISEV2018.',
  '',
  'MicroRNAs are well suited to this role because a single miRNA can dampen many targets at once. miR-133a',
  'is abundant in muscle and represses connective tissue growth factor; whether cardiomyocytes hand it to',
  'neighbouring ﬁbroblasts in vesicles, and in what amount, has not been measured directly. Earlier X-',
  'ray diffraction work on collagen packing showed that scar stiffness rises with cross-linking, which makes',
  'the anti-ﬁbrotic potential of vesicle cargo worth testing.',
].join('\n');

const METHODS = [
  'Methods',
  'Cell culture. Neonatal rat ventricular cardiomyocytes were plated at 2\u2009×\u200910⁵ cells per cm² and',
  'kept in serum-free medium for 24\u00A0h before hypoxia (1\u00A0% O₂). Cardiac ﬁbroblasts were used at pas-',
  'sage two.',
  'EV isolation. Conditioned medium was cleared at 2,000\u00A0×\u00A0g for 10\u00A0min, filtered, and EVs',
  'were isolated by ultracentrifugation at 100,000\u00A0×\u00A0g for 70\u00A0min. Pellets were washed once in',
  'PBS. Particle size and concentration were measured by nanoparticle tracking analysis (NTA); morphology by',
  'transmission electron microscopy (TEM). CD63, CD81 and TSG101 were detected by immunoblot, and calnexin',
  'was absent.',
].join('\r\n');

const RESULTS = [
  'Results',
  'EVs from hypoxic cardiomyocytes had a modal diameter of 112\u00A0nm. EVs were isolated by ultracentrifugation',
  'from normoxic cells as well, and these served as controls throughout. Hypoxic EVs contained 3.1-fold more',
  'miR-133a than normoxic EVs (n\u00A0=\u00A06). The signal was specific: a scrambled control did not change.',
  '',
  'Fibroblasts took up labelled vesicles within 4\u00A0h. After 48\u00A0h, collagen I mRNA fell by 42\u00A0% and',
  'α-smooth muscle actin by 35\u00A0%. The signal was specific: an antagomir against miR-133a restored both. Cell',
  'viability did not change. Treating ﬁbroblasts with the vesicle-free supernatant had no eﬀect, and neither',
  'did EVs from cells lacking Rab27a, which release far fewer vesicles (Fig.\u00A03).',
  '',
  'The 𝛼-tubulin loading control was stable across conditions. In vivo, hearts injected with hypoxic EVs',
  'after ligation showed a smaller scar at day 28 (18\u00A0% vs 27\u00A0% of the left ventricle). The ca\u0301rdiac',
  'and cárdiac spellings in the legacy dataset were merged before analysis.',
].join('\n');

const DISCUSSION = [
  'Discussion',
  'Our data support a model in which stressed cardiomyocytes export miR-133a in EVs and thereby restrain ﬁbro-',
  'blast activation. This fits the cardioprotective effects reported for muscle-derived vesicles, although',
  'the dose that reaches ﬁbroblasts in vivo is unknown. Two limitations apply. First, rat cells may not reﬂect',
  'human ones. Second, ultracentrifugation co-isolates lipoproteins, so part of the miRNA signal may be',
  'carried by non-vesicular complexes; size-exclusion chromatography would address this. Taken to-\u00AD',
  'gether, the results name one cargo and one recipient cell for the cardiac EV\u200B crosstalk.',
].join('\n');

/** The paper: sections separated by blank lines. */
export const PAPER = [TITLE, ABSTRACT, INTRODUCTION, METHODS, RESULTS, DISCUSSION].join('\n\n');

/** A sentence that occurs twice with different context on each side. */
export const REPEATED_WITH_CONTEXT = 'EVs were isolated by ultracentrifugation';

/** A sentence that occurs twice in the Results. */
export const REPEATED = 'The signal was specific:';
