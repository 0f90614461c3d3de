import type { CancelRequest } from '../../domain/order/cancel-request.js';
import type { ProductOrder } from '../../domain/order/product-order.js';
import { ConcurrencyConflict, type ChangeSet, type VersionedWrite } from '../../ports/change-set.js';
import { CANCEL_REQUEST_ENTITY, createdAtKey, ORDER_ENTITY } from '../sqlite/sqlite-order-writer.js';
import { conflictsOf, tagRows, type PgChangeWriter, type PgTx, type Tagged } from './pg-change-writer.js';

// Documents travel as one JSON array: json_array_elements hands back each element's text unchanged,
// and one JSON text parses far faster than an array literal of escaped documents.
const INSERT_ORDERS = `INSERT INTO product_order (id, version, created_at, state, external_id, category, doc)
  SELECT u.id, u.version, u.created_at, u.state, u.external_id, u.category, d.doc
  FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
    AS u(id, version, created_at, state, external_id, category, n)
  JOIN json_array_elements($7::json) WITH ORDINALITY AS d(doc, n) USING (n)
  ON CONFLICT (id) DO NOTHING RETURNING id`;
const UPDATE_ORDERS = `UPDATE product_order o SET version = u.version, created_at = u.created_at, state = u.state,
    external_id = u.external_id, category = u.category, doc = u.doc
  FROM (SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY
      AS x(id, expected, version, created_at, state, external_id, category, n)
    JOIN json_array_elements($8::json) WITH ORDINALITY AS d(doc, n) USING (n)) AS u
  WHERE o.id = u.id AND o.version = u.expected RETURNING o.id`;
const DELETE_ORDERS = `DELETE FROM product_order o USING unnest($1::text[], $2::int[]) AS u(id, expected)
  WHERE o.id = u.id AND o.version = u.expected RETURNING o.id`;
const INSERT_CANCELS = `INSERT INTO cancel_request (id, version, order_id, state, created_at, doc)
  SELECT u.id, u.version, u.order_id, u.state, u.created_at, d.doc
  FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS u(id, version, order_id, state, created_at, n)
  JOIN json_array_elements($6::json) WITH ORDINALITY AS d(doc, n) USING (n)
  ON CONFLICT (id) DO NOTHING RETURNING id`;
const UPDATE_CANCELS = `UPDATE cancel_request c SET version = u.version, order_id = u.order_id, state = u.state,
    created_at = u.created_at, doc = u.doc
  FROM (SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
      AS x(id, expected, version, order_id, state, created_at, n)
    JOIN json_array_elements($7::json) WITH ORDINALITY AS d(doc, n) USING (n)) AS u
  WHERE c.id = u.id AND c.version = u.expected RETURNING c.id`;

// Parties an updated order no longer names; the ones it keeps stay (most updates change no party).
const DELETE_STALE_PARTIES = `DELETE FROM order_party op WHERE op.order_id = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS k(party_id, order_id) WHERE k.party_id = op.party_id AND k.order_id = op.order_id)`;

type Written = { id: string };
const orderConflict = (w: VersionedWrite<ProductOrder>) => new ConcurrencyConflict(ORDER_ENTITY, w.record.id);
const cancelConflict = (w: VersionedWrite<CancelRequest>) => new ConcurrencyConflict(CANCEL_REQUEST_ENTITY, w.record.id);

