/**
 * The sample extracts as the case-management system would have held them on an earlier day, for
 * the sample's earlier release (so the sample site has a release archive and revisions to show).
 *
 * Records reach the system some days after the event: each family has a recording lag of 0 to
 * `maxLagDays` days, drawn from its reference with the seed, so the earlier extract misses the
 * events of the last weeks before its date that were recorded late. Those are what the later
 * release adds to the earlier quarters: its revisions. What was not yet recorded is left out as
 * the generator itself would leave it at that as-at date: a family identified later is absent;
 * attachment, closure, achievement and claims not yet recorded are blank or absent; follow-up and
 * sustained periods end on the day the family's records stop. Area indicators keep only periods
 * ended by the as-at date, and the latest quarter of a provisional indicator is the source's first
 * estimate (`firstEstimate` of its numerator). Deterministic: the same inputs give the same files.
 */
import { csvLine, parseCsv } from './csv.ts';
import { dayOf, isoOf } from './days.ts';
import { deriveSeed } from './random.ts';
import { parseFinancialYear, parseQuarter, quarterEnd } from '../../src/lib/period/quarter.ts';

export interface EarlierExtractOptions {
  /** The earlier extract's date, yyyy-mm-dd. */
  asAt: string;
  /** Longest recording lag, in days. */
  maxLagDays: number;
  seed: number;
  /** Indicators whose latest quarter is a first estimate, and the share of the final numerator it had. */
  firstEstimate: Readonly<Record<string, number>>;
}

export type ExtractTexts = Record<'families' | 'outcomes' | 'claims' | 'area_indicators', string>;

interface Table {
  header: string[];
  rows: Record<string, string>[];
}

function read(text: string): Table {
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows: rows.map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']))) };
}

function write(table: Table): string {
  return table.header.length === 0 ? '' : [csvLine(table.header), ...table.rows.map((r) => csvLine(table.header.map((h) => r[h] ?? '')))].join('');
}

/** A date field's day number, or null when it is blank. */
function day(value: string | undefined): number | null {
  return value ? dayOf(value) : null;
}

function periodEnd(label: string): string | null {
  const q = parseQuarter(label);
  if (q) return quarterEnd(q);
  const year = parseFinancialYear(label);
  return year === null ? null : `${year + 1}-03-31`;
}

export function earlierExtracts(files: ExtractTexts, options: EarlierExtractOptions): ExtractTexts {
  const asAt = dayOf(options.asAt);
  const cutOf = new Map<string, number>();
  const attached = new Set<string>();

  const families = read(files.families);
  families.rows = families.rows.filter((f) => {
    const cut = asAt - (deriveSeed(options.seed, `lag:${f.family_ref}`) % (options.maxLagDays + 1));
    if ((day(f.date_identified) ?? Infinity) > cut) return false;
    cutOf.set(f.family_ref!, cut);
    if ((day(f.date_attached) ?? Infinity) > cut) {
      f.date_attached = '';
      f.date_closed = '';
    } else {
      attached.add(f.family_ref!);
    }
    if ((day(f.date_closed) ?? -Infinity) > cut) f.date_closed = '';
    return true;
  });

  const outcomes = read(files.outcomes);
  outcomes.rows = outcomes.rows.filter((o) => {
    const cut = cutOf.get(o.family_ref!);
    if (cut === undefined || !attached.has(o.family_ref!)) return false;
    if ((day(o.followup_period_start) ?? -Infinity) > cut) return false;
    if ((day(o.followup_period_end) ?? -Infinity) > cut) o.followup_period_end = isoOf(cut);
    if ((day(o.date_achieved) ?? -Infinity) > cut) {
      o.date_achieved = '';
      o.date_sustained_to = '';
    }
    if ((day(o.date_sustained_to) ?? -Infinity) > cut) o.date_sustained_to = isoOf(cut);
    return true;
  });

  const claims = read(files.claims);
  claims.rows = claims.rows.filter((c) => {
    const cut = cutOf.get(c.family_ref!);
    return cut !== undefined && attached.has(c.family_ref!) && (day(c.claim_date) ?? Infinity) <= cut;
  });

  const indicators = read(files.area_indicators);
  indicators.rows = indicators.rows.filter((r) => {
    const end = periodEnd(r.period!);
    return end !== null && dayOf(end) <= asAt;
  });
  for (const [code, share] of Object.entries(options.firstEstimate)) {
    const latest = indicators.rows.filter((r) => r.indicator_code === code && parseQuarter(r.period!)).map((r) => r.period!).sort().at(-1);
    for (const r of indicators.rows) {
      if (r.indicator_code === code && r.period === latest && r.numerator) r.numerator = String(Math.round(Number(r.numerator) * share));
    }
  }
  return { families: write(families), outcomes: write(outcomes), claims: write(claims), area_indicators: write(indicators) };
}
