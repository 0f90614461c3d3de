import { ERROR_CATALOGUE, ProvisioError, type ErrorCode } from '../../domain/errors/error-catalogue.js';

/** The TMF630 `Error` body every failed request answers with. */
export interface TmfErrorBody {
  readonly code: string;
  readonly reason: string;
  readonly message: string;
  readonly status: string;
  readonly referenceError?: string;
  readonly '@type': 'Error';
}

/** Renders a catalogue error as a TMF Error body. */
export function tmfError(code: ErrorCode, message?: string): TmfErrorBody {
  const entry = ERROR_CATALOGUE[code];
  return {
    code,
    reason: entry.reason,
    message: message ?? `${entry.reason}. ${entry.hint}`,
    status: String(entry.status),
    '@type': 'Error',
  };
}

interface AjvIssue {
  readonly instancePath?: string;
  readonly keyword?: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

/** `/productOrderItem/0/action` -> `productOrderItem[0].action`. */
export function jsonPointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')
    .replace(/^\./, '');
}

function join(base: string, name: string): string {
  return base === '' ? name : `${base}.${name}`;
}

/** Turns the first JSON-schema validation issue into a ProvisioError that names the field. */
export function validationError(issues: readonly AjvIssue[], context: string): ProvisioError {
  const issue = issues[0];
  const base = jsonPointerToPath(issue?.instancePath ?? '');
  const where = context === 'body' ? '' : `${context} `;
  if (issue?.keyword === 'required') {
    const field = join(base, String(issue.params?.missingProperty));
    return new ProvisioError('MISSING_FIELD', `${where}${field} is mandatory. Add it and resend.`, field);
  }
  if (issue?.keyword === 'additionalProperties') {
    const field = join(base, String(issue.params?.additionalProperty));
    return new ProvisioError('UNKNOWN_FIELD', `${where}${field} is not a writable attribute here. Remove it and resend.`, field);
  }
  const field = base === '' ? context : base;
  const detail = issue?.message ?? 'is invalid';
  const allowed = Array.isArray(issue?.params?.allowedValues) ? ` (allowed: ${issue.params.allowedValues.join(', ')})` : '';
  const code = context === 'body' ? 'INVALID_BODY' : 'INVALID_QUERY';
  return new ProvisioError(code, `${where}${field} ${detail}${allowed}. Fix it and resend.`, field);
}
