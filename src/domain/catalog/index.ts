// The product catalog (TMF620): types, start-up checks, and the business check of an order.
export * from './catalog.js';
export * from './catalog-finding.js';
export * from './catalog-shape.js';
export * from './check-catalog.js';
export * from './check-order-against-catalog.js';
export * from './compatibility-rule.js';
export * from './product-offering.js';
export * from './product-offering-price.js';
export * from './product-specification.js';
