import type { Database } from 'better-sqlite3';
import { ConcurrencyConflict, type ChangeSet, type VersionedWrite } from '../../ports/change-set.js';
import type { CancelRequest } from '../../domain/order/cancel-request.js';
import type { ProductOrder } from '../../domain/order/product-order.js';
import { normaliseInstant } from './filter-value.js';
import type { ChangeWriter } from './sqlite-group-commit.js';

/** Entity names reported in ConcurrencyConflict. */
export const ORDER_ENTITY = 'productOrder';
/** Entity name of cancel requests in ConcurrencyConflict. */
export const CANCEL_REQUEST_ENTITY = 'cancelProductOrder';

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The sortable UTC form of a createdAt (kept as is when it is not an ISO date). */
export function createdAtKey(createdAt: string): string {
  // Most createdAt values are already in the UTC millisecond form: keep them without parsing.
  if (createdAt.length === 24 && createdAt.charCodeAt(23) === 90 && createdAt.charCodeAt(10) === 84) {
    const ms = Date.parse(createdAt);
    if (!Number.isNaN(ms) && new Date(ms).toISOString() === createdAt) return createdAt;
  }
  return normaliseInstant(createdAt) ?? createdAt;
}

/** The distinct relatedParty ids of an order, sorted, as a JSON array (as the stored party rows list them). */
function partyKey(o: ProductOrder): string {
  const ids = o.relatedParty.map((p) => p.id);
  return JSON.stringify(ids.length < 2 ? ids : [...new Set(ids)].sort());
}

/** Writes orders, order deletions and cancel requests with optimistic version checks. */
export function sqliteOrderWriter(db: Database): ChangeWriter<ChangeSet> {
  const insertOrder = db.prepare(`INSERT INTO product_order
    (id, version, created_at, state, external_id, category, doc) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const updateOrder = db.prepare(`UPDATE product_order SET version = ?, created_at = ?, state = ?,
    external_id = ?, category = ?, doc = ? WHERE id = ? AND version = ?`);
  // Most updates (all of the engine's) change only state and document: one statement checks that the
  // indexed columns and the party rows are as wanted and writes just those two; otherwise the full
  // update runs and the party rows are rewritten.
  const updateStateDoc = db.prepare(`UPDATE product_order SET version = ?, state = ?, doc = ?
    WHERE id = ? AND version = ? AND created_at = ? AND external_id IS ? AND category IS ?
    AND (SELECT json_group_array(party_id) FROM (SELECT party_id FROM order_party WHERE order_id = ? ORDER BY party_id)) = ?`);
  const clearParties = db.prepare('DELETE FROM order_party WHERE order_id = ?');
  const addParty = db.prepare('INSERT OR IGNORE INTO order_party (party_id, order_id) VALUES (?, ?)');
  const deleteOrder = db.prepare('DELETE FROM product_order WHERE id = ? AND version = ?');
  const insertCancel = db.prepare(`INSERT INTO cancel_request
    (id, version, order_id, state, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)`);
  const updateCancel = db.prepare(`UPDATE cancel_request SET version = ?, order_id = ?, state = ?,
    created_at = ?, doc = ? WHERE id = ? AND version = ?`);

  const addParties = (o: ProductOrder): void => {
    for (const party of o.relatedParty) addParty.run(party.id, o.id);
  };

  const writeOrder = ({ record: o, expectedVersion }: VersionedWrite<ProductOrder>): void => {
    const createdAt = createdAtKey(o.createdAt);
    const doc = JSON.stringify(o);
    const externalId = o.externalId ?? null;
    const category = o.category ?? null;
    if (expectedVersion === null) {
      try {
        insertOrder.run(o.id, o.version, createdAt, o.state, externalId, category, doc);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConcurrencyConflict(ORDER_ENTITY, o.id);
        throw err;
      }
      addParties(o);
      return;
    }
    if (updateStateDoc.run(o.version, o.state, doc, o.id, expectedVersion, createdAt, externalId, category, o.id, partyKey(o)).changes === 1) return;
    if (updateOrder.run(o.version, createdAt, o.state, externalId, category, doc, o.id, expectedVersion).changes === 0) {
      throw new ConcurrencyConflict(ORDER_ENTITY, o.id);
    }
    clearParties.run(o.id);
    addParties(o);
  };

  const writeCancel = ({ record: c, expectedVersion }: VersionedWrite<CancelRequest>): void => {
    const cols = [c.orderId, c.state, createdAtKey(c.createdAt), JSON.stringify(c)];
    if (expectedVersion === null) {
      try {
        insertCancel.run(c.id, c.version, ...cols);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConcurrencyConflict(CANCEL_REQUEST_ENTITY, c.id);
        throw err;
      }
    } else if (updateCancel.run(c.version, ...cols, c.id, expectedVersion).changes === 0) {
      throw new ConcurrencyConflict(CANCEL_REQUEST_ENTITY, c.id);
    }
  };

  return {
    write(changes) {
      for (const w of changes.orders ?? []) writeOrder(w);
      for (const d of changes.deletedOrders ?? []) {
        // order_party rows go with the order (ON DELETE CASCADE).
        if (deleteOrder.run(d.id, d.expectedVersion).changes === 0) throw new ConcurrencyConflict(ORDER_ENTITY, d.id);
      }
      for (const w of changes.cancelRequests ?? []) writeCancel(w);
    },
  };
}
