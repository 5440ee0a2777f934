/**
 * EV methods and markers: no vocabulary file holds them, so this curated list does. Methods follow
 * the MISEV options a finding records (lib/vocab/terms.ts SEPARATION_METHODS, PARTICLE_ANALYSIS,
 * EM_METHODS), with the spellings and abbreviations papers use, plus western blotting and flow
 * cytometry; `eco` is the ECO evidence term a method grounds to where one fits (checked against the
 * loaded rows). Markers are the MISEV protein markers (EV-enriched and the usual negative or
 * contamination markers); each grounds to its HGNC gene.
 *
 * `forms` match ignoring case, `exact` only as written (abbreviations: "SEC", not "sec" for seconds).
 * An abbreviation that means something else too ("SEM": standard error; "UC", "EM", "WB") is left out
 * here: it is found where the paper defines it ("scanning electron microscopy (SEM)").
 */
import type { MisevSlot } from './types';

export type EvMethod = {
  name: string;
  misev?: MisevSlot;
  eco?: string;
  forms: readonly string[];
  exact?: readonly string[];
};

const sep = (value: string): MisevSlot => ({ field: 'separationMethods', value });
const particle = (value: string): MisevSlot => ({ field: 'particleAnalysis', value });
const em = (value: string): MisevSlot => ({ field: 'emMethods', value });

const ECO_EM = 'ECO:0005033';

export const EV_METHODS: readonly EvMethod[] = [
  {
    name: 'Differential ultracentrifugation',
    misev: sep('differential_ultracentrifugation'),
    forms: ['differential ultracentrifugation', 'differential centrifugation', 'serial ultracentrifugation'],
    exact: ['dUC'],
  },
  {
    // Plain "ultracentrifugation" is how most papers name the differential protocol.
    name: 'Ultracentrifugation',
    misev: sep('differential_ultracentrifugation'),
    forms: ['ultracentrifugation', 'ultracentrifuged', 'ultra-centrifugation', 'ultracentrifugations'],
  },
  {
    name: 'Density gradient',
    misev: sep('density_gradient'),
    forms: [
      'density gradient',
      'density gradients',
      'density gradient ultracentrifugation',
      'density gradient centrifugation',
      'density gradient separation',
      'iodixanol gradient',
      'iodixanol density gradient',
      'sucrose gradient',
      'sucrose density gradient',
      'OptiPrep gradient',
      'OptiPrep density gradient',
    ],
  },
  {
    name: 'Size-exclusion chromatography',
    misev: sep('size_exclusion_chromatography'),
    forms: ['size-exclusion chromatography', 'size exclusion chromatography', 'gel filtration chromatography'],
    exact: ['SEC'],
  },
  {
    name: 'Precipitation',
    misev: sep('precipitation'),
    forms: [
      'polymer precipitation',
      'polymer-based precipitation',
      'PEG precipitation',
      'polyethylene glycol precipitation',
      'ExoQuick',
      'ExoQuick-TC',
      'Total Exosome Isolation',
    ],
  },
  { name: 'Ultrafiltration', misev: sep('ultrafiltration'), forms: ['ultrafiltration'] },
  {
    name: 'Immunoaffinity capture',
    misev: sep('immunoaffinity'),
    forms: ['immunoaffinity capture', 'immunoaffinity isolation', 'immunoaffinity', 'immunocapture', 'immuno-capture'],
  },
  {
    name: 'Tangential flow filtration',
    misev: sep('tangential_flow_filtration'),
    forms: ['tangential flow filtration', 'tangential-flow filtration'],
    exact: ['TFF'],
  },
  {
    name: 'Nanoparticle tracking analysis',
    misev: particle('nta'),
    forms: ['nanoparticle tracking analysis', 'nanoparticle tracking', 'nano-particle tracking analysis'],
    exact: ['NTA'],
  },
  {
    name: 'Tunable resistive pulse sensing',
    misev: particle('trps'),
    forms: ['tunable resistive pulse sensing', 'tuneable resistive pulse sensing'],
    exact: ['TRPS'],
  },
  { name: 'Dynamic light scattering', misev: particle('dls'), forms: ['dynamic light scattering'], exact: ['DLS'] },
  {
    name: 'High-resolution flow cytometry',
    misev: particle('flow_cytometry'),
    eco: 'ECO:0000268',
    forms: ['high-resolution flow cytometry', 'nano-flow cytometry', 'nanoflow cytometry', 'nanoscale flow cytometry'],
  },
  { name: 'Flow cytometry', eco: 'ECO:0000268', forms: ['flow cytometry', 'bead-based flow cytometry'] },
  {
    name: 'Transmission EM',
    misev: em('tem'),
    eco: ECO_EM,
    forms: ['transmission electron microscopy', 'transmission EM', 'transmission electron microscope'],
    exact: ['TEM'],
  },
  {
    name: 'Cryo-EM',
    misev: em('cryo_em'),
    eco: ECO_EM,
    forms: ['cryo-EM', 'cryo-electron microscopy', 'cryogenic electron microscopy', 'cryo-TEM', 'cryoEM'],
  },
  { name: 'Scanning EM', misev: em('sem'), eco: ECO_EM, forms: ['scanning electron microscopy'] },
  { name: 'Atomic force microscopy', misev: em('afm'), forms: ['atomic force microscopy'], exact: ['AFM'] },
  { name: 'Electron microscopy', eco: ECO_EM, forms: ['electron microscopy', 'immunogold electron microscopy'] },
  {
    name: 'Western blot',
    eco: 'ECO:0000112',
    forms: [
      'western blot',
      'western blots',
      'western blotting',
      'western blot analysis',
      'immunoblotting',
      'immunoblot',
      'immunoblots',
      'immunoblot analysis',
    ],
  },
];

