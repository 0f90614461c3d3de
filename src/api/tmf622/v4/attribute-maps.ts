import type { AttributeMap } from '../../http/list-query.js';

const same = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, n]));

/** Filterable ProductOrder attributes (v4 wire name -> internal path). */
export const ORDER_ATTRIBUTES: AttributeMap = {
  attributes: {
    ...same([
      'id',
      'state',
      'externalId',
      'category',
      'description',
      'priority',
      'notificationContact',
      'requestedStartDate',
      'requestedCompletionDate',
      'completionDate',
      'expectedCompletionDate',
      'cancellationDate',
      'cancellationReason',
      'relatedParty',
    ]),
    orderDate: 'createdAt',
    productOrderItem: 'items',
    note: 'notes',
    agreement: 'extra.agreement',
    billingAccount: 'extra.billingAccount',
    channel: 'extra.channel',
    payment: 'extra.payment',
    quote: 'extra.quote',
    productOfferingQualification: 'extra.productOfferingQualification',
    '@type': 'extra.@type',
  },
  structured: new Set(['relatedParty', 'productOrderItem', 'note', 'agreement', 'billingAccount', 'channel', 'payment', 'quote', 'productOfferingQualification']),
  dates: new Set(['orderDate', 'requestedStartDate', 'requestedCompletionDate', 'completionDate', 'expectedCompletionDate', 'cancellationDate']),
};

/** Filterable CancelProductOrder attributes. */
export const CANCEL_ATTRIBUTES: AttributeMap = {
  attributes: {
    ...same(['id', 'state', 'cancellationReason', 'requestedCancellationDate', 'effectiveCancellationDate']),
    'productOrder.id': 'orderId',
    creationDate: 'createdAt',
  },
  structured: new Set(),
  dates: new Set(['requestedCancellationDate', 'effectiveCancellationDate', 'creationDate']),
};

/** Internal attribute name -> v4 wire name, for `fieldPath` in change events. */
export function v4FieldName(internal: string): string {
  switch (internal) {
    case 'items':
      return 'productOrderItem';
    case 'notes':
      return 'note';
    case 'createdAt':
      return 'orderDate';
    default:
      return internal;
  }
}
