/**
 * Recognise a direct identifier by its column name.
 * Headers are split into words (on any non-alphanumeric and on camelCase) so that a rule can
 * look for a whole word: "tel" must catch `tel_no` but not `hotel`, "house" must catch
 * `house_number` but not `household_size`, "ni" must catch `ni_number` but not `indicator_code`.
 */
import type { IdentifierKind } from './identifierKinds.ts';

/** Words that name a thing rather than a person, so "<thing> name" is not a person's name. */
const namedThings = new Set([
  'locality', 'area', 'ward', 'lsoa', 'msoa', 'district', 'borough', 'authority', 'la', 'council',
  'region', 'county', 'country', 'nation', 'geography', 'place', 'site', 'venue', 'location',
  'hub', 'centre', 'center', 'setting', 'school', 'college', 'academy', 'establishment',
  'provider', 'organisation', 'organization', 'org', 'agency', 'team', 'service', 'department',
  'dept', 'directorate', 'trust', 'hospital', 'clinic', 'unit', 'programme', 'program', 'project',
  'scheme', 'phase', 'indicator', 'measure', 'outcome', 'criterion', 'criteria', 'category',
  'type', 'claim', 'payment', 'file', 'sheet', 'table', 'column', 'field', 'variable', 'dataset',
]);

/** Modifiers skipped when finding what a name belongs to: `locality_short_name` names a locality. */
const nameModifiers = new Set(['short', 'long', 'official', 'full', 'common', 'local']);

/** Qualifiers of a postcode column that make it a partial postcode, which is not a direct identifier. */
const partialPostcode = new Set(['district', 'sector', 'area', 'outward', 'outcode', 'prefix', 'region', 'partial']);

const phoneWords = new Set(['phone', 'telephone', 'tel', 'telno', 'mobile', 'mob', 'mobileno', 'landline', 'fax', 'cellphone']);

function wordsOf(header: string): string[] {
  return header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function isPersonName(words: readonly string[]): boolean {
  if (words.includes('initials') || words.includes('alias') || words.join('').includes('knownas')) return true;
  const at = words.findIndex((word) => /names?$/.test(word));
  if (at < 0) return false;
  const nameWord = words[at] ?? '';
  // The word(s) saying whose name it is: the prefix of a compound ("surname", "localityname"),
  // else the words before it, else "name of <x>".
  const prefix = nameWord.replace(/names?$/, '');
  const before = prefix !== '' ? [prefix] : words.slice(0, at);
  const owners = (before.length > 0 ? before : words.slice(at + 1).filter((word) => word !== 'of'))
    .map((word) => word.replace(/\d+$/, ''))
    .filter((word) => word !== '');
  let owner = owners.length;
  while (owner > 0 && nameModifiers.has(owners[owner - 1] ?? '')) owner -= 1;
  const head = owners[owner - 1];
  return head === undefined || !namedThings.has(head);
}

/**
 * The kind of direct identifier a column name announces, or null for an ordinary column.
 * Rules are ordered so `email_address` is an email, not an address.
 */
export function identifierColumnKind(header: string): IdentifierKind | null {
  const words = wordsOf(header);
  const compact = words.join('');
  const has = (word: string) => words.includes(word);

  if (compact.includes('email')) return 'email';
  if (words.some((word) => phoneWords.has(word) || /^(tel|mob|mobile|phone|fax)(no|num|number)$/.test(word)) || compact.includes('phone') || compact.includes('contactnumber')) {
    return 'phone';
  }
  if (/nhs(no|num|number|id)/.test(compact) || (has('nhs') && words.length === 1)) return 'nhs_number';
  if (
    compact.includes('nationalinsurance') ||
    words.some((word) => word === 'nino' || word === 'nin' || /^ni(no|num|number)$/.test(word)) ||
    (has('ni') && (has('no') || has('num') || has('number')))
  ) {
    return 'ni_number';
  }
  if (has('upn') || has('uln') || /pupil(no|num|number)|uniquepupil|learnernumber/.test(compact)) return 'upn';
  if (words.some((word) => word.endsWith('dob')) || /dateofbirth|birthdate|birthday|dobirth/.test(compact)) {
    return 'date_of_birth';
  }
  if ((compact.includes('postcode') || compact.includes('postalcode') || has('zip') || has('zipcode')) && !words.some((word) => partialPostcode.has(word))) {
    return 'postcode';
  }
  if (
    compact.includes('address') ||
    has('addr') ||
    has('street') ||
    has('uprn') ||
    /(house|flat|building)(number|no|num|name)/.test(compact)
  ) {
    return 'address';
  }
  if (isPersonName(words)) return 'name';
  return null;
}
