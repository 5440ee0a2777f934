/** The words the bench fill draws its findings from (fill-sql.ts picks them per finding id). */
import { SPECIES } from '../../lib/vocab';

export const BENCH_SPECIES: readonly (typeof SPECIES)[number][] = SPECIES.slice(0, 5); // Human, Mouse, Rat, Pig, Cattle
export const PROCESSES: readonly string[] = [
  'osteogenic differentiation',
  'myoblast proliferation',
  'angiogenesis',
  'insulin sensitivity',
  'fatty acid oxidation',
  'neuronal survival',
  'fibrosis',
  'inflammation',
  'mitochondrial biogenesis',
  'apoptosis',
  'glucose uptake',
  'bone formation',
  'cardiomyocyte hypertrophy',
  'macrophage polarization',
  'muscle regeneration',
  'atrophy',
  'adipocyte browning',
  'axon growth',
  'autophagy',
  'cellular senescence',
];
export const EV_SOURCES: readonly string[] = [
  'C2C12 cells',
  'C2C12 myotubes',
  'Quadriceps muscle',
  'Gastrocnemius muscle',
  'Plasma of trained mice',
  'Serum of exercised humans',
  'Primary myoblasts',
  'L6 myotubes',
  'Human skeletal muscle cells',
  'Tibialis anterior muscle',
  'Soleus muscle',
  'Satellite cells',
];
export const RECIPIENTS: readonly string[] = [
  'BMSCs',
  'HUVECs',
  'SH-SY5Y',
  '3T3-L1 adipocytes',
  'Hepatocytes',
  'Cardiomyocytes',
  'Macrophages',
  'Beta cells',
  'Podocytes',
  'Osteoclasts',
  'Chondrocytes',
  'Neurons',
  'Satellite cells',
  'Endothelial cells',
  'Fibroblasts',
];
export const MODELS: readonly string[] = [
  'Osteoporosis',
  'UUO',
  'HIIT',
  'LPS treatment',
  'Type 2 diabetes',
  'Obesity',
  'Sarcopenia',
  'Aging',
  'Cachexia',
  'Myocardial infarction',
  'Denervation',
  'Hindlimb unloading',
  'Duchenne muscular dystrophy',
  '',
  'Endurance exercise',
];
export const MECHANISMS: readonly string[] = [
  'PTEN/AKT',
  'Wnt/β-catenin',
  'AMPK/PGC-1α',
  'NF-κB',
  'TGF-β/Smad3',
  'PI3K/AKT/mTOR',
  'MAPK/ERK',
  'SIRT1',
  'HIF-1α/VEGF',
  'IGF-1R',
  'FoxO3',
  'Notch1',
];
export const VERBS: readonly string[] = ['promote', 'inhibit', 'enhance', 'attenuate', 'restore'];
export const STUDY: readonly string[] = ['in_vitro', 'in_vivo', 'ex_vivo', 'human'];
export const EFFECT: readonly string[] = ['promotes', 'inhibits', 'no_effect', 'mixed'];
export const EV_TYPES: readonly string[] = ['ev', 'small_ev', 'exosome', 'large_ev', 'microvesicle'];
export const SEPARATION: readonly string[] = [
  'differential_ultracentrifugation',
  'density_gradient',
  'size_exclusion_chromatography',
  'precipitation',
  'ultrafiltration',
];
export const PARTICLE: readonly string[] = ['nta', 'trps', 'dls', 'flow_cytometry'];
export const EM: readonly string[] = ['tem', 'cryo_em', 'sem', 'afm'];
export const JOURNALS: readonly string[] = [
  'Front. Physiol.',
  'J. Extracell. Vesicles',
  'Cell Metab.',
  'Nat. Commun.',
  'J. Cachexia Sarcopenia Muscle',
  'Bone',
  'Diabetes',
  'Sci. Rep.',
];
export const EDITS: readonly string[] = [
  'cargo list',
  'recipient cell',
  'model description',
  'evidence location',
  'result wording',
  'MISEV methods',
];
export const PROTEINS: readonly string[] = [
  'CD63',
  'CD81',
  'CD9',
  'TSG101',
  'ALIX',
  'HSP70',
  'HSP90',
  'IGF1',
  'BDNF',
  'VEGFA',
  'FNDC5',
  'IL6',
  'IL15',
  'Myostatin',
  'SPARC',
  'CTSB',
  'FGF21',
  'GDF15',
  'METRNL',
  'ANGPTL4',
  'Apelin',
  'Decorin',
  'Follistatin',
  'Musclin',
  'Myonectin',
  'SPARCL1',
  'TGFB1',
  'PGC1A',
  'GLUT4',
  'Annexin A2',
];
export const LNC: readonly string[] = ['H19', 'MALAT1', 'NEAT1', 'MEG3', 'linc-MD1', 'Myoparr'];
export const LIPIDS: readonly string[] = [
  'palmitate',
  'cholesterol',
  'ceramide C16:0',
  'sphingomyelin',
  'phosphatidylserine',
  'lysophosphatidylcholine',
];
export const METABOLITES: readonly string[] = [
  'lactate',
  'succinate',
  'BAIBA',
  'kynurenic acid',
  'beta-hydroxybutyrate',
  '12,13-diHOME',
];

