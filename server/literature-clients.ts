/**
 * Where the literature watch asks Europe PMC and Crossref (issue 13): EUROPEPMC_API_URL and CROSSREF_API_URL
 * (a base URL, or `off`), CROSSREF_MAILTO for Crossref's polite pool. Shared by the use cases and `npm run jobs`,
 * so not `server-only`.
 */
import type { FetchCrossrefUpdatesOptions } from '../lib/literature/crossref-updates';
import type { EuropePmcSearchOptions } from '../lib/literature/europepmc-search';
import { type Env, env } from './env';

const isOff = (v: string | undefined) => v?.trim().toLowerCase() === 'off';

export type LiteratureClients = {
  /** null: searching Europe PMC is turned off on this server. */
  europepmc: EuropePmcSearchOptions | null;
  /** null: asking Crossref is turned off on this server. */
  crossref: FetchCrossrefUpdatesOptions | null;
};

export function literatureClients(e: Env = env()): LiteratureClients {
  return {
    europepmc: isOff(e.EUROPEPMC_API_URL) ? null : { baseUrl: e.EUROPEPMC_API_URL },
    crossref: isOff(e.CROSSREF_API_URL) ? null : { baseUrl: e.CROSSREF_API_URL, mailto: e.CROSSREF_MAILTO },
  };
}
