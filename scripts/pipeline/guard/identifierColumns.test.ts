import { describe, expect, it } from 'vitest';
import { extracts } from '../contract/extracts.ts';
import { identifierColumnKind } from './identifierColumns.ts';
import type { IdentifierKind } from './identifierKinds.ts';

const refused: Record<IdentifierKind, string[]> = {
  name: ['first_name', 'forename', 'forenames', 'surname', 'last_name', 'full_name', 'name', 'child_name', 'mother_name', 'firstName', 'fname', 'name_of_child', 'child1_name', 'display_name', 'initials', 'key_worker_name', 'maiden_name'],
  date_of_birth: ['dob', 'date_of_birth', 'birth_date', 'DateOfBirth', 'child_dob', 'birthdate'],
  address: ['address', 'address_line_1', 'home_address', 'street', 'house_number', 'flat_no', 'uprn', 'addr'],
  postcode: ['postcode', 'post_code', 'zip', 'home_postcode', 'postal_code', 'PostCode'],
  nhs_number: ['nhs', 'nhs_no', 'nhs_number', 'NHSNumber', 'child_nhs_number'],
  upn: ['upn', 'pupil_number', 'unique_pupil_number', 'pupil_no'],
  ni_number: ['ni_number', 'nino', 'national_insurance', 'national_insurance_number', 'ni_no', 'NINumber'],
  email: ['email', 'e_mail', 'email_address', 'parent_email', 'E-Mail'],
  phone: ['phone', 'telephone', 'mobile', 'tel', 'tel_no', 'phone_number', 'mobile_no', 'home_phone', 'landline'],
};

describe('identifierColumnKind', () => {
  for (const [kind, headers] of Object.entries(refused)) {
    it.each(headers)(`refuses "%s" as ${kind}`, (header) => {
      expect(identifierColumnKind(header)).toBe(kind);
    });
  }

  it('accepts every column of the extract contract', () => {
    const flagged = extracts.flatMap((extract) => extract.columns.map((column) => column.name)).filter((name) => identifierColumnKind(name) !== null);
    expect(flagged).toEqual([]);
  });

  it.each([
    'locality_name', 'localityname', 'school_name', 'indicator_name', 'lead_agency_name', 'locality_full_name', 'name_of_school', 'file_name',
    'household_size', 'households', 'hotel_nights', 'ni_111', 'indicator_code', 'postcode_district', 'postcode_sector', 'nhs_trust',
    'numerator', 'children', 'adults', 'unnamed_0', 'mobility_score', 'telemetry', 'dobson_scale',
  ])('accepts "%s"', (header) => {
    expect(identifierColumnKind(header)).toBeNull();
  });
});
