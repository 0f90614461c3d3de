// The TMF673 address-validation use case: the entry address checks, offered on their own.
export {
  validateGeographicAddress,
  inMemoryAddressReference,
  type AddressReference,
  type GeographicAddressValidationOutcome,
} from '../validation/index.js';
