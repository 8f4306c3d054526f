/**
 * The dashboard's state in the URL (?quarter=2024-25+Q3&locality=NTH), so a view can be shared,
 * bookmarked and restored with the back button. Tiny on purpose: it loads with the page.
 */
export interface UrlSelection {
  readonly quarter: string | null;
  readonly locality: string | null;
}

export function readSelection(search: string): UrlSelection {
  const params = new URLSearchParams(search);
  return { quarter: params.get('quarter') || null, locality: params.get('locality') || null };
}

export function selectionSearch(selection: UrlSelection, defaultQuarter: string): string {
  const params = new URLSearchParams();
  if (selection.quarter && selection.quarter !== defaultQuarter) params.set('quarter', selection.quarter);
  if (selection.locality) params.set('locality', selection.locality);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function sameSelection(a: UrlSelection, b: UrlSelection): boolean {
  return a.quarter === b.quarter && a.locality === b.locality;
}
