#!/usr/bin/env node
// Writes a copy of the TMF622 v4 conformance collection whose POST body comes from a CTK config
// file (payloads.ProductOrder.POST.payload) and whose headers are that file's "headers". The kit's
// own files are read, never modified; the copy goes to a git-ignored build folder.
// Usage: node prepare-tmf622-ctk.mjs <kitDir> <outCollection.json> [configFile]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [kitDir, out, configFile] = process.argv.slice(2);
if (!kitDir || !out) {
  console.error('usage: prepare-tmf622-ctk.mjs <kitDir> <outCollection.json> [configFile]');
  process.exit(2);
}
const cfgPath = configFile ?? join(kitDir, 'config.json');
const config = JSON.parse(readFileSync(cfgPath, 'utf8'));
const collection = JSON.parse(readFileSync(join(kitDir, 'TMF622-ProductOrdering-v4.0.0.testkit.json'), 'utf8'));

const payload = config?.payloads?.ProductOrder?.POST?.payload;
const itemsOk =
  Array.isArray(payload?.productOrderItem) &&
  payload.productOrderItem.length > 0 &&
  payload.productOrderItem.every((i) => typeof i.id === 'string' && typeof i.action === 'string');
const partiesOk =
  Array.isArray(payload?.relatedParty) &&
  payload.relatedParty.every((p) => typeof p.id === 'string' && typeof p['@referredType'] === 'string');
if (!itemsOk || !partiesOk) {
  console.error(`${cfgPath}: payload needs productOrderItem[{id,action}] and relatedParty[{id,@referredType}]`);
  process.exit(2);
}

const headers = Object.entries(config.headers ?? {}).map(([key, value]) => ({ key, value }));
if (process.env.CTK_AUTHORIZATION) headers.push({ key: 'Authorization', value: process.env.CTK_AUTHORIZATION });

let posts = 0;
for (const folder of collection.item) {
  for (const item of folder.item) {
    if (headers.length > 0) item.request.header = headers;
    if (item.request.method === 'POST') {
      item.request.body = { mode: 'raw', raw: JSON.stringify(payload) };
      posts += 1;
    }
  }
}
if (posts !== 1) {
  console.error(`expected exactly one POST request in the collection, found ${posts}`);
  process.exit(2);
}
writeFileSync(out, JSON.stringify(collection, null, 2));
console.log(`wrote ${out} (POST body from ${cfgPath})`);
