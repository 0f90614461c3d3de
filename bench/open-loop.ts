// An open-loop HTTP load generator: requests are due at a fixed rate whatever the server does, and each
// one's latency counts from the moment it was due, not from when a connection was free to send it.
// A closed-loop tool (autocannon's default) sends the next request only when a connection answers, so a
// server that stalls is simply offered less work and its stalls vanish from the percentiles (coordinated
// omission). Written here because autocannon's rate limit has that flaw and no maintained Node library
// measures from the intended send time.
import { connect, type Socket } from 'node:net';

export interface OpenLoopOptions {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly body: string;
  readonly contentType: string;
  readonly connections: number;
  /** Requests per second offered. */
  readonly rate: number;
  readonly amount: number;
}

export interface OpenLoopResult {
  readonly sent: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly durationSeconds: number;
  /** Achieved completions per second. */
  readonly completedPerSecond: number;
  /** Latency from each request's due time to its complete response, in ms. */
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly p999: number; readonly max: number };
  /** The most requests that were due and waiting for a free connection at once. */
  readonly maxBacklog: number;
}

interface Conn {
  readonly socket: Socket;
  busy: boolean;
  dueAt: number;
  buffer: Buffer;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Length of the first complete HTTP response in `buf` and its status, or undefined when more bytes are needed. */
function completeResponse(buf: Buffer): { length: number; status: number } | undefined {
  const headerEnd = buf.indexOf(HEADER_END);
  if (headerEnd < 0) return undefined;
  const head = buf.toString('latin1', 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (cl) {
    const length = headerEnd + 4 + Number(cl[1]);
    return buf.length >= length ? { length, status } : undefined;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const end = buf.indexOf('\r\n0\r\n\r\n', headerEnd);
    if (end >= 0) return { length: end + 7, status };
    const emptyBody = buf.indexOf('0\r\n\r\n', headerEnd + 4);
    return emptyBody === headerEnd + 4 ? { length: emptyBody + 5, status } : undefined;
  }
  return { length: headerEnd + 4, status };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, idx)] ?? 0) * 100) / 100;
}

/** Offers `amount` requests at `rate` per second over `connections` keep-alive connections. */
export async function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  const body = Buffer.from(o.body);
  const request = Buffer.concat([
    Buffer.from(`POST ${o.path} HTTP/1.1\r\nhost: ${o.host}:${o.port}\r\ncontent-type: ${o.contentType}\r\ncontent-length: ${body.length}\r\n\r\n`),
    body,
  ]);
  const latencies = new Float64Array(o.amount);
  let completed = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let scheduled = 0;
  let maxBacklog = 0;
  const backlog: number[] = []; // due times (ms) of requests waiting for a connection
  const idle: Conn[] = [];
  const interval = 1000 / o.rate;
  let start = 0;
  let finish: () => void = () => {};
  const done = new Promise<void>((r) => (finish = r));

  const send = (c: Conn, dueAt: number) => {
    c.busy = true;
    c.dueAt = dueAt;
    c.socket.write(request);
  };
  const record = (latency: number, status: number) => {
    latencies[completed++] = latency;
    if (status >= 200 && status < 300) ok++;
    else non2xx++;
    if (completed === o.amount) finish();
  };
  const conns = await Promise.all(
    Array.from(
      { length: o.connections },
      () =>
        new Promise<Conn>((resolve, reject) => {
          const socket = connect({ host: o.host, port: o.port, noDelay: true });
          const c: Conn = { socket, busy: false, dueAt: 0, buffer: Buffer.alloc(0) };
          socket.once('connect', () => resolve(c));
          socket.once('error', reject);
          socket.on('data', (chunk: Buffer) => {
            c.buffer = c.buffer.length === 0 ? chunk : Buffer.concat([c.buffer, chunk]);
            const res = completeResponse(c.buffer);
            if (!res) return;
            c.buffer = c.buffer.subarray(res.length);
            record(performance.now() - c.dueAt, res.status);
            c.busy = false;
            const next = backlog.shift();
            if (next !== undefined) send(c, next);
            else idle.push(c);
          });
        }),
    ),
  );
  for (const c of conns) {
    c.socket.removeAllListeners('error');
    c.socket.on('error', () => {
      errors++;
    });
    c.socket.on('close', () => {
      // A connection lost with a request on it: count that request as an error so the run still ends.
      if (c.busy) {
        errors++;
        record(performance.now() - c.dueAt, 0);
      }
    });
    idle.push(c);
  }
  start = performance.now();
  // Every millisecond, release the requests that have fallen due since the last tick.
  const tick = setInterval(() => {
    const now = performance.now();
    const due = Math.min(o.amount, Math.floor((now - start) / interval) + 1);
    while (scheduled < due) {
      const dueAt = start + scheduled * interval;
      scheduled++;
      const c = idle.pop();
      if (c) send(c, dueAt);
      else backlog.push(dueAt);
    }
    if (backlog.length > maxBacklog) maxBacklog = backlog.length;
    if (scheduled >= o.amount) clearInterval(tick);
  }, 1);
  await done;
  clearInterval(tick);
  const durationSeconds = (performance.now() - start) / 1000;
  for (const c of conns) c.socket.destroy();
  const sorted = latencies.slice(0, completed).sort();
  return {
    sent: scheduled,
    ok,
    non2xx,
    errors,
    durationSeconds: Math.round(durationSeconds * 100) / 100,
    completedPerSecond: Math.round((completed / durationSeconds) * 10) / 10,
    latencyMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), p999: percentile(sorted, 99.9), max: percentile(sorted, 100) },
    maxBacklog,
  };
}
