/** Small closed vocabularies of a finding. Values are stored; labels are shown. */

const options = <const T extends readonly { value: string; label: string }[]>(list: T) => ({
  list,
  values: list.map((o) => o.value) as unknown as [T[number]['value'], ...T[number]['value'][]],
  label: (v: string) => list.find((o) => o.value === v)?.label ?? v,
});

export const DIRECTIONS = options([
  { value: 'muscle_to_organ', label: 'Muscle → organ' },
  { value: 'organ_to_muscle', label: 'Organ → muscle' },
  { value: 'within_muscle', label: 'Within muscle' },
] as const);

export const STUDY_TYPES = options([
  { value: 'in_vitro', label: 'In vitro' },
  { value: 'in_vivo', label: 'In vivo' },
  { value: 'ex_vivo', label: 'Ex vivo' },
  { value: 'human', label: 'Human study' },
] as const);

export const EFFECT_DIRECTIONS = options([
  { value: 'promotes', label: 'Promotes' },
  { value: 'inhibits', label: 'Inhibits' },
  { value: 'no_effect', label: 'No effect' },
  { value: 'mixed', label: 'Mixed' },
] as const);

export const CARGO_TYPES = options([
  { value: 'miRNA', label: 'miRNA' },
  { value: 'mRNA', label: 'mRNA' },
  { value: 'lncRNA', label: 'lncRNA' },
  { value: 'circRNA', label: 'circRNA' },
  { value: 'protein', label: 'Protein' },
  { value: 'lipid', label: 'Lipid' },
  { value: 'metabolite', label: 'Metabolite' },
  { value: 'DNA', label: 'DNA' },
  { value: 'other', label: 'Other' },
] as const);

/** MISEV2023 EV nomenclature: generic "EVs" unless biogenesis is shown. */
export const EV_TYPES = options([
  { value: 'ev', label: 'EVs (generic)' },
  { value: 'small_ev', label: 'Small EVs' },
  { value: 'large_ev', label: 'Large EVs' },
  { value: 'exosome', label: 'Exosomes (as reported)' },
  { value: 'microvesicle', label: 'Microvesicles (as reported)' },
  { value: 'apoptotic_body', label: 'Apoptotic bodies' },
] as const);

export const SEPARATION_METHODS = options([
  { value: 'differential_ultracentrifugation', label: 'Differential ultracentrifugation' },
  { value: 'density_gradient', label: 'Density gradient' },
  { value: 'size_exclusion_chromatography', label: 'Size-exclusion chromatography' },
  { value: 'precipitation', label: 'Precipitation (e.g. PEG kits)' },
  { value: 'ultrafiltration', label: 'Ultrafiltration' },
  { value: 'immunoaffinity', label: 'Immunoaffinity capture' },
  { value: 'tangential_flow_filtration', label: 'Tangential flow filtration' },
  { value: 'other', label: 'Other' },
] as const);

export const PARTICLE_ANALYSIS = options([
  { value: 'nta', label: 'Nanoparticle tracking analysis' },
  { value: 'trps', label: 'Tunable resistive pulse sensing' },
  { value: 'dls', label: 'Dynamic light scattering' },
  { value: 'flow_cytometry', label: 'High-resolution flow cytometry' },
  { value: 'none', label: 'None reported' },
] as const);

export const EM_METHODS = options([
  { value: 'tem', label: 'Transmission EM' },
  { value: 'cryo_em', label: 'Cryo-EM' },
  { value: 'sem', label: 'Scanning EM' },
  { value: 'afm', label: 'Atomic force microscopy' },
  { value: 'none', label: 'None reported' },
] as const);

export const WORKFLOW_STATUSES = options([
  { value: 'draft', label: 'Draft' },
  { value: 'submitted', label: 'Submitted' },
  { value: 'approved', label: 'Approved' },
  { value: 'changes_requested', label: 'Changes requested' },
  { value: 'rejected', label: 'Rejected' },
] as const);

export const ROLES = options([
  { value: 'curator', label: 'Curator' },
  { value: 'reviewer', label: 'Reviewer' },
  { value: 'admin', label: 'Admin' },
] as const);

export type Direction = (typeof DIRECTIONS.values)[number];
export type StudyType = (typeof STUDY_TYPES.values)[number];
export type EffectDirection = (typeof EFFECT_DIRECTIONS.values)[number];
export type CargoType = (typeof CARGO_TYPES.values)[number];
export type EvType = (typeof EV_TYPES.values)[number];
export type WorkflowStatus = (typeof WORKFLOW_STATUSES.values)[number];
export type Role = (typeof ROLES.values)[number];
