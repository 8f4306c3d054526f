/**
 * "Why it matters" in the evidence pack: what the quarter's progress against its targets means
 * for the programme, from the headline cards' statuses, so the words always follow the figures.
 */
import { STATUS_LABELS } from '../format/status.ts';
import type { DashboardCard } from '../dashboard/types.ts';

export function whyItMatters(cards: readonly Pick<DashboardCard, 'label' | 'status'>[]): string {
  const judged = cards.filter((c) => c.status !== 'no_target');
  const behind = judged.filter((c) => c.status === 'at_risk' || c.status === 'off_track');
  const lead =
    behind.length > 0
      ? `${behind.map((c) => `${c.label} is ${STATUS_LABELS[c.status].toLowerCase()}`).join('; ')}. Results payments are earned per family attached, so a shortfall in attachments now limits the income the programme can claim later, and the board may want a recovery plan.`
      : judged.some((c) => c.status === 'not_judged')
        ? 'Progress against a target cannot be judged this quarter because a figure is suppressed; the next quarter’s figures, or the board release, will show it.'
        : judged.length > 0
          ? 'Attachments are on track against the cohort target, which keeps the results income the programme can claim within reach.'
          : 'There is no cohort target for this quarter to judge progress against.';
  return `${lead} Changes in open cases by locality show where caseloads, and the staff they need, are moving.`;
}
