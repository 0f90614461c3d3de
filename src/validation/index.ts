// The entry-validation surface used by app/ use cases and the TMF673 address endpoint.
export { validateOrder, type OrderValidation } from './validate-order.js';
export { PORT_NETWORKS, type ValidationContext, type AccountLookup, type AccountLookupQuery, type AccountRecord, type PortNetwork } from './validation-context.js';
export { SEVERITIES, type Finding, type Severity, type FeatureVector } from './finding.js';
export { FINDING_CODES, CODES, type FindingCode } from './finding-codes.js';
export { FEATURE_NAMES, FEATURES, type FeatureName } from './feature-names.js';
export { CHARACTERISTIC, PLACE_ROLES } from './order-vocabulary.js';
export { inMemoryAddressReference, buildingKey, type AddressReference, type BuildingInfo } from './address/address-reference.js';
export { parseStreetLine } from './address/street-line-parser.js';
export { validateGeographicAddress, type GeographicAddressValidationOutcome } from './address/geographic-address-validation.js';
export { extractNoteEntities, type NoteEntities } from './notes/note-entities.js';
export { compareNames } from './party/name-similarity.js';
