// Regenerates data/DATA-DICTIONARY.md from the extract contract.
import { writeFileSync } from 'node:fs';
import { renderDataDictionary } from '../pipeline/contract/dictionary.ts';

writeFileSync('data/DATA-DICTIONARY.md', renderDataDictionary());
console.log('Wrote data/DATA-DICTIONARY.md');
