import { validateOrder, type ValidationContext } from '../validation/index.js';
import type { EntryCheck } from './entry-check.js';

/** The entry check that validates addresses, phone numbers, names and notes (rules + NLP). */
export function validationEntryCheck(context: (now: Date) => ValidationContext): EntryCheck {
  return (candidate) => {
    const result = validateOrder(candidate, context(new Date(candidate.createdAt)));
    return {
      findings: result.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        field: f.field,
        message: f.message,
        confidence: f.confidence,
        ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
      })),
      features: result.features,
    };
  };
}
