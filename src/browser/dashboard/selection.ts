/** The dashboard's state as old permalinks carried it in the URL (?quarter=2024-25+Q3&locality=NTH). */
export interface UrlSelection {
  readonly quarter: string | null;
  readonly locality: string | null;
}

export function readSelection(search: string): UrlSelection {
  const params = new URLSearchParams(search);
  return { quarter: params.get('quarter') || null, locality: params.get('locality') || null };
}
