/** One forward-only schema change, applied once and recorded in `schema_migrations`. */
export interface Migration {
  /** Position in the schema history; strictly increasing, never reused. */
  readonly version: number;
  /** Short name of the concept the migration adds or changes. */
  readonly name: string;
  /** The DDL (several statements allowed), run inside the migration transaction. */
  readonly sql: string;
}
