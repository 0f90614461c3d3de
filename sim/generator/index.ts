/** The order generator: TMF622 ProductOrder_Create bodies with their hidden truth, from the simulated world. */
export { DEFAULT_MIX, generateOrder, generateOrders, truthIndex, type GenerateOrdersOptions, type GeneratedOrder } from './generate-orders.js';
export { causeProbabilities, type CauseInputs } from './latent-causes.js';
export * from './order-truth.js';
