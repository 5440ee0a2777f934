/** Controlled list of species, keyed by NCBI Taxonomy ids. */
export type Species = { id: string; label: string; scientific: string; aliases: readonly string[] };

export const SPECIES = [
  { id: 'NCBITaxon:9606', label: 'Human', scientific: 'Homo sapiens', aliases: ['humans', 'patients'] },
  { id: 'NCBITaxon:10090', label: 'Mouse', scientific: 'Mus musculus', aliases: ['mice', 'murine'] },
  { id: 'NCBITaxon:10116', label: 'Rat', scientific: 'Rattus norvegicus', aliases: ['rats'] },
  { id: 'NCBITaxon:9823', label: 'Pig', scientific: 'Sus scrofa', aliases: ['pigs', 'swine', 'porcine'] },
  { id: 'NCBITaxon:9913', label: 'Cattle', scientific: 'Bos taurus', aliases: ['bovine', 'cow'] },
  { id: 'NCBITaxon:9940', label: 'Sheep', scientific: 'Ovis aries', aliases: ['ovine'] },
  { id: 'NCBITaxon:9796', label: 'Horse', scientific: 'Equus caballus', aliases: ['equine'] },
  { id: 'NCBITaxon:9615', label: 'Dog', scientific: 'Canis lupus familiaris', aliases: ['canine'] },
  { id: 'NCBITaxon:9986', label: 'Rabbit', scientific: 'Oryctolagus cuniculus', aliases: ['rabbits'] },
  { id: 'NCBITaxon:9544', label: 'Rhesus macaque', scientific: 'Macaca mulatta', aliases: ['macaque', 'monkey'] },
  { id: 'NCBITaxon:9031', label: 'Chicken', scientific: 'Gallus gallus', aliases: ['chick'] },
  { id: 'NCBITaxon:7955', label: 'Zebrafish', scientific: 'Danio rerio', aliases: [] },
] as const satisfies readonly Species[];

export type SpeciesId = (typeof SPECIES)[number]['id'];
export const SPECIES_IDS = SPECIES.map((s) => s.id) as [SpeciesId, ...SpeciesId[]];

const byId = new Map<string, Species>(SPECIES.map((s) => [s.id, s]));
const byName = new Map<string, Species>();
for (const s of SPECIES) {
  byName.set(s.label.toLowerCase(), s);
  byName.set(s.scientific.toLowerCase(), s);
  for (const a of s.aliases) byName.set(a, s);
}

export function speciesById(id: string): Species | undefined {
  return byId.get(id);
}

export function speciesLabel(id: string): string {
  return byId.get(id)?.label ?? id;
}

/** Resolve an id, common name, scientific name or alias (any case). */
export function findSpecies(text: string): Species | undefined {
  const t = text.trim();
  return byId.get(t) ?? byName.get(t.toLowerCase());
}
