import type { QueryResult, QueryResultRow } from 'pg';

/** Logical wake-up channels: new ready tasks and new deliveries. */
export const WAKE_CHANNELS = ['tasks', 'deliveries'] as const;
/** A wake-up channel raised by a commit and heard through LISTEN/NOTIFY. */
export type WakeChannel = (typeof WAKE_CHANNELS)[number];

/** The open group-commit transaction as a change writer sees it. */
export interface PgTx {
  /** Runs one statement inside the transaction. */
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Asks for a NOTIFY on this channel once the transaction commits. */
  wake(channel: WakeChannel): void;
}

/**
 * Writes one part of change sets (orders, outbox, plans ...) for a whole batch at once, with
 * multi-row statements. Conflicts are returned, not thrown: the committer then rolls back.
 */
export interface PgChangeWriter<C> {
  /** Records this part of a change set writes; two change sets sharing a key never share a transaction. */
  keys(changes: C): readonly string[];
  /** Writes the batch's part; returns the errors (e.g. ConcurrencyConflict) by index in `batch`. */
  write(tx: PgTx, batch: readonly C[]): Promise<ReadonlyMap<number, Error>>;
}

/** A row to write, tagged with the index of its change set in the batch. */
export interface Tagged<T> {
  readonly at: number;
  readonly row: T;
}

/** Tags every row each change set yields with the change set's index. */
export function tagRows<C, T>(batch: readonly C[], rows: (changes: C) => readonly T[] | undefined): Tagged<T>[] {
  return batch.flatMap((c, at) => (rows(c) ?? []).map((row) => ({ at, row })));
}

/** The errors of the change sets whose rows were not written (their key is missing from `written`). */
export function conflictsOf<T>(
  rows: readonly Tagged<T>[],
  key: (row: T) => string,
  written: readonly { readonly id: string }[],
  conflict: (row: T) => Error,
  into: Map<number, Error>,
): Map<number, Error> {
  const done = new Set(written.map((r) => r.id));
  for (const { at, row } of rows) if (!done.has(key(row)) && !into.has(at)) into.set(at, conflict(row));
  return into;
}
