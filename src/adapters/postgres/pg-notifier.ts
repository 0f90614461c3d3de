import { createHash } from 'node:crypto';
import pg from 'pg';
import { WAKE_CHANNELS, type WakeChannel } from './pg-change-writer.js';
import { quoteIdent } from './pg-database.js';

/** The NOTIFY channel of a wake-up channel for the tables in `schema` (at most 63 bytes). */
export function wakeChannelName(schema: string, channel: WakeChannel): string {
  const name = `provisio_${channel}_${schema}`;
  if (Buffer.byteLength(name) <= 63) return name;
  return `provisio_${channel}_${createHash('sha256').update(schema).digest('hex').slice(0, 24)}`;
}

/** Wake-ups heard from other processes' commits. */
export interface PgNotifier {
  /** Calls `fn` whenever a commit raised `channel` (and once after a reconnect); returns the unsubscribe. */
  onWake(channel: WakeChannel, fn: () => void): () => void;
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

/** Where to listen; polling stays the fallback while the connection is down. */
export interface PgNotifierOptions {
  readonly url: string;
  readonly schema: string;
  /** Wait before reconnecting a lost listening connection (default 1000 ms). */
  readonly reconnectMs?: number;
  /** Told when the listening connection fails. */
  readonly onError?: (err: unknown) => void;
}

/** Opens one LISTEN connection for all wake-up channels of a schema. */
export async function openPgNotifier(options: PgNotifierOptions): Promise<PgNotifier> {
  const subscribers = new Map<WakeChannel, Set<() => void>>(WAKE_CHANNELS.map((c) => [c, new Set()]));
  const byName = new Map(WAKE_CHANNELS.map((c) => [wakeChannelName(options.schema, c), c]));
  const fire = (channel: WakeChannel): void => {
    for (const fn of subscribers.get(channel) ?? []) fn();
  };
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    // Keep-alive probes notice a listening connection whose host vanished without closing it.
    const c = new pg.Client({ connectionString: options.url, application_name: 'provisio-notifier', keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 30_000 });
    c.on('notification', (n) => {
      const channel = byName.get(n.channel);
      if (channel !== undefined) fire(channel);
    });
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c, new Error('notifier connection ended')));
    await c.connect();
    for (const name of byName.keys()) await c.query(`LISTEN ${quoteIdent(name)}`);
    client = c;
  };
  const lost = (c: pg.Client, err: unknown): void => {
    if (closed || client !== c) return;
    client = undefined;
    options.onError?.(err);
    c.end().catch(() => undefined);
    retry = setTimeout(reconnect, options.reconnectMs ?? 1000);
  };
  const reconnect = (): void => {
    connect().then(
      // Commits made while nobody listened raised nothing: wake everyone once.
      () => WAKE_CHANNELS.forEach(fire),
      (err: unknown) => {
        options.onError?.(err);
        if (!closed) retry = setTimeout(reconnect, options.reconnectMs ?? 1000);
      },
    );
  };

  await connect();
  return {
    onWake(channel, fn) {
      subscribers.get(channel)?.add(fn);
      return () => subscribers.get(channel)?.delete(fn);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end();
    },
  };
}
