import { ProvisioError } from '../domain/errors/error-catalogue.js';
import type { FalloutCase, FalloutCaseQuery, FalloutCaseReader } from '../ports/fallout-case-reader.js';
import type { Page } from '../ports/order-query.js';

/** A filtered page of fallout cases, newest first (the workbench queue). */
export function listFalloutCases(reader: FalloutCaseReader, query: FalloutCaseQuery): Promise<Page<FalloutCase>> {
  return reader.list(query);
}

/** The fallout case with this id; NOT_FOUND when there is none. */
export async function getFalloutCase(reader: FalloutCaseReader, id: string): Promise<FalloutCase> {
  const found = await reader.get(id);
  if (found === undefined) throw new ProvisioError('NOT_FOUND', `falloutCase ${id} not found. List /falloutCase to find it.`);
  return found;
}
