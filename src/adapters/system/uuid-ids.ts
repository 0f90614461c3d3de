import { randomUUID } from 'node:crypto';
import type { Ids } from '../../ports/ids.js';

/** Random UUID v4 identifiers. */
export const uuidIds: Ids = { next: () => randomUUID() };
