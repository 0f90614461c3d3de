import { streamFor } from '../../../sim/random/index.js';
import type { BillingSystem } from '../../ports/billing-system.js';
import { refuse, runKeyedCall } from './keyed-call.js';
import { scopeOf, type CallScope, type SimulatorEnv } from './simulator-env.js';

/** Lowest credit score accepted when a new billing account is opened (business access needs more). */
export const CREDIT_THRESHOLDS = { newAccount: 560, newBusinessAccess: 600, existingAccount: 480 } as const;

function creditRefusal(scope: CallScope, productType: string): string | undefined {
  const customer = scope.customer;
  if (customer === undefined) return undefined;
  const newAccount = scope.facts?.hasBillingAccount !== true;
  const threshold = !newAccount ? CREDIT_THRESHOLDS.existingAccount : productType === 'dia' ? CREDIT_THRESHOLDS.newBusinessAccess : CREDIT_THRESHOLDS.newAccount;
  return customer.creditScore < threshold ? `credit check failed for ${customer.id} (${newAccount ? 'new' : 'existing'} account)` : undefined;
}

/** Billing: charges for items; new products need the customer to pass the credit check (score from the CRM's bureau data). */
export function billingSimulator(env: SimulatorEnv): BillingSystem {
  return {
    async applyItem(req) {
      const scope = await scopeOf(env, req.idempotencyKey);
      return runKeyedCall(env, {
        system: 'billing', operation: 'applyItem', key: req.idempotencyKey,
        decide: () => {
          const refusal = env.mode === 'realistic' && req.action === 'add' ? creditRefusal(scope, req.productType) : undefined;
          if (refusal !== undefined) refuse('billing', 'CREDIT_REFUSED', refusal);
          return { effect: { billingRef: `BIL-${streamFor(env.seed, 'billing', req.idempotencyKey).chars(10)}` } };
        },
      });
    },
    async reverse(req) {
      await runKeyedCall(env, { system: 'billing', operation: 'reverse', key: req.idempotencyKey, decide: () => ({ effect: { billingRef: req.billingRef } }) });
    },
  };
}
