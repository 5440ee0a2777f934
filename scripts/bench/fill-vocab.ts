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
