/**
 * Gold sentences about EV separation, characterisation and markers, written for this set (not taken
 * from any paper). See gold-types.ts for the format and gold.ts for the rules.
 */
import { m, MOUSE, type GoldItem } from './gold-types';

const ev = (text: string, occurrence?: number) => m(text, 'ev_method', occurrence ? { occurrence } : {});
const mk = (text: string, occurrence?: number) => m(text, 'marker', occurrence ? { occurrence } : {});

export const GOLD_EV: GoldItem[] = [
  {
    text: 'EVs were isolated from conditioned medium by differential ultracentrifugation and characterized by NTA, TEM and western blotting for CD63, TSG101 and calnexin.',
    mentions: [
      ev('differential ultracentrifugation'),
      ev('NTA'),
      ev('TEM'),
      ev('western blotting'),
      mk('CD63'),
      mk('TSG101'),
      mk('calnexin'),
    ],
  },
  {
    text: 'Size-exclusion chromatography (SEC) on qEV columns removed most soluble proteins, including ApoA1.',
    mentions: [ev('Size-exclusion chromatography'), ev('SEC'), mk('ApoA1')],
  },
  {
    text: 'Particle size was measured by nanoparticle tracking analysis on a NanoSight NS300 instrument.',
    mentions: [ev('nanoparticle tracking analysis')],
  },
  {
    text: 'Vesicles showed a cup-shaped morphology by transmission electron microscopy and were positive for CD9, CD81 and Alix but negative for GM130.',
    mentions: [ev('transmission electron microscopy'), mk('CD9'), mk('CD81'), mk('Alix'), mk('GM130')],
  },
  {
    text: 'After ultracentrifugation at 100,000 × g for 70 min, the pellet was resuspended in PBS.',
    mentions: [ev('ultracentrifugation')],
  },
  {
    text: 'The medium was centrifuged at 2,000 × g for 10 min and then at 10,000 × g for 30 min to remove debris.',
    mentions: [],
  },
  {
    text: 'Flotillin-1 and HSP70 were enriched in the EV fraction, whereas the cell lysate contained calnexin.',
    mentions: [mk('Flotillin-1'), mk('HSP70'), mk('calnexin')],
  },
  {
    text: 'Density gradient ultracentrifugation separated EVs from lipoproteins, as shown by the absence of ApoA1 and ApoB.',
    mentions: [ev('Density gradient ultracentrifugation'), mk('ApoA1'), mk('ApoB')],
  },
  {
    text: 'We combined ultrafiltration with SEC and confirmed vesicle integrity by cryo-EM.',
    mentions: [ev('ultrafiltration'), ev('SEC'), ev('cryo-EM')],
  },
  {
    text: 'As described in Sec. 2.4, samples were vortexed for 30 sec before loading.',
    mentions: [],
  },
  {
    text: 'Syntenin-1 and CD63 co-immunoprecipitated from EVs of primary myoblasts, and TSG101 knockdown reduced particle release measured by NTA.',
    species: MOUSE,
    mentions: [mk('Syntenin-1'), mk('CD63'), m('myoblasts', 'cell'), mk('TSG101'), ev('NTA')],
  },
  {
    text: 'EV-depleted serum was prepared by overnight ultracentrifugation, and particle concentration was assessed by tunable resistive pulse sensing (TRPS).',
    mentions: [m('serum', 'anatomy'), ev('ultracentrifugation'), ev('tunable resistive pulse sensing'), ev('TRPS')],
  },
  {
    text: 'Dynamic light scattering and atomic force microscopy gave similar diameters, while scanning electron microscopy revealed aggregates.',
    mentions: [ev('Dynamic light scattering'), ev('atomic force microscopy'), ev('scanning electron microscopy')],
  },
  {
    text: 'Data are shown as mean ± SEM of three independent isolations.',
    mentions: [],
  },
  {
    text: 'EVs were captured with anti-CD63 magnetic beads (immunoaffinity capture) and analysed by high-resolution flow cytometry.',
    mentions: [mk('CD63'), ev('immunoaffinity capture'), ev('high-resolution flow cytometry')],
  },
  {
    text: 'Compared with polymer precipitation (ExoQuick), SEC yielded fewer particles but also less albumin.',
    mentions: [ev('polymer precipitation'), ev('ExoQuick'), ev('SEC'), m('albumin', 'gene')],
  },
  {
    text: 'Tangential flow filtration concentrated 2 L of myotube medium before SEC.',
    mentions: [ev('Tangential flow filtration'), m('myotube', 'cell'), ev('SEC')],
  },
  {
    text: 'The presence of TSG101, Alix and CD81 together with the absence of GM130 and calnexin met the MISEV2018 criteria.',
    mentions: [mk('TSG101'), mk('Alix'), mk('CD81'), mk('GM130'), mk('calnexin')],
  },
  {
    text: 'Western blot showed that HSP70 and flotillin-1 were enriched in EVs, whereas GRP94 remained in the cells.',
    mentions: [ev('Western blot'), mk('HSP70'), mk('flotillin-1'), mk('GRP94')],
  },
  {
    text: 'Immunoblotting for CD9 and TSG101 identified SEC fractions 7–9 as EV-rich.',
    mentions: [ev('Immunoblotting'), mk('CD9'), mk('TSG101'), ev('SEC')],
  },
  {
    text: 'Cryo-electron microscopy revealed single vesicles, and iodixanol density gradient fractions 6–8 were pooled.',
    mentions: [ev('Cryo-electron microscopy'), ev('iodixanol density gradient')],
  },
  {
    text: 'Particles were counted by nano-flow cytometry after PKH67 labelling; NTA gave a 1.8-fold higher count.',
    mentions: [ev('nano-flow cytometry'), ev('NTA')],
  },
  {
    text: 'The tetraspanins CD63, CD81 and CD9 were detected on chips, whereas ALIX was not.',
    mentions: [mk('CD63'), mk('CD81'), mk('CD9'), mk('ALIX')],
  },
  {
    text: 'Ultracentrifugation through a sucrose cushion reduced contamination by apolipoprotein A1.',
    mentions: [ev('Ultracentrifugation'), mk('apolipoprotein A1')],
  },
  {
    text: 'Scanning electron microscopy (SEM) showed round particles; SEM images were taken at 20 kV.',
    mentions: [ev('Scanning electron microscopy'), ev('SEM'), ev('SEM', 1)],
  },
  {
    text: 'Particle numbers by NTA correlated with CD81 signal (r = 0.8), and Tsg101 was detected in all SEC fractions.',
    species: MOUSE,
    mentions: [ev('NTA'), mk('CD81'), mk('Tsg101'), ev('SEC')],
  },
];