export type EvMarker = { name: string; symbol: string | null; forms: readonly string[]; exact: readonly string[] };

/** `symbol`: the HGNC gene the marker grounds to; null when the name covers several genes (HSP70). */
export const EV_MARKERS: readonly EvMarker[] = [
  { name: 'CD63', symbol: 'CD63', forms: [], exact: ['CD63', 'Cd63'] },
  { name: 'CD81', symbol: 'CD81', forms: [], exact: ['CD81', 'Cd81'] },
  { name: 'CD9', symbol: 'CD9', forms: [], exact: ['CD9', 'Cd9'] },
  { name: 'CD82', symbol: 'CD82', forms: [], exact: ['CD82', 'Cd82'] },
  { name: 'TSG101', symbol: 'TSG101', forms: [], exact: ['TSG101', 'Tsg101', 'TSG-101'] },
  { name: 'ALIX', symbol: 'PDCD6IP', forms: [], exact: ['ALIX', 'Alix', 'PDCD6IP', 'Pdcd6ip'] },
  {
    name: 'Flotillin-1',
    symbol: 'FLOT1',
    forms: ['flotillin-1', 'flotillin 1', 'flotillin1'],
    exact: ['FLOT1', 'Flot1'],
  },
  {
    name: 'Flotillin-2',
    symbol: 'FLOT2',
    forms: ['flotillin-2', 'flotillin 2', 'flotillin2'],
    exact: ['FLOT2', 'Flot2'],
  },
  { name: 'Syntenin-1', symbol: 'SDCBP', forms: ['syntenin', 'syntenin-1', 'syntenin 1'], exact: ['SDCBP', 'Sdcbp'] },
  { name: 'HSP70', symbol: null, forms: [], exact: ['HSP70', 'Hsp70', 'HSP-70', 'Hsp-70'] },
  { name: 'HSC70', symbol: 'HSPA8', forms: [], exact: ['HSC70', 'Hsc70', 'HSPA8', 'Hspa8'] },
  { name: 'Calnexin', symbol: 'CANX', forms: ['calnexin'], exact: ['CANX', 'Canx'] },
  { name: 'GM130', symbol: 'GOLGA2', forms: [], exact: ['GM130', 'GOLGA2', 'Golga2'] },
  { name: 'GRP94', symbol: 'HSP90B1', forms: [], exact: ['GRP94', 'Grp94', 'HSP90B1'] },
  {
    name: 'ApoA1',
    symbol: 'APOA1',
    forms: ['apolipoprotein A1', 'apolipoprotein A-I', 'apolipoprotein AI'],
    exact: ['ApoA1', 'APOA1', 'ApoA-I', 'ApoAI', 'APOA-I', 'Apoa1'],
  },
  { name: 'ApoB', symbol: 'APOB', forms: ['apolipoprotein B'], exact: ['ApoB', 'APOB', 'ApoB-100', 'Apob'] },
  { name: 'Annexin A1', symbol: 'ANXA1', forms: ['annexin A1'], exact: ['ANXA1', 'Anxa1'] },
  { name: 'Cytochrome c', symbol: 'CYCS', forms: ['cytochrome c'], exact: [] },
  { name: 'TOM20', symbol: 'TOMM20', forms: [], exact: ['TOM20', 'TOMM20', 'Tomm20'] },
];

/** HSP70 names a family: the inducible members are offered, none chosen. */
export const HSP70_CANDIDATES = ['HSPA1A', 'HSPA1B'] as const;
