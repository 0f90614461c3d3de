import type { ActivationSystem } from '../../ports/activation-system.js';
import type { BillingSystem } from '../../ports/billing-system.js';
import type { CpeLogistics } from '../../ports/cpe-logistics.js';
import type { CrmSystem } from '../../ports/crm-system.js';
import type { FieldService } from '../../ports/field-service.js';
import type { InventorySystem } from '../../ports/inventory-system.js';
import type { LegacyProvisioning } from '../../ports/legacy-provisioning.js';
import type { NumberPortIn } from '../../ports/number-port-in.js';
import type { SubscriberProvisioning } from '../../ports/subscriber-provisioning.js';
import type { TaskContext } from '../task-handler.js';

/** The OSS/BSS systems the task handlers call. */
export interface SouthboundSystems {
  readonly inventory: InventorySystem;
  readonly subscribers: SubscriberProvisioning;
  readonly activation: ActivationSystem;
  readonly logistics: CpeLogistics;
  readonly fieldService: FieldService;
  readonly billing: BillingSystem;
  readonly crm: CrmSystem;
  readonly legacy: LegacyProvisioning;
  readonly portIn: NumberPortIn;
}

/** The item characteristics in a task's inputs. */
export function characteristicsOf(ctx: TaskContext): Readonly<Record<string, unknown>> {
  const c = ctx.inputs.characteristics;
  return typeof c === 'object' && c !== null ? (c as Record<string, unknown>) : {};
}

/** A string input (top-level or characteristic), or undefined. */
export function textInput(ctx: TaskContext, name: string): string | undefined {
  const v = ctx.inputs[name] ?? characteristicsOf(ctx)[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A string from a task output (what an undo needs), or '' when absent. */
export function outputRef(output: Readonly<Record<string, unknown>>, name: string): string {
  const v = output[name];
  return typeof v === 'string' ? v : '';
}
