/** Links into the app for a (normalized) DOI; each DOI path segment is percent-encoded. */
export function sourcePath(doi: string): string {
  return `/sources/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** The new-finding page for a source; "/" is left readable in the query (RFC 3986 allows it). */
export function newFindingPath(doi: string): string {
  return `/findings/new?doi=${encodeURIComponent(doi).replace(/%2F/gi, '/')}`;
}
