import type { FalloutCause } from '../domain/fallout/fallout-cause.js';
import type { ProductOrder } from '../domain/order/product-order.js';

/** One reason behind a prediction: a feature, its value, its log-odds contribution and a sentence. */
export interface RiskFactor {
  readonly feature: string;
  /** The feature value seen on the order; null when not applicable (missing). */
  readonly value: number | null;
  /** TreeSHAP contribution to the "any fallout" margin, in log-odds; positive raises risk. */
  readonly contribution: number;
  /** The factor in business words, e.g. "port-in name similarity 0.71 raises port risk". */
  readonly text: string;
}

/** The fallout prediction for one order at entry; advisory, recorded with the model version. */
export interface FalloutPrediction {
  readonly modelVersion: string;
  /** Calibrated probability that the order falls out of automated provisioning. */
  readonly risk: number;
  /** Calibrated probability per root cause (one-vs-rest models; they need not sum to risk). */
  readonly riskByCause: Readonly<Record<FalloutCause, number>>;
  /** The cause with the highest probability. */
  readonly topCause: FalloutCause;
  /** Largest contributions first. */
  readonly topFactors: readonly RiskFactor[];
  /** Raw margin of the "any fallout" model: Σ contributions (all features) + bias. */
  readonly margin: number;
  readonly bias: number;
}

/** Predicts fallout risk for an order at entry. */
export interface FalloutPredictor {
  /** Scores one order with the active model; undefined when no model is active. */
  predict(order: ProductOrder): FalloutPrediction | undefined;
  /** Like predict, but returns every feature's contribution (for `model explain`). */
  explain(order: ProductOrder): FalloutPrediction | undefined;
}
