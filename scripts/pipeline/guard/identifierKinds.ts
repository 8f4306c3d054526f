/**
 * The direct identifiers the guard refuses, and how messages name them.
 * Extracts are anonymised before they reach the project; these are what anonymisation removes.
 */

/** Identifiers the guard recognises in values (they have a recognisable shape). */
export const valueIdentifierKinds = ['nhs_number', 'ni_number', 'upn', 'email', 'phone', 'postcode'] as const;
export type ValueIdentifierKind = (typeof valueIdentifierKinds)[number];

/** Identifiers the guard recognises only by column name (a name or a date looks like any other text). */
export type IdentifierKind = ValueIdentifierKind | 'name' | 'date_of_birth' | 'address';

interface KindWording {
  /** Noun phrase for one value: "an NHS number". */
  readonly one: string;
  /** Plural noun: "NHS numbers". */
  readonly many: string;
  /** How the guard recognised a value, said once in the message. */
  readonly shape?: string;
}

export const identifierWording: Readonly<Record<IdentifierKind, KindWording>> = {
  nhs_number: { one: 'an NHS number', many: 'NHS numbers', shape: '10 digits with a valid modulus-11 check digit' },
  ni_number: { one: 'a National Insurance number', many: 'National Insurance numbers', shape: 'two prefix letters HMRC issues, six digits and a suffix A-D' },
  upn: { one: 'a Unique Pupil Number', many: 'Unique Pupil Numbers', shape: 'a letter and 12 digits with a valid DfE check letter' },
  email: { one: 'an email address', many: 'email addresses' },
  phone: { one: 'a UK phone number', many: 'phone numbers', shape: '+44 or 0 then 9 or 10 digits' },
  postcode: { one: 'a full UK postcode', many: 'full postcodes', shape: 'outward and inward code' },
  name: { one: "a person's name", many: "people's names" },
  date_of_birth: { one: 'a date of birth', many: 'dates of birth' },
  address: { one: 'an address', many: 'addresses' },
};
