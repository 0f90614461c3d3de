import { normTn } from '../../domain/porting/normalisation.js';
import { POST_PORT_CHECKS, type PostPortCheck } from '../../domain/porting/port-request.js';
import { idempotencyKey } from '../../domain/plan/plan.js';
import type { ActivationSystem } from '../../ports/activation-system.js';
import { SouthboundError } from '../../ports/southbound-error.js';
import type { CompensationContext, HandlerResult, TaskContext } from '../task-handler.js';
import { textInput } from './southbound-systems.js';

/** The port-in item's characteristic listing the numbers that move with `msisdn` (catalog: ps-number-port-in). */
const ADDITIONAL_NUMBERS = 'portingAdditionalNumbers';

/** The further numbers of a multi-line port, as entered (comma or semicolon separated), normalised, without repeats or the main number. */
export function additionalNumbersOf(ctx: TaskContext): string[] {
  const main = textInput(ctx, 'msisdn');
  const raw = (textInput(ctx, ADDITIONAL_NUMBERS) ?? '').split(/[,;]/).map((x) => x.trim()).filter((x) => x !== '');
  const tns = raw.map((x) => normTn(x) ?? x.replace(/[^0-9A-Za-z]/g, '')).filter((x) => x !== '');
  const mainTn = main === undefined ? undefined : (normTn(main) ?? main);
  return [...new Set(tns)].filter((tn) => tn !== mainTn);
}

/**
 * The idempotency key of one further number's call: the task's key with the number appended, so
 * each number is activated (and reverted) once however often the task is retried. The main number
 * keeps the task's own key.
 */
export function numberKey(taskKey: string, tn: string): string {
  return `${taskKey}/${tn}`;
}

/** The numbers a port-in task has ported, by the task's idempotency key (see NumberPortIn.portedNumbers). */
export type PortedNumbers = (portTaskKey: string) => Promise<readonly string[] | undefined>;

/** Records on the port request the post-port checks that passed (see NumberPortIn.recordPostPortChecks). */
export type RecordPostPortChecks = (portTaskKey: string, passed: readonly PostPortCheck[]) => Promise<void>;

/** The port task of the item whose numbers this task activates (catalog: port-in items run `port` before `activate`). */
function portTaskKey(ctx: TaskContext): string {
  return idempotencyKey(ctx.orderId, `${ctx.itemId}.port`);
}

/**
 * Activates every number of the item: `msisdn` (or the number the inventory assigns) under the
 * task's key, then each further number of a multi-line port under its own key. A retry after a
 * failure part-way replays the numbers already activated from the ledger and goes on with the rest.
 * For a port-in, only the numbers its port request ported: a number a supplement took off the
 * request (split off, left with the old provider) is not ours to activate.
 */
export async function activateNumbers(activation: ActivationSystem, ctx: TaskContext, portedNumbers?: PortedNumbers, recordChecks?: RecordPostPortChecks): Promise<HandlerResult> {
  const msisdn = textInput(ctx, 'msisdn');
  const mainTn = msisdn === undefined ? undefined : (normTn(msisdn) ?? msisdn);
  const ported = portedNumbers === undefined ? undefined : await portedNumbers(portTaskKey(ctx));
  const portedSet = ported === undefined ? undefined : new Set(ported.map((tn) => normTn(tn) ?? tn));
  const output: Record<string, unknown> = {};
  if (portedSet === undefined || (mainTn !== undefined && portedSet.has(mainTn))) {
    Object.assign(output, await activation.activateNumber({ idempotencyKey: ctx.idempotencyKey, ...(msisdn === undefined ? {} : { msisdn }) }));
  }
  const further = portedSet === undefined ? additionalNumbersOf(ctx) : [...portedSet].filter((tn) => tn !== mainTn);
  const more: Record<string, string> = {};
  for (const tn of further) {
    more[tn] = (await activation.activateNumber({ idempotencyKey: numberKey(ctx.idempotencyKey, tn), msisdn: tn })).activationId;
  }
  if (Object.keys(more).length > 0) output.additionalActivations = more;
  if (portedSet !== undefined) output.portedNumbers = [...portedSet];
  if (portedSet !== undefined && recordChecks !== undefined) await postPortChecks(activation, ctx, [...portedSet], recordChecks);
  return { kind: 'completed', output };
}

/**
 * The post-port checks of every ported number (porting.md T27), each number's under its own key: the
 * checks that passed on all of them are recorded on the port request (which completes once all
 * have); a check that failed on any number fails the task, retryably, naming the check and number.
 */
async function postPortChecks(activation: ActivationSystem, ctx: TaskContext, numbers: readonly string[], recordChecks: RecordPostPortChecks): Promise<void> {
  const passed = new Set<PostPortCheck>(POST_PORT_CHECKS);
  const failed: string[] = [];
  for (const tn of numbers) {
    const { checks } = await activation.checkPortedNumber({ idempotencyKey: numberKey(`${ctx.idempotencyKey}/check`, tn), msisdn: tn });
    for (const c of POST_PORT_CHECKS) {
      if (checks[c] === true) continue;
      passed.delete(c);
      failed.push(`${c} on ${tn}`);
    }
  }
  await recordChecks(portTaskKey(ctx), [...passed]);
  if (failed.length > 0) throw new SouthboundError(true, 'POST_PORT_CHECK_FAILED', 'activation', `post-port checks failed: ${failed.join(', ')}`);
}

/** Reverts every activation the forward task returned, each under its own key. */
export async function revertNumbers(activation: ActivationSystem, ctx: CompensationContext): Promise<void> {
  const first = ctx.output.activationId;
  // a port-in whose main number was taken off its request activated no number under the task's key
  if (typeof first === 'string' || ctx.output.portedNumbers === undefined) {
    await activation.revert({ idempotencyKey: ctx.idempotencyKey, ref: typeof first === 'string' ? first : '' });
  }
  const more = ctx.output.additionalActivations;
  if (typeof more !== 'object' || more === null) return;
  for (const [tn, ref] of Object.entries(more as Record<string, unknown>)) {
    await activation.revert({ idempotencyKey: numberKey(ctx.idempotencyKey, tn), ref: typeof ref === 'string' ? ref : '' });
  }
}