async function writeOrders(tx: PgTx, rows: Tagged<VersionedWrite<ProductOrder>>[], errors: Map<number, Error>): Promise<void> {
  const inserts = rows.filter((r) => r.row.expectedVersion === null);
  const updates = rows.filter((r) => r.row.expectedVersion !== null);
  const cols = (list: typeof rows) => {
    const o = list.map((r) => r.row.record);
    return [o.map((x) => createdAtKey(x.createdAt)), o.map((x) => x.state), o.map((x) => x.externalId ?? null), o.map((x) => x.category ?? null), JSON.stringify(o)];
  };
  if (inserts.length > 0) {
    const r = await tx.query<Written>(INSERT_ORDERS, [inserts.map((x) => x.row.record.id), inserts.map((x) => x.row.record.version), ...cols(inserts)]);
    conflictsOf(inserts, (w) => w.record.id, r.rows, orderConflict, errors);
  }
  // Party rows of new orders and of updates that may name other parties (the engine's never do).
  const withParties = rows.filter((r) => r.row.partiesUnchanged !== true);
  const parties = withParties.flatMap((r) => r.row.record.relatedParty.map((p) => [p.id, r.row.record.id] as const));
  if (updates.length > 0) {
    const r = await tx.query<Written>(UPDATE_ORDERS, [
      updates.map((x) => x.row.record.id), updates.map((x) => x.row.expectedVersion), updates.map((x) => x.row.record.version), ...cols(updates),
    ]);
    conflictsOf(updates, (w) => w.record.id, r.rows, orderConflict, errors);
    const ids = updates.filter((x) => x.row.partiesUnchanged !== true).map((x) => x.row.record.id);
    if (errors.size === 0 && ids.length > 0) await tx.query(DELETE_STALE_PARTIES, [ids, parties.map((p) => p[0]), parties.map((p) => p[1])]);
  }
  if (errors.size > 0 || parties.length === 0) return;
  await tx.query(`INSERT INTO order_party (party_id, order_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [
    parties.map((p) => p[0]),
    parties.map((p) => p[1]),
  ]);
}

async function writeCancels(tx: PgTx, rows: Tagged<VersionedWrite<CancelRequest>>[], errors: Map<number, Error>): Promise<void> {
  const inserts = rows.filter((r) => r.row.expectedVersion === null);
  const updates = rows.filter((r) => r.row.expectedVersion !== null);
  const cols = (list: typeof rows) => {
    const c = list.map((r) => r.row.record);
    return [c.map((x) => x.orderId), c.map((x) => x.state), c.map((x) => createdAtKey(x.createdAt)), JSON.stringify(c)];
  };
  if (inserts.length > 0) {
    const r = await tx.query<Written>(INSERT_CANCELS, [inserts.map((x) => x.row.record.id), inserts.map((x) => x.row.record.version), ...cols(inserts)]);
    conflictsOf(inserts, (w) => w.record.id, r.rows, cancelConflict, errors);
  }
  if (updates.length > 0) {
    const ids = updates.map((x) => x.row.record.id);
    const r = await tx.query<Written>(UPDATE_CANCELS, [ids, updates.map((x) => x.row.expectedVersion), updates.map((x) => x.row.record.version), ...cols(updates)]);
    conflictsOf(updates, (w) => w.record.id, r.rows, cancelConflict, errors);
  }
}

/** Writes orders, order deletions and cancel requests of a batch with optimistic version checks. */
export const pgOrderWriter: PgChangeWriter<ChangeSet> = {
  keys(changes) {
    return [
      ...(changes.orders ?? []).map((w) => `order:${w.record.id}`),
      ...(changes.deletedOrders ?? []).map((d) => `order:${d.id}`),
      ...(changes.cancelRequests ?? []).map((w) => `cancel:${w.record.id}`),
    ];
  },
  async write(tx, batch) {
    const errors = new Map<number, Error>();
    const orders = tagRows(batch, (c) => c.orders);
    if (orders.length > 0) await writeOrders(tx, orders, errors);
    const deletions = tagRows(batch, (c) => c.deletedOrders);
    if (deletions.length > 0) {
      // order_party rows go with the order (ON DELETE CASCADE).
      const r = await tx.query<Written>(DELETE_ORDERS, [deletions.map((d) => d.row.id), deletions.map((d) => d.row.expectedVersion)]);
      conflictsOf(deletions, (d) => d.id, r.rows, (d) => new ConcurrencyConflict(ORDER_ENTITY, d.id), errors);
    }
    const cancels = tagRows(batch, (c) => c.cancelRequests);
    if (cancels.length > 0) await writeCancels(tx, cancels, errors);
    return errors;
  },
};
