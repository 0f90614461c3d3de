import { ProvisioError } from '../domain/errors/error-catalogue.js';
import { ConcurrencyConflict } from '../ports/change-set.js';

/**
 * Runs a read-decide-commit step again when another writer changed the record in between,
 * up to `attempts` times; then reports CONCURRENT_UPDATE.
 */
export async function retryOnConflict<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (err) {
      if (!(err instanceof ConcurrencyConflict)) throw err;
      if (i >= attempts) throw new ProvisioError('CONCURRENT_UPDATE', `${err.message}; read it again and retry`);
    }
  }
}
