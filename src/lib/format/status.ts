/**
 * Progress status against a target, as tags and tables show it. The text is the meaning;
 * colour only repeats it.
 */
export const STATUSES = ['on_track', 'at_risk', 'off_track', 'no_target', 'not_judged'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_target: 'No target',
  /** There is a target, but the figure is suppressed: a status would give it away or guess. */
  not_judged: 'Cannot be judged',
};

export function isStatus(text: string): text is Status {
  return (STATUSES as readonly string[]).includes(text);
}

export function formatStatus(status: Status): string {
  return STATUS_LABELS[status];
}