/**
 * Organ terms papers name besides the 16 organ groups, most frequent first: descendants of the groups
 * (nervous system, adipose tissue, bone, …). Looked up by label in the terms table at fill time, so the
 * ids are the loaded vocabulary's; the fill adds every other descendant of a group as a long tail.
 */
export const COMMON_ORGAN_TERMS: readonly string[] = [
  'brain',
  'white adipose tissue',
  'spinal cord',
  'bone marrow',
  'brown adipose tissue',
  'heart',
  'sciatic nerve',
  'hippocampal formation',
  'subcutaneous adipose tissue',
  'hypothalamus',
  'epididymal fat pad',
  'dorsal root ganglion',
  'aorta',
  'cerebral cortex',
  'myocardium',
  'inguinal fat pad',
  'blood plasma',
  'femur',
  'islet of Langerhans',
  'visceral abdominal adipose tissue',
  'renal glomerulus',
  'lymph node',
  'colon',
  'thymus',
  'trabecular bone tissue',
  'articular cartilage of joint',
  'cerebellum',
  'dermis',
];

/** Donor organs of organ → muscle findings (their EV source is the donor tissue). */
export const DONOR_TERMS: readonly string[] = [
  'adipose tissue',
  'white adipose tissue',
  'brown adipose tissue',
  'epididymal fat pad',
  'liver',
  'bone marrow',
  'heart',
  'brain',
];

/** The term label each EV source text is grounded to (missing: stays ungrounded text). */
export const EV_SOURCE_TERMS: Readonly<Record<string, string>> = {
  'C2C12 cells': 'C2C12',
  'C2C12 myotubes': 'C2C12',
  'Quadriceps muscle': 'quadriceps femoris',
  'Gastrocnemius muscle': 'gastrocnemius',
  'Plasma of trained mice': 'blood plasma',
  'Serum of exercised humans': 'blood serum',
  'Primary myoblasts': 'myoblast',
  'L6 myotubes': 'L6',
  'Tibialis anterior muscle': 'tibialis anterior',
  'Soleus muscle': 'soleus muscle',
  'Satellite cells': 'skeletal muscle satellite cell',
};

/** The term label each recipient cell text is grounded to (missing: stays ungrounded text). */
export const RECIPIENT_TERMS: Readonly<Record<string, string>> = {
  BMSCs: 'mesenchymal stem cell',
  'SH-SY5Y': 'SH-SY5Y',
  '3T3-L1 adipocytes': '3T3-L1',
  Hepatocytes: 'hepatocyte',
  Cardiomyocytes: 'cardiac muscle cell',
  Macrophages: 'macrophage',
  'Beta cells': 'type B pancreatic cell',
  Podocytes: 'podocyte',
  Osteoclasts: 'osteoclast',
  Chondrocytes: 'chondrocyte',
  Neurons: 'neuron',
  'Satellite cells': 'skeletal muscle satellite cell',
  'Endothelial cells': 'endothelial cell',
  Fibroblasts: 'fibroblast',
};

/** The disease or phenotype label each model text is grounded to (conditions such as HIIT stay text). */
export const MODEL_TERMS: Readonly<Record<string, string>> = {
  Osteoporosis: 'osteoporosis',
  'Type 2 diabetes': 'type 2 diabetes mellitus',
  Cachexia: 'Cachexia',
  'Myocardial infarction': 'myocardial infarction',
  'Duchenne muscular dystrophy': 'Duchenne muscular dystrophy',
};
