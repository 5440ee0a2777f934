/**
 * Gene symbols and aliases that are also words or abbreviations of this field. They are tagged only
 * where the text treats them as genes (a gene word next to them, or in a list with other genes).
 */

/**
 * Approved HGNC symbols that are English words or common abbreviations ("SET", "STAR Methods", "HR" for heart
 * rate, "TG" for triglycerides, "MSC", "FAP"). Symbols of one letter and one digit ("F2", "C5") are treated alike.
 */
export const AMBIGUOUS_SYMBOLS = new Set(
  (
    'ACE ACR AFM AGA ALB ANG APC APP ARC ATM BAD BID BIK BLK BOC BOK CAD CAMP CAST CAT CIT CLOCK CLU CP CPD CPE ' +
    'CPM CS CTRL DBP DES DMD DUT ECD EDA ELL EMB ENG ERF ERG FAP FAS FEV FH FRY FUS GAL GAN GC GEM GK GPT HAL HP ' +
    'HR IDS IMPACT INA INS ITK JUN KIN KIT LAT LOX LTA MAF MAG MAL MAX MB MCC MET MIA MIP MOS MSC MVP NEB NES NHS ' +
    'NIN OAT OTC PAM PC PDF PIP POR PSD PVR RAN RAX REL REN REST RHD RHO SAG SDS SET SHE SI SKI SMO SMS SON SPR ' +
    'SRM SRY STAR TAT TEC TEF TES TF TG TH TOX TRIO TUB UNG VIP WAC WAS WIZ ZAN TANK CHAT'
  ).split(' '),
);

/** Aliases never used: abbreviations of methods, reagents, diseases and statistics that HGNC also lists. */
export const DENIED_ALIASES = new Set(
  (
    'ANOVA FISH COPD BCAA MRI STZ LPS FBS RFP TEM ROS KO SD SE CI GO PCA ADP AMP DAG TBS ECL OCT HE CSA FS MI ' +
    'HF ALS SMA BMD HCC BAT SAT EDL GAS EPI ECM HSC DC PKC ER MAM IF CT SEC NTA EV EVS TFF DLS WB UC NK CO2 PC1 PC2'
  ).split(' '),
);

/** Three-letter aliases common enough as protein names to keep (other three-letter aliases are dropped). */
export const KEPT_SHORT_ALIASES = new Set(['AKT', 'OPN', 'OCN', 'OPG']);

/** Words after a symbol that make it a gene ("CAT activity", "MET phosphorylation", "DMD gene"). */
export const GENE_NEXT = new Set([
  'gene',
  'genes',
  'mrna',
  'mrnas',
  'protein',
  'proteins',
  'expression',
  'level',
  'levels',
  'activity',
  'activities',
  'knockdown',
  'knockout',
  'deficiency',
  'deficient',
  'sirna',
  'shrna',
  'promoter',
  'transcript',
  'transcripts',
  'inhibitor',
  'inhibitors',
  'inhibition',
  'antibody',
  'signaling',
  'signalling',
  'pathway',
  'phosphorylation',
  'overexpression',
  'mutation',
  'mutations',
  'variant',
  'variants',
  'locus',
  'receptor',
  'ligand',
  'kinase',
]);

/** Words before a symbol that make it a gene ("expression of CAT", "anti-CAT"). */
export const GENE_BEFORE = new Set([
  'anti',
  'expression',
  'expressed',
  'express',
  'expressing',
  'encoding',
  'knockdown',
  'silencing',
  'overexpression',
  'phosphorylated',
  'phosphorylation',
  'recombinant',
  'levels',
  'loss',
  'gene',
  'genes',
  'targets',
  'targeting',
]);
