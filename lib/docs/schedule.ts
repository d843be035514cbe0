/** When something recurring (a review, a drill) is next due. */
export interface DueDate {
  /** Date (YYYY-MM-DD) it was last done, if ever. */
  readonly last?: string;
  /** Days allowed between two. */
  readonly everyDays: number;
  /** Date (YYYY-MM-DD) it is next due; `undefined` when it was never done (due now). */
  readonly due?: string;
  /** True when never done or past due on `today`. */
  readonly overdue: boolean;
}

const DAY_MS = 86_400_000;

/** Today as `YYYY-MM-DD` (UTC). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The next due date of something done on `last` and needed every `everyDays` days.
 *
 * @param today - the date to judge against
 */
export function dueDate(last: string | undefined, everyDays: number, today: Date): DueDate {
  if (last === undefined) {
    return { everyDays, overdue: true };
  }
  const due = isoDate(new Date(Date.parse(`${last}T00:00:00Z`) + everyDays * DAY_MS));
  return { last, everyDays, due, overdue: due < isoDate(today) };
}
