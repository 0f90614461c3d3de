/** A failed call to the carrier simulator or a carrier gateway; `retryable` says whether to try again. */
export class CarrierGatewayError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly status?: number) {
    super(message);
    this.name = 'CarrierGatewayError';
  }
}
