import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseHistoryLine, type HistoryRecord } from '../../app/features/history-record.js';

/**
 * Reads order history (JSON Lines) line by line, keeping the records `keep` accepts. Streaming
 * matters: 200,000 orders are about 0.5 GB of text, close to the longest string V8 can hold.
 */
export async function readHistory(path: string, keep: (r: HistoryRecord) => boolean = () => true): Promise<HistoryRecord[]> {
  const out: HistoryRecord[] = [];
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const r = parseHistoryLine(line);
    if (keep(r)) out.push(r);
  }
  return out;
}

/** Keeps records created in [from, to) (ISO instants; either bound may be absent). */
export function createdBetween(from: string | undefined, to: string | undefined): (r: HistoryRecord) => boolean {
  const lo = from === undefined ? -Infinity : Date.parse(from);
  const hi = to === undefined ? Infinity : Date.parse(to);
  if (Number.isNaN(lo) || Number.isNaN(hi)) throw new Error(`not an ISO date: ${Number.isNaN(lo) ? from : to}`);
  return (r) => {
    const t = Date.parse(r.order.createdAt);
    return t >= lo && t < hi;
  };
}
