// Moved to src/lib/site-data: kept while pages move over.
export { siteData, type SiteData } from '../../lib/site-data/site-data.ts';
export { loadBoundaries, BOUNDARIES_FILE, type BoundaryFeature } from '../../lib/site-data/boundaries.ts';
