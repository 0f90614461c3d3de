import type { Database } from 'better-sqlite3';
import type { ChangeSet } from '../../ports/change-set.js';
import type { ListQuery, Page } from '../../ports/order-query.js';
import type { OrderStore } from '../../ports/order-store.js';
import type { CancelRequest } from '../../domain/order/cancel-request.js';
import type { ProductOrder } from '../../domain/order/product-order.js';
import { inList, whereClause, type FilterTable } from './sqlite-filter-sql.js';

/** How order filters map onto the product_order table (alias `o`) and its side tables. */
export const ORDER_FILTER_TABLE: FilterTable = {
  docColumn: 'o.doc',
  columns: {
    id: { column: 'o.id', kind: 'text' },
    state: { column: 'o.state', kind: 'text' },
    createdAt: { column: 'o.created_at', kind: 'instant' },
    externalId: { column: 'o.external_id', kind: 'text' },
    category: { column: 'o.category', kind: 'text' },
  },
  special(filter, params) {
    if (filter.path !== 'relatedParty.id' || filter.op !== 'eq') return undefined;
    return `o.id IN (SELECT order_id FROM order_party WHERE party_id IN ${inList(filter.values, params)})`;
  },
};

/** How cancel request filters map onto the cancel_request table (alias `o`). */
export const CANCEL_FILTER_TABLE: FilterTable = {
  docColumn: 'o.doc',
  columns: {
    id: { column: 'o.id', kind: 'text' },
    state: { column: 'o.state', kind: 'text' },
    orderId: { column: 'o.order_id', kind: 'text' },
    createdAt: { column: 'o.created_at', kind: 'instant' },
  },
};

/** The SQL of a filtered, paged list (newest first) and of its count, for inspection and tests. */
export function listSql(table: string, spec: FilterTable, query: ListQuery) {
  const where = whereClause(spec, query.filters);
  return {
    count: { sql: `SELECT count(*) AS n FROM ${table} o WHERE ${where.sql}`, params: where.params },
    page: {
      sql: `SELECT o.doc FROM ${table} o WHERE ${where.sql} ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?`,
      params: [...where.params, Math.max(0, Math.trunc(query.limit)), Math.max(0, Math.trunc(query.offset))],
    },
  };
}

function listPage<T>(db: Database, table: string, spec: FilterTable, query: ListQuery): Page<T> {
  const sql = listSql(table, spec, query);
  // One read transaction: total and page see the same snapshot.
  return db.transaction(() => {
    const { n } = db.prepare(sql.count.sql).get(...sql.count.params) as { n: number };
    const rows = db.prepare(sql.page.sql).all(...sql.page.params) as { doc: string }[];
    return { total: n, items: rows.map((r) => JSON.parse(r.doc) as T) };
  })();
}

/** OrderStore on SQLite; writes go through the group committer passed in. */
export class SqliteOrderStore implements OrderStore {
  private readonly getOrderStmt;
  private readonly getCancelStmt;

  constructor(
    private readonly db: Database,
    private readonly committer: { commit(changes: ChangeSet): Promise<void> },
  ) {
    this.getOrderStmt = db.prepare('SELECT doc FROM product_order WHERE id = ?').pluck();
    this.getCancelStmt = db.prepare('SELECT doc FROM cancel_request WHERE id = ?').pluck();
  }

  /** The order with this id, or undefined. */
  async getOrder(id: string): Promise<ProductOrder | undefined> {
    const doc = this.getOrderStmt.get(id) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as ProductOrder);
  }

  /** A filtered page of orders, newest first. */
  async listOrders(query: ListQuery): Promise<Page<ProductOrder>> {
    return listPage<ProductOrder>(this.db, 'product_order', ORDER_FILTER_TABLE, query);
  }

  /** The cancel request with this id, or undefined. */
  async getCancelRequest(id: string): Promise<CancelRequest | undefined> {
    const doc = this.getCancelStmt.get(id) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as CancelRequest);
  }

  /** A filtered page of cancel requests, newest first. */
  async listCancelRequests(query: ListQuery): Promise<Page<CancelRequest>> {
    return listPage<CancelRequest>(this.db, 'cancel_request', CANCEL_FILTER_TABLE, query);
  }

  /** Commits atomically and durably through the group committer. */
  commit(changes: ChangeSet): Promise<void> {
    return this.committer.commit(changes);
  }
}
