/**
 * Controlled list of organs, keyed by UBERON ids. Labels follow the review's
 * Table 1; aliases are how the same organ is written in papers and imports.
 */
export type Organ = { id: string; label: string; aliases: readonly string[] };

export const ORGANS = [
  { id: 'UBERON:0001134', label: 'Skeletal muscle', aliases: ['skm', 'skeletal muscle tissue', 'muscle'] },
  { id: 'UBERON:0001474', label: 'Bone', aliases: ['bone element', 'bone tissue', 'skeleton'] },
  {
    id: 'UBERON:0004535',
    label: 'Heart/Cardiovascular system',
    aliases: ['cardiovascular system', 'heart', 'cardiovascular', 'vasculature', 'blood vessel'],
  },
  { id: 'UBERON:0001016', label: 'Nervous system', aliases: ['brain', 'nerve', 'neurons', 'central nervous system'] },
  { id: 'UBERON:0001013', label: 'Adipose tissue', aliases: ['fat', 'white adipose tissue', 'brown adipose tissue'] },
  { id: 'UBERON:0002113', label: 'Kidney', aliases: ['renal'] },
  { id: 'UBERON:0001264', label: 'Pancreas', aliases: ['pancreatic islet', 'islets', 'beta cells'] },
  { id: 'UBERON:0002107', label: 'Liver', aliases: ['hepatic'] },
  { id: 'UBERON:0002048', label: 'Lung', aliases: ['pulmonary', 'respiratory system'] },
  {
    id: 'UBERON:0002405',
    label: 'Immune system/Macrophages',
    aliases: ['immune system', 'macrophages', 'macrophage', 'immune', 'immune/macrophages'],
  },
  { id: 'UBERON:0000178', label: 'Blood', aliases: ['plasma', 'serum', 'circulation'] },
  { id: 'UBERON:0000160', label: 'Intestine', aliases: ['gut', 'colon', 'small intestine'] },
  { id: 'UBERON:0002097', label: 'Skin', aliases: ['dermis', 'epidermis'] },
  { id: 'UBERON:0002106', label: 'Spleen', aliases: [] },
  { id: 'UBERON:0000043', label: 'Tendon', aliases: [] },
  { id: 'UBERON:0002418', label: 'Cartilage', aliases: ['cartilage tissue'] },
] as const satisfies readonly Organ[];

export type OrganId = (typeof ORGANS)[number]['id'];
export const ORGAN_IDS = ORGANS.map((o) => o.id) as [OrganId, ...OrganId[]];
export const SKELETAL_MUSCLE: OrganId = 'UBERON:0001134';

const byId = new Map<string, Organ>(ORGANS.map((o) => [o.id, o]));
const byName = new Map<string, Organ>();
for (const o of ORGANS) {
  byName.set(o.label.toLowerCase(), o);
  for (const a of o.aliases) byName.set(a, o);
}

export function organById(id: string): Organ | undefined {
  return byId.get(id);
}

export function organLabel(id: string): string {
  return byId.get(id)?.label ?? id;
}

/** Resolve an id, label or alias (any case) to an organ. */
export function findOrgan(text: string): Organ | undefined {
  const t = text.trim();
  return byId.get(t) ?? byName.get(t.toLowerCase());
}
