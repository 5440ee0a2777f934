/**
 * Gold sentences about genes, cells, cell lines, tissues, species and diseases, with hard negatives
 * (symbols that are words, abbreviations that mean something else), written for this set (not taken
 * from any paper). See gold-types.ts for the format and gold.ts for the rules.
 */
import { HUMAN, m, MOUSE, RAT, type GoldItem } from './gold-types';

const gene = (text: string) => m(text, 'gene');
const cell = (text: string, occurrence?: number) => m(text, 'cell', occurrence ? { occurrence } : {});
const line = (text: string) => m(text, 'cell_line');
const anat = (text: string, occurrence?: number) => m(text, 'anatomy', occurrence ? { occurrence } : {});
const sp = (text: string) => m(text, 'species');
const dis = (text: string) => m(text, 'disease');

export const GOLD_ENTITIES: GoldItem[] = [
  {
    text: 'Participants of the IMPACT trial exercised at 6 METs; we set the pace so that the cat-walk test was met by all.',
    mentions: [],
  },
  {
    text: 'CAT and SOD2 activities increased in the gastrocnemius of trained mice.',
    species: MOUSE,
    mentions: [gene('CAT'), gene('SOD2'), anat('gastrocnemius'), sp('mice')],
  },
  {
    text: 'Phosphorylation of MET by HGF was not affected by muscle EVs.',
    species: HUMAN,
    mentions: [gene('MET'), gene('HGF')],
  },
  {
    text: 'Myostatin and follistatin were measured by ELISA in serum from sarcopenic patients.',
    species: HUMAN,
    mentions: [gene('Myostatin'), gene('follistatin'), anat('serum')],
  },
  {
    text: 'PGC-1α and FNDC5 expression increased in the vastus lateralis, while plasma irisin remained unchanged.',
    species: HUMAN,
    mentions: [gene('PGC-1α'), gene('FNDC5'), anat('vastus lateralis'), anat('plasma'), gene('irisin')],
  },
  {
    text: 'Pax7-positive cells and MyoD expression were reduced in TA muscles after EV injection.',
    species: MOUSE,
    mentions: [gene('Pax7'), gene('MyoD'), anat('TA')],
  },
  {
    text: 'Knockdown of Tsg101 in C2C12 cells lowered EV release but did not alter Myog levels.',
    species: MOUSE,
    mentions: [m('Tsg101', 'marker'), line('C2C12'), gene('Myog')],
  },
  {
    text: 'Cardiomyocyte hypertrophy was induced with TGF-β1, and Runx2 was assessed in MC3T3-E1 osteoblasts.',
    species: MOUSE,
    mentions: [cell('Cardiomyocyte'), gene('TGF-β1'), gene('Runx2'), line('MC3T3-E1'), cell('osteoblasts')],
  },
  {
    text: 'In HepG2 cells, muscle EVs reduced lipid accumulation, but in Huh-7 and AML12 cells they had no effect.',
    mentions: [line('HepG2'), line('Huh-7'), line('AML12')],
  },
  {
    text: 'HUVECs took up PKH26-labelled vesicles, as did SH-SY5Y neurons and BV-2 microglia.',
    mentions: [line('HUVECs'), line('SH-SY5Y'), cell('neurons'), line('BV-2'), cell('microglia')],
  },
  {
    text: 'L6 and LLC cells were co-cultured, and LLC tumour-bearing mice developed cachexia.',
    species: MOUSE,
    mentions: [
      line('L6'),
      m('LLC', 'cell_line'),
      m('LLC', 'cell_line', { occurrence: 1 }),
      sp('mice'),
      dis('cachexia'),
    ],
  },
  {
    text: 'IL-33 signals through its receptor ST2, which bone marrow ST2 cells also express.',
    species: MOUSE,
    mentions: [gene('IL-33'), gene('ST2'), anat('bone marrow'), m('ST2', 'cell_line', { occurrence: 1 })],
  },
  {
    text: 'Human, mouse and rat myoblasts responded alike, whereas zebrafish and Caenorhabditis elegans were not tested.',
    mentions: [sp('Human'), sp('mouse'), sp('rat'), cell('myoblasts'), sp('zebrafish'), sp('Caenorhabditis elegans')],
  },
  {
    text: 'Sus scrofa and Bos taurus serve as large-animal models; porcine and bovine muscle EVs were compared with those of guinea pigs.',
    mentions: [sp('Sus scrofa'), sp('Bos taurus'), sp('porcine'), sp('bovine'), sp('guinea pigs')],
  },
  {
    text: 'Patients with chronic kidney disease, heart failure or amyotrophic lateral sclerosis (ALS) showed altered EV profiles.',
    species: HUMAN,
    mentions: [dis('chronic kidney disease'), dis('heart failure'), dis('amyotrophic lateral sclerosis'), dis('ALS')],
  },
  {
    text: 'Obesity and type 2 diabetes mellitus impair EV-mediated crosstalk between skeletal muscle and adipose tissue.',
    mentions: [dis('Obesity'), dis('type 2 diabetes mellitus'), anat('skeletal muscle'), anat('adipose tissue')],
  },
  {
    text: 'Osteoporosis and sarcopenia often coexist in older adults with osteoarthritis.',
    species: HUMAN,
    mentions: [dis('Osteoporosis'), dis('sarcopenia'), dis('osteoarthritis')],
  },
  {
    text: 'EVs injected into the tibialis anterior (TA) reached the liver, heart and brown adipose tissue, but not the brain; TA weight was unchanged.',
    species: MOUSE,
    mentions: [
      anat('tibialis anterior'),
      anat('TA'),
      anat('liver'),
      anat('heart'),
      anat('brown adipose tissue'),
      anat('brain'),
      anat('TA', 1),
    ],
  },
  {
    text: 'The extensor digitorum longus (EDL) and soleus muscles differ in fibre type; EDL myofibers are mostly fast.',
    species: MOUSE,
    mentions: [
      anat('extensor digitorum longus'),
      anat('EDL'),
      anat('soleus muscles'),
      anat('EDL', 1),
      cell('myofibers'),
    ],
  },
  {
    text: 'Bone marrow-derived macrophages and mesenchymal stem cells (MSCs) were exposed to muscle EVs; MSCs then differentiated into osteocytes.',
    species: MOUSE,
    mentions: [
      anat('Bone marrow'),
      cell('macrophages'),
      cell('mesenchymal stem cells'),
      cell('MSCs'),
      cell('MSCs', 1),
      cell('osteocytes'),
    ],
  },
  {
    text: 'Kidney fibrosis after ureteral obstruction was attenuated by EVs from the gastrocnemius.',
    species: MOUSE,
    mentions: [dis('Kidney fibrosis'), anat('gastrocnemius')],
  },
  {
    text: 'Each cell of the 96-well plate received 10 µl, and the tube was then placed at the back of the rack.',
    mentions: [],
  },
  {
    text: 'A high-fat diet (HFD) induced obesity in C57BL/6 mice within 12 weeks.',
    species: MOUSE,
    mentions: [dis('obesity'), sp('mice')],
  },
  {
    text: 'Plasma EVs from DMD patients carried less dystrophin; DMD gene mutations were confirmed by sequencing.',
    species: HUMAN,
    mentions: [anat('Plasma'), dis('DMD'), gene('dystrophin'), m('DMD', 'gene', { occurrence: 1 })],
  },
  {
    text: 'AKT phosphorylation and mTOR activity increased in myotubes treated with EVs from HIIT-trained mice.',
    species: MOUSE,
    mentions: [gene('AKT'), gene('mTOR'), cell('myotubes'), sp('mice')],
  },
  {
    text: 'CD36 and UCP1 were upregulated in beige adipocytes, and Prdm16 in brown adipose tissue.',
    species: MOUSE,
    mentions: [gene('CD36'), gene('UCP1'), cell('beige adipocytes'), gene('Prdm16'), anat('brown adipose tissue')],
  },
  {
    text: 'Lipopolysaccharide (LPS) activated NF-κB in macrophages, and ROS production doubled.',
    species: MOUSE,
    mentions: [gene('NF-κB'), cell('macrophages')],
  },
  {
    text: 'Fibro-adipogenic progenitors (FAPs) and satellite cells cooperate after injury; FAPs also secrete EVs.',
    species: MOUSE,
    mentions: [cell('Fibro-adipogenic progenitors'), cell('FAPs'), cell('satellite cells'), cell('FAPs', 1)],
  },
  {
    text: 'Insulin secretion by pancreatic beta cells and MIN6 cells rose after exposure to EVs from exercised muscle.',
    species: MOUSE,
    mentions: [gene('Insulin'), cell('pancreatic beta cells'), line('MIN6')],
  },
  {
    text: 'Endothelial cells, T cells and neutrophils internalized fewer vesicles than Kupffer cells.',
    mentions: [cell('Endothelial cells'), cell('T cells'), cell('neutrophils'), cell('Kupffer cells')],
  },
  {
    text: 'Schwann cells and astrocytes were cultured from neonatal rat pups.',
    species: RAT,
    mentions: [cell('Schwann cells'), cell('astrocytes'), sp('rat')],
  },
  {
    text: "Muscle EVs crossed the blood–brain barrier in models of Alzheimer's disease and Parkinson's disease.",
    mentions: [anat('blood–brain barrier'), dis("Alzheimer's disease"), dis("Parkinson's disease")],
  },
  {
    text: 'The TA cloning kit was used to sequence the PCR products, and the SET buffer was prepared fresh.',
    mentions: [],
  },
  {
    text: 'Il6 and Tnf transcripts were induced in the liver of mice given EVs from denervated muscle.',
    species: MOUSE,
    mentions: [gene('Il6'), gene('Tnf'), anat('liver'), sp('mice')],
  },
  {
    text: 'Antibodies were from Abcam and Cell Signaling Technology, and Bio-Rad supplied the STAR Methods reagents.',
    mentions: [],
  },
  {
    text: 'EVs from hypoxic cardiomyocytes raised VEGF-A and ANGPT1 levels in HUVEC cultures and in the kidney.',
    species: HUMAN,
    mentions: [cell('cardiomyocytes'), gene('VEGF-A'), gene('ANGPT1'), line('HUVEC'), anat('kidney')],
  },
];
