import { idempotencyKey } from '../../domain/plan/plan.js';
import { SouthboundError } from '../../ports/southbound-error.js';
import type { NumberPortIn } from '../../ports/number-port-in.js';
import { TASK_POLICIES } from '../../domain/plan/task-policy.js';
import type { TaskType } from '../../domain/plan/task-type.js';
import { activateNumbers, revertNumbers, type PortedNumbers, type RecordPostPortChecks } from './activate-numbers.js';
import type { CompensationContext, HandlerResult, TaskContext, TaskHandler, TaskHandlers } from '../task-handler.js';
import { characteristicsOf, outputRef, textInput, type SouthboundSystems } from './southbound-systems.js';

const done = (output: Readonly<Record<string, unknown>>): HandlerResult => ({ kind: 'completed', output });
const key = (ctx: TaskContext) => ({ idempotencyKey: ctx.idempotencyKey });
const noUndo = async (): Promise<void> => {};

/** Builds one handler: its work, its undo, and the domain policy of its type. */
function handler(
  type: TaskType,
  invoke: (ctx: TaskContext) => Promise<HandlerResult>,
  compensate: (ctx: CompensationContext) => Promise<void> = noUndo,
): TaskHandler {
  return { invoke, compensate, policy: TASK_POLICIES[type] };
}

/**
 * The task handlers over the southbound systems, one per task type. Each passes the task's
 * idempotency key with every call and returns from `invoke` what `compensate` needs.
 */
/** The port-in's ported numbers, when it keeps port requests. */
function portedNumbersOf(portIn: NumberPortIn): PortedNumbers | undefined {
  return portIn.portedNumbers === undefined ? undefined : (key) => portIn.portedNumbers!(key);
}

/** Where the post-port checks of a port-in's numbers are recorded, when it keeps port requests. */
function postPortChecksOf(portIn: NumberPortIn): RecordPostPortChecks | undefined {
  return portIn.recordPostPortChecks === undefined ? undefined : (key, passed) => portIn.recordPostPortChecks!(key, passed);
}

