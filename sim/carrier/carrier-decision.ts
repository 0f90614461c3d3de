import { addBusinessDays, dueLaterThan, earliestDue, effectiveReceipt, isBusinessDay, nextBusinessDay } from '../../src/domain/porting/business-calendar.js';
import { accountsMatch, addressesMatch, namesMatch, normPin, normTn, normZip } from '../../src/domain/porting/normalisation.js';
import { NON_SIMPLE_FEATURES, isSimpleKind, type DueSpec } from '../../src/domain/porting/port-kind.js';
import type { CarrierReason, PortRequestBody } from '../../src/domain/porting/port-message.js';
import { missingFields } from '../../src/domain/porting/required-fields.js';
import type { RejectReason } from '../../src/domain/porting/reason-code.js';
import type { CarrierProfile } from './carrier-profile.js';
import type { SimAccount, TnRegistration } from './sim-account.js';

/** The carrier's verdict on one request version, before latency and fault overlays. */
export type CarrierVerdict =
  | { readonly kind: 'SYNTAX_ERROR'; readonly errors: readonly CarrierReason[] }
  | { readonly kind: 'REJECT'; readonly reasons: readonly CarrierReason[] }
  | { readonly kind: 'CONFIRM'; readonly focDue: DueSpec; readonly counter: boolean };

/** What the decision pipeline looks at. */
export interface DecisionContext {
  readonly profile: CarrierProfile;
  readonly registry: ReadonlyMap<string, TnRegistration>;
  readonly accounts: ReadonlyMap<string, SimAccount>;
  /** TNs in other open requests at this carrier (another PON). */
  readonly tnsInOtherRequests: ReadonlySet<string>;
  readonly now: number;
  /** When this request was first received (dates count from the first receipt). */
  readonly receivedAt: number;
}

const r = (code: RejectReason, extra: Partial<CarrierReason> = {}): CarrierReason => ({ code, fields: [], ...extra });

function firstLevel(b: PortRequestBody, ctx: DecisionContext): CarrierReason[] {
  const errors: CarrierReason[] = missingFields(b.kind, { ...b }, false).map((f) => r('SYNTAX_ERROR', { fields: [`submitted.${f}`], text: `${f} missing` }));
  for (const tn of b.tns) if (normTn(tn) !== tn) errors.push(r('SYNTAX_ERROR', { fields: ['lines'], tn, text: 'TN format' }));
  const due = b.requestedDue.kind === 'DATE' ? Date.parse(`${b.requestedDue.date}T23:59:59Z`) : Date.parse(b.requestedDue.at);
  if (due < ctx.now) errors.push(r('SYNTAX_ERROR', { fields: ['requestedDue'], text: 'due date earlier than the send time', carrierNativeCode: 'MPE-DD' }));
  return errors;
}

function ownership(b: PortRequestBody, ctx: DecisionContext): { account?: SimAccount; reasons: CarrierReason[] } {
  if (ctx.profile.resellerOf !== undefined) return { reasons: [r('RESELLER_WRONG_CARRIER', { text: `send to the network provider ${ctx.profile.resellerOf}` })] };
  const reasons: CarrierReason[] = [];
  const ours = b.tns.map((tn) => ctx.registry.get(tn)).filter((x) => x?.spid === ctx.profile.spid);
  const accountNumber = ours[0]?.accountNumber;
  const account = accountNumber === undefined ? undefined : ctx.accounts.get(accountNumber);
  for (const tn of b.tns) {
    const reg = ctx.registry.get(tn);
    if (reg?.spid !== ctx.profile.spid || reg.accountNumber !== accountNumber) reasons.push(r('TN_NOT_ON_ACCOUNT', { tn, fields: ['lines'] }));
    else if (ctx.tnsInOtherRequests.has(tn)) reasons.push(r('DUPLICATE_PORT_IN_PROGRESS', { tn }));
  }
  for (const line of account?.tns ?? []) {
    if (b.tns.includes(line.tn) && line.status !== 'ACTIVE') reasons.push(r('TN_NOT_ACTIVE', { tn: line.tn }));
  }
  return { account, reasons };
}

function authentication(b: PortRequestBody, a: SimAccount, p: CarrierProfile): CarrierReason[] {
  const m = p.matching;
  const reasons: CarrierReason[] = [];
  if (a.lock !== 'NONE') return [r('PORT_OUT_LOCKED', { text: a.lock })];
  if (a.pendingOrder) return [r('PENDING_ORDER_ON_ACCOUNT')];
  if (m.requirePin && a.pin !== undefined) {
    if (b.pin === undefined || b.pin.trim() === '') reasons.push(r('PIN_REQUIRED'));
    else if (normPin(b.pin) !== a.pin) {
      a.pinFailures += 1;
      if (m.pinLockoutAfter !== undefined && a.pinFailures >= m.pinLockoutAfter) {
        a.lock = 'PORT_OUT_LOCK';
        return [r('PORT_OUT_LOCKED', { text: 'locked after repeated PIN failures' })];
      }
      reasons.push(r('PIN_INVALID', { carrierNativeCode: 'E42PWA' }));
    }
  }
  const accountOk = b.accountNumber !== undefined && accountsMatch(b.accountNumber, a.accountNumber, m.strictness);
  const ssnOk = m.acceptAccountOrSsn && b.ssnLast4 !== undefined && b.ssnLast4 === a.ssnLast4;
  if (!accountOk && !ssnOk) reasons.push(r(b.accountNumber === undefined ? 'ACCOUNT_NUMBER_REQUIRED' : 'ACCOUNT_NUMBER_MISMATCH'));
  return reasons;
}

