import type { Pool } from 'pg';
import type { CancelRequest } from '../../domain/order/cancel-request.js';
import type { ProductOrder } from '../../domain/order/product-order.js';
import type { ChangeSet } from '../../ports/change-set.js';
import type { ListQuery, Page } from '../../ports/order-query.js';
import type { OrderStore } from '../../ports/order-store.js';
import { PgBatchedLookup } from './pg-batched-lookup.js';
import { pgWhereClause, type PgFilterTable } from './pg-filter-sql.js';

/** How order filters map onto the product_order table (alias `o`) and its side tables. */
export const PG_ORDER_FILTER_TABLE: PgFilterTable = {
  docColumn: 'o.doc',
  columns: {
    id: { column: 'o.id', kind: 'text' },
    state: { column: 'o.state', kind: 'text' },
    createdAt: { column: 'o.created_at', kind: 'instant' },
    externalId: { column: 'o.external_id', kind: 'text' },
    category: { column: 'o.category', kind: 'text' },
  },
  special(filter, param) {
    if (filter.path !== 'relatedParty.id' || filter.op !== 'eq') return undefined;
    return `o.id IN (SELECT order_id FROM order_party WHERE party_id = ANY(${param(filter.values)}::text[]))`;
  },
};

/** How cancel request filters map onto the cancel_request table (alias `o`). */
export const PG_CANCEL_FILTER_TABLE: PgFilterTable = {
  docColumn: 'o.doc',
  columns: {
    id: { column: 'o.id', kind: 'text' },
    state: { column: 'o.state', kind: 'text' },
    orderId: { column: 'o.order_id', kind: 'text' },
    createdAt: { column: 'o.created_at', kind: 'instant' },
  },
};

/**
 * The SQL of a filtered page (newest first) with its total, as one statement so that both see the
 * same snapshot; the page comes back as one JSON array of the stored documents.
 */
export function pgListSql(table: string, spec: PgFilterTable, query: ListQuery): { sql: string; params: unknown[] } {
  const where = pgWhereClause(spec, query.filters, 3);
  const sql = `SELECT
      (SELECT count(*)::int FROM ${table} o WHERE ${where.sql}) AS total,
      coalesce((SELECT json_agg(p.doc ORDER BY p.created_at DESC, p.id DESC) FROM (
        SELECT o.doc, o.created_at, o.id FROM ${table} o WHERE ${where.sql}
        ORDER BY o.created_at DESC, o.id DESC LIMIT $1 OFFSET $2) p), '[]'::json) AS items`;
  return { sql, params: [Math.max(0, Math.trunc(query.limit)), Math.max(0, Math.trunc(query.offset)), ...where.params] };
}

/** OrderStore on PostgreSQL; writes go through the group committer passed in. */
export class PgOrderStore implements OrderStore {
  private readonly orders: PgBatchedLookup<{ key: string; doc: ProductOrder }, ProductOrder>;

  constructor(
    private readonly pool: Pool,
    private readonly committer: { commit(changes: ChangeSet): Promise<void> },
  ) {
    this.orders = new PgBatchedLookup(pool, 'SELECT id AS key, doc FROM product_order WHERE id = ANY($1::text[])', (row) => row.doc);
  }

  /** The order with this id, or undefined (reads asked for together share one statement). */
  getOrder(id: string): Promise<ProductOrder | undefined> {
    return this.orders.get(id);
  }

  /** A filtered page of orders, newest first. */
  async listOrders(query: ListQuery): Promise<Page<ProductOrder>> {
    return this.page<ProductOrder>('product_order', PG_ORDER_FILTER_TABLE, query);
  }

  /** The cancel request with this id, or undefined. */
  async getCancelRequest(id: string): Promise<CancelRequest | undefined> {
    const r = await this.pool.query<{ doc: CancelRequest }>('SELECT doc FROM cancel_request WHERE id = $1', [id]);
    return r.rows[0]?.doc;
  }

  /** A filtered page of cancel requests, newest first. */
  async listCancelRequests(query: ListQuery): Promise<Page<CancelRequest>> {
    return this.page<CancelRequest>('cancel_request', PG_CANCEL_FILTER_TABLE, query);
  }

  /** Commits atomically and durably through the group committer. */
  commit(changes: ChangeSet): Promise<void> {
    return this.committer.commit(changes);
  }

  private async page<T>(table: string, spec: PgFilterTable, query: ListQuery): Promise<Page<T>> {
    const { sql, params } = pgListSql(table, spec, query);
    const r = await this.pool.query<{ total: number; items: T[] }>(sql, params);
    const row = r.rows[0];
    return { total: row?.total ?? 0, items: row?.items ?? [] };
  }
}
