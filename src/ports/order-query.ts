/** Comparison operators a list filter may use. */
export const FILTER_OPS = ['eq', 'gt', 'gte', 'lt', 'lte'] as const;
/** A filter comparison. */
export type FilterOp = (typeof FILTER_OPS)[number];

/**
 * One filter of a list query. `path` names an attribute of the stored record with dots for
 * nesting (`state`, `createdAt`, `relatedParty.id`, `items.state`); on arrays it matches when any
 * element matches. `values` are ORed for `eq`; comparisons use the first value.
 */
export interface Filter {
  readonly path: string;
  readonly op: FilterOp;
  readonly values: readonly string[];
}

/** A page of a filtered list, newest first (createdAt descending, then id). */
export interface ListQuery {
  readonly filters: readonly Filter[];
  readonly offset: number;
  readonly limit: number;
}

/** A page of results with the number of matches before paging. */
export interface Page<T> {
  readonly total: number;
  readonly items: readonly T[];
}
