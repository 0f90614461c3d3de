import { applyIsotonic, type IsotonicCalibration } from './isotonic-calibration.js';
import { applyPlatt, type PlattCalibration } from './platt-scaling.js';

/** A fitted map from raw margin to calibrated probability, stored inside the model file. */
export type Calibration = PlattCalibration | IsotonicCalibration;

/** Calibrated probability of a raw margin. */
export function calibrate(c: Calibration, margin: number): number {
  switch (c.kind) {
    case 'platt':
      return applyPlatt(c, margin);
    case 'isotonic':
      return applyIsotonic(c, margin);
  }
}
