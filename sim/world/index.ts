/** The simulated telecom world: the one seeded model of the operator that simulators draw from. */
export * from './building-registry.js';
export * from './cpe-stock.js';
export * from './customer.js';
export * from './customer-product.js';
export * from './drift-schedule.js';
export * from './losing-carrier.js';
export * from './names/nicknames.js';
export * from './number-pool.js';
export * from './phone-number.js';
export * from './places/us-place.js';
export * from './portfolio.js';
export * from './postal-address.js';
export * from './region.js';
export * from './sales-rep.js';
export * from './street-names.js';
export * from './world.js';
