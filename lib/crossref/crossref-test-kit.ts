/** What the Crossref tests share: the recorded Aswad 2014 work and what it must map to. */
import { readFileSync } from 'node:fs';
import type { SourceMetadata } from './index';

export const fixtureText = readFileSync(new URL('./fixtures/work-aswad-2014.json', import.meta.url), 'utf8');
export const fixture = JSON.parse(fixtureText) as { message: Record<string, unknown> } & Record<string, unknown>;

export const ASWAD_DOI = '10.1007/s00125-014-3337-2';
export const ASWAD: SourceMetadata = {
  doi: ASWAD_DOI,
  title: 'Exosomes participate in the alteration of muscle homeostasis during lipid-induced insulin resistance in mice',
  authors: 'Aswad, H., Forterre, A., Wiklander, O. P. B., Vial, G., Danty-Berger, E., Jalabert, A., et al.',
  journal: 'Diabetologia',
  year: 2014,
  volumePages: '57, 2155–2164',
  pmid: null,
};