function identity(b: PortRequestBody, a: SimAccount, p: CarrierProfile): CarrierReason[] {
  const m = p.matching;
  const reasons: CarrierReason[] = [];
  if (!a.authorizedNames.some((n) => namesMatch(n, b.authorizedName, m.strictness))) reasons.push(r('AUTH_NAME_MISMATCH'));
  if (m.strictness !== 'LENIENT' && !addressesMatch(b.serviceAddress, a.serviceAddress, m.strictness, false)) reasons.push(r('SERVICE_ADDRESS_MISMATCH'));
  if (m.validateZip && m.strictness !== 'LENIENT' && normZip(b.serviceAddress.postalCode) !== normZip(a.serviceAddress.postalCode)) {
    reasons.push(r('POSTAL_CODE_MISMATCH'));
  }
  if (m.requireBtn && a.btn !== undefined && (b.btn === undefined || normTn(b.btn) !== a.btn)) reasons.push(r('BTN_MISMATCH'));
  return reasons;
}

function scopeAndType(b: PortRequestBody, a: SimAccount): CarrierReason[] {
  const reasons: CarrierReason[] = [];
  const leaving = a.tns.filter((t) => !b.tns.includes(t.tn));
  if (leaving.length > 0 && (!b.partialPort || b.remainingTnDisposition === undefined)) reasons.push(r('PARTIAL_PORT_DISPOSITION_REQUIRED'));
  if (leaving.length > 0 && a.btn !== undefined && b.tns.includes(a.btn) && b.newBtn === undefined) reasons.push(r('MAIN_BTN_PORTING_NEW_BTN_REQUIRED'));
  const complex = new Set<string>(NON_SIMPLE_FEATURES);
  const hasComplex = a.tns.some((t) => b.tns.includes(t.tn) && t.features.some((f) => complex.has(f)));
  if (isSimpleKind(b.kind) && (hasComplex || a.tns.length > 1)) reasons.push(r('PORT_TYPE_INCORRECT', { text: hasComplex ? 'special features on the line' : 'multi-line account' }));
  return reasons;
}

/** The carrier's earliest date and the date it confirms (or null to reject with DUE_DATE_INVALID). */
function decideDate(b: PortRequestBody, ctx: DecisionContext): { focDue: DueSpec; counter: boolean } | null {
  const p = ctx.profile;
  let earliest = earliestDue(b.kind, ctx.receivedAt, p.calendar, b.partialPort);
  if (earliest.kind === 'DATE' && p.dates.minBusinessDays !== undefined) {
    const receipt = effectiveReceipt(ctx.receivedAt, p.calendar).date;
    const floor = addBusinessDays(receipt, p.dates.minBusinessDays, p.calendar);
    if (floor > earliest.date) earliest = { kind: 'DATE', date: floor };
  }
  let requested = b.requestedDue;
  if (requested.kind === 'DATE' && !isBusinessDay(requested.date, p.calendar)) requested = { kind: 'DATE', date: nextBusinessDay(requested.date, p.calendar) };
  if (!dueLaterThan(earliest, requested, p.calendar)) return { focDue: requested, counter: requested !== b.requestedDue };
  return p.dates.onEarlyDate === 'REJECT' ? null : { focDue: earliest, counter: true };
}

/** Runs the decision pipeline of porting.md §13.3 on one request version. */
export function decideRequest(b: PortRequestBody, ctx: DecisionContext): CarrierVerdict {
  const syntax = firstLevel(b, ctx);
  if (syntax.length > 0) return { kind: 'SYNTAX_ERROR', errors: syntax };
  const own = ownership(b, ctx);
  const stages: (() => CarrierReason[])[] = [
    () => own.reasons,
    () => (own.account === undefined ? [] : authentication(b, own.account, ctx.profile)),
    () => (own.account === undefined ? [] : identity(b, own.account, ctx.profile)),
    () => (own.account === undefined ? [] : scopeAndType(b, own.account)),
  ];
  const reasons: CarrierReason[] = [];
  for (const stage of stages) {
    reasons.push(...stage());
    if (reasons.length > 0 && !ctx.profile.matching.reportAllErrors) return { kind: 'REJECT', reasons: reasons.slice(0, 1) };
  }
  const date = decideDate(b, ctx);
  if (date === null) reasons.push(r('DUE_DATE_INVALID'));
  if (reasons.length > 0) return { kind: 'REJECT', reasons: ctx.profile.matching.reportAllErrors ? reasons : reasons.slice(0, 1) };
  return { kind: 'CONFIRM', focDue: (date as { focDue: DueSpec }).focDue, counter: (date as { counter: boolean }).counter };
}
