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
  return normaliseInstant(createdAt) ?? createdAt;
}

/** Writes orders, order deletions and cancel requests with optimistic version checks. */
export function sqliteOrderWriter(db: Database): ChangeWriter<ChangeSet> {
  const insertOrder = db.prepare(`INSERT INTO product_order
    (id, version, created_at, state, external_id, category, doc) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const updateOrder = db.prepare(`UPDATE product_order SET version = ?, created_at = ?, state = ?,
    external_id = ?, category = ?, doc = ? WHERE id = ? AND version = ?`);
  // The engine's updates change only state and document: then the indexed columns stay as they are.
  const storedColumns = db.prepare('SELECT created_at, external_id, category FROM product_order WHERE id = ?').raw();
  const updateStateDoc = db.prepare('UPDATE product_order SET version = ?, state = ?, doc = ? WHERE id = ? AND version = ?');
  const partiesOf = db.prepare('SELECT party_id FROM order_party WHERE order_id = ?').pluck();
  const clearParties = db.prepare('DELETE FROM order_party WHERE order_id = ?');
  const addParty = db.prepare('INSERT OR IGNORE INTO order_party (party_id, order_id) VALUES (?, ?)');
  const deleteOrder = db.prepare('DELETE FROM product_order WHERE id = ? AND version = ?');
  const insertCancel = db.prepare(`INSERT INTO cancel_request
    (id, version, order_id, state, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)`);
  const updateCancel = db.prepare(`UPDATE cancel_request SET version = ?, order_id = ?, state = ?,
    created_at = ?, doc = ? WHERE id = ? AND version = ?`);

  const sameColumns = (o: ProductOrder, createdAt: string): boolean => {
    const row = storedColumns.get(o.id) as [string, string | null, string | null] | undefined;
    return row !== undefined && row[0] === createdAt && row[1] === (o.externalId ?? null) && row[2] === (o.category ?? null);
  };
  // Party rows are rewritten only when the order's party ids changed (an update rarely changes them).
  const writeParties = (o: ProductOrder, isNew: boolean): void => {
    if (!isNew) {
      const stored = partiesOf.all(o.id) as string[];
      const wanted = new Set(o.relatedParty.map((p) => p.id));
      if (stored.length === wanted.size && stored.every((id) => wanted.has(id))) return;
      clearParties.run(o.id);
    }
    for (const party of o.relatedParty) addParty.run(party.id, o.id);
  };

  const writeOrder = ({ record: o, expectedVersion }: VersionedWrite<ProductOrder>): void => {
    const createdAt = createdAtKey(o.createdAt);
    const doc = JSON.stringify(o);
    if (expectedVersion === null) {
      try {
        insertOrder.run(o.id, o.version, createdAt, o.state, o.externalId ?? null, o.category ?? null, doc);
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConcurrencyConflict(ORDER_ENTITY, o.id);
        throw err;
      }
    } else {
      const r = sameColumns(o, createdAt)
        ? updateStateDoc.run(o.version, o.state, doc, o.id, expectedVersion)
        : updateOrder.run(o.version, createdAt, o.state, o.externalId ?? null, o.category ?? null, doc, o.id, expectedVersion);
      if (r.changes === 0) throw new ConcurrencyConflict(ORDER_ENTITY, o.id);
    }
    writeParties(o, expectedVersion === null);
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