export function createTaskHandlers(s: SouthboundSystems): TaskHandlers {
  const revert = (ref: string) => (ctx: CompensationContext) => s.activation.revert({ ...key(ctx), ref: outputRef(ctx.output, ref) });
  return {
    'reserve-sim': handler(
      'reserve-sim',
      async (ctx) => done(await s.inventory.reserveSim({ ...key(ctx), simType: ctx.inputs.productType === 'esim' ? 'esim' : 'physical', ...opt('iccid', textInput(ctx, 'iccid')) })),
      (ctx) => s.inventory.releaseSim({ ...key(ctx), iccid: outputRef(ctx.output, 'iccid') }),
    ),
    'reserve-number': handler(
      'reserve-number',
      async (ctx) => done(await s.inventory.reserveNumber({ ...key(ctx), ...opt('msisdn', textInput(ctx, 'msisdn')), ...opt('areaCode', textInput(ctx, 'preferredAreaCode')) })),
      (ctx) => s.inventory.releaseNumber({ ...key(ctx), msisdn: outputRef(ctx.output, 'msisdn') }),
    ),
    'port-in-number': handler(
      'port-in-number',
      async (ctx) => {
        const r = await s.portIn.requestPortIn({
          ...key(ctx),
          msisdn: textInput(ctx, 'msisdn') ?? '',
          losingCarrier: textInput(ctx, 'losingCarrier') ?? '',
          accountNumber: textInput(ctx, 'portingAccountNumber') ?? '',
          ...opt('pin', textInput(ctx, 'portingPin')),
          ...opt('desiredAt', textInput(ctx, 'requestedPortDate')),
        });
        if (r.portedAt !== undefined) return done({ portRequestId: r.portRequestId, portedAt: r.portedAt });
        return { kind: 'wait', until: r.checkAgainAt ?? ctx.now + 3_600_000 };
      },
      // also the undo of a port-in stopped while it waited for the carrier (no output then: by its key)
      (ctx) => s.portIn.cancelPortIn({ ...key(ctx), portTaskKey: ctx.undoneKey, ...opt('portRequestId', outputRef(ctx.output, 'portRequestId') || undefined) }),
    ),
    'provision-subscriber': handler(
      'provision-subscriber',
      async (ctx) => done(await s.subscribers.provisionSubscriber({ ...key(ctx), ...opt('iccid', textInput(ctx, 'iccid')), ...opt('msisdn', textInput(ctx, 'msisdn')) })),
      (ctx) => s.subscribers.deprovisionSubscriber({ ...key(ctx), imsi: outputRef(ctx.output, 'imsi') }),
    ),
    'activate-number': handler('activate-number', (ctx) => activateNumbers(s.activation, ctx, portedNumbersOf(s.portIn), postPortChecksOf(s.portIn)), (ctx) => revertNumbers(s.activation, ctx)),
    'activate-mobile-service': handler(
      'activate-mobile-service',
      async (ctx) => done(await s.activation.activateService({ ...key(ctx), ...opt('offeringId', textInput(ctx, 'offeringId')), characteristics: characteristicsOf(ctx) })),
      revert('serviceId'),
    ),
    'reserve-network-port': handler(
      'reserve-network-port',
      async (ctx) => done(await s.inventory.reserveNetworkPort({ ...key(ctx), technology: textInput(ctx, 'productType') ?? 'fiber' })),
      (ctx) => s.inventory.releaseNetworkPort({ ...key(ctx), portId: outputRef(ctx.output, 'portId') }),
    ),
    'configure-network': handler(
      'configure-network',
      async (ctx) => done(await s.activation.configureNetwork({ ...key(ctx), productType: textInput(ctx, 'productType') ?? '', characteristics: characteristicsOf(ctx) })),
      revert('configId'),
    ),
    'ship-cpe': handler(
      'ship-cpe',
      async (ctx) => done(await s.logistics.ship({ ...key(ctx), ...opt('offeringId', textInput(ctx, 'offeringId')), place: ctx.inputs.place })),
      (ctx) => s.logistics.cancelShipment({ ...key(ctx), shipmentId: outputRef(ctx.output, 'shipmentId') }),
    ),
    'schedule-field-visit': handler(
      'schedule-field-visit',
      async (ctx) => done(await s.fieldService.scheduleVisit({ ...key(ctx), place: ctx.inputs.place, earliest: ctx.now })),
      (ctx) => s.fieldService.cancelVisit({ ...key(ctx), appointmentId: outputRef(ctx.output, 'appointmentId') }),
    ),
    'complete-field-install': handler('complete-field-install', (ctx) => awaitVisit(s, ctx)),
    'activate-fiber': handler('activate-fiber', async (ctx) => done(await s.activation.activateAccess({ ...key(ctx), productType: textInput(ctx, 'productType') ?? 'fiber' })), revert('serviceId')),
    'modify-service': handler(
      'modify-service',
      async (ctx) => done(await s.activation.modifyService({ ...key(ctx), action: textInput(ctx, 'action') ?? 'modify', characteristics: characteristicsOf(ctx) })),
      revert('changeId'),
    ),
    'deactivate-service': handler('deactivate-service', async (ctx) => {
      await s.activation.deactivateService({ ...key(ctx), productType: textInput(ctx, 'productType') ?? '' });
      return done({});
    }),
    'recover-cpe': handler('recover-cpe', async (ctx) => done(await s.logistics.recover({ ...key(ctx) }))),
    'provision-legacy': handler(
      'provision-legacy',
      async (ctx) => {
        const r = await s.legacy.submitWorkOrder({ ...key(ctx), productType: textInput(ctx, 'productType') ?? '', payload: ctx.inputs });
        if (r.status === 'done') return done({ ticket: r.ticket });
        if (r.status === 'open') return { kind: 'wait', until: r.checkAgainAt ?? ctx.now + 4 * 3_600_000 };
        throw new SouthboundError(false, 'WORK_ORDER_REJECTED', 'legacy', `legacy work order ${r.ticket} was rejected`);
      },
      (ctx) => s.legacy.withdraw({ ...key(ctx), ticket: outputRef(ctx.output, 'ticket') }),
    ),
    'record-in-crm': handler(
      'record-in-crm',
      async (ctx) => done(await s.crm.recordItem({ ...key(ctx), action: textInput(ctx, 'action') ?? 'add', productType: textInput(ctx, 'productType') ?? '', ...opt('offeringId', textInput(ctx, 'offeringId')) })),
      (ctx) => s.crm.removeRecord({ ...key(ctx), crmRef: outputRef(ctx.output, 'crmRef') }),
    ),
    'update-billing': handler(
      'update-billing',
      async (ctx) => done(await s.billing.applyItem({ ...key(ctx), action: textInput(ctx, 'action') ?? 'add', productType: textInput(ctx, 'productType') ?? '', ...opt('offeringId', textInput(ctx, 'offeringId')) })),
      (ctx) => s.billing.reverse({ ...key(ctx), billingRef: outputRef(ctx.output, 'billingRef') }),
    ),
    // A review hold opens in fallout at submit and runs only if an operator retries it: the review is over, the plan goes on.
    'specialist-review': handler('specialist-review', async () => done({ reviewed: true })),
  } satisfies Record<TaskType, TaskHandler>;
}

function opt<K extends string>(name: K, v: string | undefined): { [P in K]?: string } {
  return (v === undefined ? {} : { [name]: v }) as { [P in K]?: string };
}

/** Waits for the technician visit booked by the item's schedule task, re-checking at its time. */
async function awaitVisit(s: SouthboundSystems, ctx: TaskContext): Promise<HandlerResult> {
  // The schedule task of the same item booked the visit under its own idempotency key.
  const scheduledWithKey = idempotencyKey(ctx.orderId, `${ctx.itemId}.visit`);
  const v = await s.fieldService.visitStatus({ ...key(ctx), scheduledWithKey });
  if (v.status === 'completed') return done({ completedAt: v.at });
  if (v.status === 'scheduled') return { kind: 'wait', until: Math.max(v.at, ctx.now + 60_000) };
  throw new SouthboundError(false, 'VISIT_FAILED', 'field-service', `technician visit booked as ${scheduledWithKey} failed`);
}
