/** Sources as the read API shows them: the full record, and the short reference inside a finding. */
import { formatCitation } from '../citation';
import type { SourceDto, SourceRefDto, SourceRow } from './dto';

export function toSourceRefDto(s: SourceRow): SourceRefDto {
  return { doi: s.doi, citation: formatCitation(s), title: s.title, year: s.year, journal: s.journal };
}

export function toSourceDto(
  s: SourceRow & { pmid: string | null; metadataOrigin: string; retracted: boolean },
  findings: readonly { publicId: string; targetOrgan: string; species: string; result: string }[],
): SourceDto {
  return {
    doi: s.doi,
    citation: formatCitation(s),
    title: s.title,
    authors: s.authors,
    journal: s.journal,
    year: s.year,
    volume_pages: s.volumePages,
    pmid: s.pmid,
    metadata_origin: s.metadataOrigin,
    retracted: s.retracted,
    finding_ids: findings.map((f) => f.publicId),
    findings: findings.map((f) => ({
      finding_id: f.publicId,
      target_organ: f.targetOrgan,
      species: f.species,
      result: f.result,
    })),
  };
}
