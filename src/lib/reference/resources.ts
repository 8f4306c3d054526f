/**
 * Reference data for resources by need: the staffing table (posts by locality, grade and salary
 * band, as Derbyshire's establishment list) and the formula's default weights. Derbyshire's 2014
 * list ships in data/reference/examples/ as a check on the totals.
 */
import { z } from 'zod';
import { WEIGHT_KEYS, MAX_WEIGHT, type WeightKey } from '../resources/weights.ts';
import { readReferenceJson } from './json-file.ts';

export const STAFFING_FILE = 'data/reference/staffing.json';
export const RESOURCE_FORMULA_FILE = 'data/reference/resource-formula.json';
export const DERBYSHIRE_EXAMPLE_FILE = 'data/reference/examples/derbyshire-2014.staffing.json';

export const staffPostSchema = z
  .object({
    locality_code: z.string().regex(/^[A-Z0-9]{2,12}$/).nullable().describe('Locality team the post is in; null for a post across the authority.'),
    title: z.string().min(1),
    grade: z.string().min(1).describe('Pay grade, such as "SS08".'),
    min_salary_gbp: z.number().nonnegative().describe('Bottom of the salary band, pounds a year.'),
    max_salary_gbp: z.number().nonnegative().describe('Top of the salary band, pounds a year.'),
    fte: z.number().positive().describe('Full-time equivalent of the people in post.'),
    staff: z.number().int().positive().describe('People in post (headcount).'),
  })
  .refine((p) => p.max_salary_gbp >= p.min_salary_gbp, { message: 'max_salary_gbp is below min_salary_gbp', path: ['max_salary_gbp'] });
export type StaffPost = z.infer<typeof staffPostSchema>;

export const staffingSchema = z.object({
  schema_version: z.literal(1),
  title: z.string().min(1),
  source: z.string().min(1),
  posts: z.array(staffPostSchema).min(1),
});
export type Staffing = z.infer<typeof staffingSchema>;

const weight = z.number().int().min(0).max(MAX_WEIGHT);

export const resourceFormulaSchema = z.object({
  schema_version: z.literal(1),
  title: z.string().min(1),
  source: z.string().min(1),
  weights: z
    .object(Object.fromEntries(WEIGHT_KEYS.map((k) => [k, weight])) as Record<WeightKey, typeof weight>)
    .refine((w) => WEIGHT_KEYS.some((k) => w[k] > 0), 'at least one weight above 0')
    .describe('Default weights, whole percentage points; the page normalises them to add up to 100.'),
  demand_measure: z.enum(['families_identified', 'families_attached']).describe('The programme count that stands for recent demand.'),
});
export type ResourceFormula = z.infer<typeof resourceFormulaSchema>;

export function loadStaffing(path = STAFFING_FILE): Promise<Staffing> {
  return readReferenceJson(path, staffingSchema);
}

export function loadResourceFormula(path = RESOURCE_FORMULA_FILE): Promise<ResourceFormula> {
  return readReferenceJson(path, resourceFormulaSchema);
}
