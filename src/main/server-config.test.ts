import { describe, expect, it } from 'vitest';
import { readServerConfig } from './server-config.js';

const PG = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' };

describe('engine rounds in flight', () => {
  it('is one round unless --rounds or PROVISIO_ENGINE_ROUNDS says more; the flag wins', () => {
    expect(readServerConfig([], PG).engineRounds).toBeUndefined();
    expect(readServerConfig(['--rounds', '2'], PG).engineRounds).toBe(2);
    expect(readServerConfig([], { ...PG, PROVISIO_ENGINE_ROUNDS: '3' }).engineRounds).toBe(3);
    expect(readServerConfig(['--rounds=4'], { ...PG, PROVISIO_ENGINE_ROUNDS: '3' }).engineRounds).toBe(4);
  });

  it('refuses what is not a whole number from 1 to 16, naming both ways to set it', () => {
    for (const bad of ['0', '-1', '1.5', '17', 'many']) {
      expect(() => readServerConfig([`--rounds=${bad}`], PG)).toThrow(/whole number from 1 to 16.*--rounds or PROVISIO_ENGINE_ROUNDS/);
    }
  });

  it('refuses more than one round on the embedded SQLite store, which runs one at a time', () => {
    expect(readServerConfig(['--rounds', '1'], {}).engineRounds).toBe(1);
    expect(() => readServerConfig(['--rounds', '2'], {})).toThrow(/needs PostgreSQL \(DATABASE_URL\)/);
  });
});
