/**
 * "What changed this quarter": a short paragraph written from the figures, so the board reads the
 * same message the numbers show. Only published values are compared; a locality with a
 * suppressed figure in either quarter is left out of the comparison rather than guessed at.
 */
import { formatChange } from '../format/change.ts';
import { formatCount } from '../format/number.ts';
import { STATUS_LABELS, type Status } from '../format/status.ts';
import type { Flagged } from './flagged.ts';

export interface LocalityMovement {
  readonly name: string;
  readonly current: Flagged;
  readonly previous: Flagged;
}

export interface WhatChangedInput {
  readonly quarter: string;
  /** Null for the first published quarter. */
  readonly previousQuarter: string | null;
  readonly areaName: string;
  readonly attached: { readonly current: Flagged; readonly previous: Flagged };
  /** Open caseload by locality, at the end of this and the previous quarter. */
  readonly openByLocality: readonly LocalityMovement[];
  /** Targets judged this quarter: "families attached in 2024-25" with its status. */
  readonly targets: readonly { readonly label: string; readonly status: Status; readonly actual: Flagged; readonly expected: number | null }[];
}

export function whatChanged(input: WhatChangedInput): string {
  const sentences: string[] = [];
  const { current, previous } = input.attached;
  if (current.value === null && current.flag !== '[c]') {
    sentences.push(`The number of families ${input.areaName} attached is not published quarter by quarter; the cards give the year to date.`);
  } else if (current.value === null) {
    sentences.push(`In ${input.quarter} the number of families ${input.areaName} attached is suppressed (${current.flag}).`);
  } else {
    const change = input.previousQuarter ? formatChange(current.value, previous.value, { relative: false }) : null;
    const families = current.value === 1 ? 'family' : 'families';
    sentences.push(
      `In ${input.quarter} ${input.areaName} attached ${formatCount(current.value)} ${families}` +
        (change === null ? '.' : change === 'no change' ? `, the same as in ${input.previousQuarter}.` : `, ${change} on ${input.previousQuarter}.`),
    );
  }

  if (input.previousQuarter) {
    const moves = input.openByLocality
      .filter((l) => l.current.value !== null && l.previous.value !== null)
      .map((l) => ({ name: l.name, diff: (l.current.value ?? 0) - (l.previous.value ?? 0), current: l.current.value ?? 0, previous: l.previous.value ?? 0 }));
    const rise = moves.filter((m) => m.diff > 0).sort((a, b) => b.diff - a.diff || a.name.localeCompare(b.name))[0];
    const fall = moves.filter((m) => m.diff < 0).sort((a, b) => a.diff - b.diff || a.name.localeCompare(b.name))[0];
    const parts: string[] = [];
    if (rise) parts.push(`the largest rise in open cases was in ${rise.name} (${formatChange(rise.current, rise.previous, { relative: false })}, to ${formatCount(rise.current)})`);
    if (fall) parts.push(`the largest fall ${rise ? '' : 'in open cases '}was in ${fall.name} (${formatChange(fall.current, fall.previous, { relative: false })}, to ${formatCount(fall.current)})`);
    if (parts.length > 0) sentences.push(`${capitalise(parts.join('; '))}.`);
    else if (moves.length > 0) sentences.push('Open caseloads did not change in any locality with published figures.');
    const hidden = input.openByLocality.length - moves.length;
    const unpublished = input.openByLocality.length > 0 && input.openByLocality.every((l) => l.current.value === null && l.current.flag !== '[c]');
    if (unpublished) sentences.push('Open cases are not published by locality.');
    else if (hidden > 0) {
      sentences.push(`${hidden === 1 ? 'One locality is' : `${hidden} localities are`} left out of this comparison because a figure is suppressed.`);
    }
  }

  const judged = input.targets.filter((t) => t.status !== 'no_target');
  const met = judged.filter((t) => t.status === 'on_track');
  const missed = judged.filter((t) => t.status !== 'on_track');
  for (const t of met) sentences.push(`${capitalise(t.label)}: on track (${describeAgainst(t.actual, t.expected)}).`);
  for (const t of missed) sentences.push(`${capitalise(t.label)}: ${STATUS_LABELS[t.status].toLowerCase()} (${describeAgainst(t.actual, t.expected)}).`);
  return sentences.join(' ');
}

function describeAgainst(actual: Flagged, expected: number | null): string {
  const a = actual.value === null ? (actual.flag ?? '[x]') : formatCount(actual.value);
  return expected === null ? a : `${a} against ${formatCount(expected)} expected by now`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
