// exponentialDecay: a learning-rate schedule, as tf.keras.optimizers.schedules.ExponentialDecay.
import { checkPositive } from "./optimizer.js";

/** Options of `exponentialDecay`. */
export interface ExponentialDecayOptions {
  /** The learning rate at step 0. */
  initialLearningRate: number;
  /** The number of steps over which the rate is multiplied by `decayRate` once. */
  decaySteps: number;
  /** The factor per `decaySteps` steps. */
  decayRate: number;
  /** Decay in whole intervals (a step function) instead of continuously (default false). */
  staircase?: boolean;
}

/**
 * The schedule lr(step) = initial · decayRate^(step / decaySteps) (the exponent floored when `staircase`).
 * @example new SGD({ learningRate: exponentialDecay({ initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 }) })
 */
export function exponentialDecay(options: ExponentialDecayOptions): (step: number) => number {
  const { initialLearningRate, decaySteps, decayRate, staircase = false } = options;
  checkPositive("exponentialDecay: initialLearningRate", initialLearningRate);
  checkPositive("exponentialDecay: decaySteps", decaySteps);
  checkPositive("exponentialDecay: decayRate", decayRate);
  return (step: number) => {
    const p = step / decaySteps;
    return initialLearningRate * Math.pow(decayRate, staircase ? Math.floor(p) : p);
  };
}
