/**
 * Old dashboard permalinks (/?quarter=2024-25+Q3&locality=NTH) from before every view had its
 * own page: sent on to that page, so links people saved still open what they showed.
 */
import { readSelection } from './selection.ts';

const wanted = readSelection(location.search);
const text = document.getElementById('dashboard-pages')?.textContent;
if ((wanted.quarter || wanted.locality) && text) {
  const pages = JSON.parse(text) as [string, string, string][];
  const quarter = wanted.quarter ?? document.querySelector<HTMLElement>('[data-dash="heading"]')?.dataset.quarter ?? '';
  const page = pages.find(([q, l]) => q === quarter && l === (wanted.locality ?? ''));
  if (page) location.replace(page[2]);
}
