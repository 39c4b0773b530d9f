import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  GradientTape, ShapeError, sigmoidCrossEntropyWithLogits, ValueError, binaryAccuracy, binaryCrossEntropy, categoricalAccuracy, oneHot, sigmoid,
  softmaxCrossEntropy, sparseSoftmaxCrossEntropy, sum, tensor, Rng, type Tensor,
} from "../../src/index.js";

const f64 = (v: number[], shape?: number[]): Tensor => tensor(v, shape ?? [v.length], "float64");
const num = (t: Tensor): number => t.arraySync() as number;
const vals = (t: Tensor): number[] => Array.from(t.dataSync());

/** Checks the tape's gradient of `f` at `x` against central differences (float64, relative error ≤ 1e-6). */
function checkGradient(f: (x: Tensor) => Tensor, x: number[], shape: number[]): void {
  const xt = f64(x, shape);
  const tape = new GradientTape();
  tape.watch(xt);
  const y = f(xt);
  const g = tape.gradient(y, xt);
  assert.ok(g !== null);
  const analytic = vals(g);
  const h = 1e-6;
  x.forEach((_, i) => {
    const plus = [...x];
    const minus = [...x];
    plus[i]! += h;
    minus[i]! -= h;
    const numeric = (num(f(f64(plus, shape))) - num(f(f64(minus, shape)))) / (2 * h);
    const err = Math.abs(analytic[i]! - numeric) / Math.max(1, Math.abs(numeric));
    assert.ok(err <= 1e-6, `d/dx[${i}]: tape ${analytic[i]} vs central difference ${numeric}`);
  });
}

const rng = new Rng(20240611);
const uniform = (n: number, lo: number, hi: number): number[] => Array.from({ length: n }, () => lo + (hi - lo) * rng.nextFloat());

describe("binaryCrossEntropy", () => {
  const y = [1, 0, 1, 0, 1, 1];
  const p = [0.9, 0.2, 0.35, 0.7, 0.51, 0.999];

  test("from probabilities: the mean of −(y log p + (1−y) log(1−p))", () => {
    const expected = -y.reduce((s, yi, i) => s + yi * Math.log(p[i]!) + (1 - yi) * Math.log(1 - p[i]!), 0) / y.length;
    assert.ok(Math.abs(num(binaryCrossEntropy(f64(y, [6, 1]), f64(p, [6, 1]))) - expected) < 1e-14);
    const perExample = binaryCrossEntropy(f64(y), f64(p), { reduction: "none" });
    assert.deepEqual(perExample.shape, [6]);
    assert.ok(Math.abs(vals(perExample)[1]! + Math.log(0.8)) < 1e-14);
    assert.ok(Math.abs(num(binaryCrossEntropy(f64(y), f64(p), { reduction: "sum" })) - 6 * expected) < 1e-13);
  });

  test("from logits: equal to the probability form on σ(z), and to log(1 + e^z) − y z", () => {
    const z = [2.5, -1, 0.3, 4, -3, 0];
    const expected = z.reduce((s, zi, i) => s + Math.log1p(Math.exp(zi)) - y[i]! * zi, 0) / z.length;
    const fromLogits = num(binaryCrossEntropy(f64(y), f64(z), { fromLogits: true }));
    assert.ok(Math.abs(fromLogits - expected) < 1e-14);
    assert.ok(Math.abs(num(binaryCrossEntropy(f64(y), sigmoid(f64(z)))) - expected) < 1e-12);
  });

  test("labels [n] against predictions [n, 1], and int32 labels, are accepted; other shapes are a ShapeError", () => {
    const a = num(binaryCrossEntropy(tensor(y, [6], "int32"), f64(p, [6, 1])));
    assert.equal(a, num(binaryCrossEntropy(f64(y, [6, 1]), f64(p, [6, 1]))));
    assert.throws(() => binaryCrossEntropy(f64(y), f64(p, [2, 3])), (e: unknown) => e instanceof ShapeError && /\[6\]/.test(e.message) && /\[2,3\]/.test(e.message));
  });

  test("gradients match central differences (probabilities and logits, float64)", () => {
    const labels = f64([1, 0, 1, 0, 0, 1, 1, 0], [4, 2]);
    checkGradient((x) => binaryCrossEntropy(labels, x), uniform(8, 0.05, 0.95), [4, 2]);
    checkGradient((x) => binaryCrossEntropy(labels, x, { fromLogits: true }), uniform(8, -4, 4), [4, 2]);
    const probs = f64(uniform(8, 0.1, 0.9), [4, 2]);
    checkGradient((yy) => binaryCrossEntropy(yy, probs), uniform(8, 0, 1), [4, 2]);
  });

  for (const dtype of ["float32", "float64"] as const) {
    test(`saturated inputs give finite values and finite gradients (${dtype})`, () => {
      const labels = tensor([1, 0, 1, 0], [4], dtype);
      for (const [preds, fromLogits] of [
        [[0, 1, 1, 0], false],
        [[-1e4, 1e4, 1e4, -1e4], true],
        [[-1e30, 1e30, 1e30, -1e30], true],
      ] as const) {
        const x = tensor([...preds], [4], dtype);
        const tape = new GradientTape();
        tape.watch(x);
        const loss = binaryCrossEntropy(labels, x, { fromLogits });
        const g = tape.gradient(loss, x);
        assert.ok(Number.isFinite(num(loss)), `loss ${num(loss)}`);
        assert.ok(num(loss) > 1, "wrong-side saturation costs a lot");
        assert.ok(g !== null && vals(g).every(Number.isFinite), `gradient ${g && vals(g)}`);
      }
      const right = binaryCrossEntropy(labels, tensor([1e4, -1e4, 1e4, -1e4], [4], dtype), { fromLogits: true });
      assert.equal(num(right), 0);
    });
  }

  test("sigmoidCrossEntropyWithLogits: elementwise closed form, gradients for both inputs, and a second derivative σ(1−σ)", () => {
    const z = [-30, -2, 0, 0.7, 5, 40];
    const yv = [0, 1, 0.5, 1, 0, 1];
    const got = vals(sigmoidCrossEntropyWithLogits(f64(yv), f64(z)));
    got.forEach((v, i) => {
      // −log σ(z) = log(1 + e^(−z)) and −log(1 − σ(z)) = log(1 + e^z)
      const expected = yv[i]! * Math.log1p(Math.exp(-z[i]!)) + (1 - yv[i]!) * Math.log1p(Math.exp(z[i]!));
      assert.ok(Math.abs(v - expected) <= 1e-12 * Math.max(1, expected), `[${i}] ${v} vs ${expected}`);
    });
    const labels = f64(yv);
    checkGradient((x) => sum(sigmoidCrossEntropyWithLogits(labels, x)), uniform(6, -5, 5), [6]);
    const logits = f64(uniform(6, -5, 5));
    checkGradient((x) => sum(sigmoidCrossEntropyWithLogits(x, logits)), uniform(6, 0, 1), [6]);
    const x = f64([0.3, -1.2]);
    const outer = new GradientTape();
    outer.watch(x);
    const inner = new GradientTape();
    inner.watch(x);
    const l = sum(sigmoidCrossEntropyWithLogits(f64([1, 0]), x));
    const g = inner.gradient(l, x)!;
    const h = outer.gradient(sum(g), x)!;
    vals(h).forEach((v, i) => {
      const p = 1 / (1 + Math.exp(-vals(x)[i]!));
      assert.ok(Math.abs(v - p * (1 - p)) < 1e-12);
    });
    assert.throws(() => sigmoidCrossEntropyWithLogits(f64([1]), f64([1, 2])), ShapeError);
  });

  test("wrong-side saturated probability costs −log ε (TensorFlow clips to [1e-7, 1 − 1e-7])", () => {
    const v = num(binaryCrossEntropy(f64([1]), f64([0])));
    assert.ok(Math.abs(v + Math.log(1e-7)) < 1e-9, `${v}`);
  });
});

describe("softmaxCrossEntropy and sparseSoftmaxCrossEntropy", () => {
  const logits = [2, 1, 0.1, -1, 3, 0.5, 0, 0, 0];
  const labels = [0, 1, 2];
  const lse = (row: number[]): number => Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
  const expected = labels.reduce((s, c, r) => s + lse(logits.slice(3 * r, 3 * r + 3)) - logits[3 * r + c]!, 0) / 3;

  test("closed form: mean of logSumExp(z) − z[label]", () => {
    const oh = oneHot(tensor(labels, [3], "int32"), 3);
    assert.ok(Math.abs(num(softmaxCrossEntropy(oh, tensor(logits, [3, 3]))) - expected) < 1e-6);
    assert.ok(Math.abs(num(sparseSoftmaxCrossEntropy(tensor(labels, [3], "int32"), f64(logits, [3, 3]))) - expected) < 1e-14);
    assert.ok(Math.abs(num(sparseSoftmaxCrossEntropy(f64(labels, [3, 1]), f64(logits, [3, 3]))) - expected) < 1e-14);
  });

  test("soft labels, and huge logits stay finite", () => {
    const soft = f64([0.2, 0.8, 0.5, 0.5], [2, 2]);
    const z = f64([1e4, -1e4, 3, 1], [2, 2]);
    const v = num(softmaxCrossEntropy(soft, z));
    const row0 = 0.8 * 2e4;
    const row1 = lse([3, 1]) - (0.5 * 3 + 0.5 * 1);
    assert.ok(Math.abs(v - (row0 + row1) / 2) < 1e-9, `${v}`);
  });

  test("gradients match central differences", () => {
    const oh = f64([0, 0, 1, 1, 0, 0, 0.5, 0.25, 0.25, 0, 1, 0], [4, 3]);
    checkGradient((x) => softmaxCrossEntropy(oh, x), uniform(12, -3, 3), [4, 3]);
    const ids = tensor([2, 0, 1, 1], [4], "int32");
    checkGradient((x) => sparseSoftmaxCrossEntropy(ids, x), uniform(12, -3, 3), [4, 3]);
  });

  test("bad labels: out of range or wrong shape", () => {
    assert.throws(() => sparseSoftmaxCrossEntropy(tensor([0, 3], [2], "int32"), f64([0, 0, 0, 0, 0, 0], [2, 3])), (e: unknown) => e instanceof ValueError && /index 1/.test(e.message));
    assert.throws(() => sparseSoftmaxCrossEntropy(f64([0.5, 1]), f64([0, 0, 0, 0, 0, 0], [2, 3])), ValueError);
    assert.throws(() => sparseSoftmaxCrossEntropy(tensor([0, 1, 2], [3], "int32"), f64([0, 0, 0, 0, 0, 0], [2, 3])), ShapeError);
    assert.throws(() => softmaxCrossEntropy(f64([1, 0, 0]), f64([0, 0, 0, 0, 0, 0], [2, 3])), ShapeError);
  });
});

describe("accuracies", () => {
  test("binaryAccuracy thresholds strictly above the threshold", () => {
    const y = tensor([[1], [0], [1], [0]]);
    assert.equal(num(binaryAccuracy(y, tensor([[0.8], [0.6], [0.5], [0.1]]))), 0.5);
    assert.equal(num(binaryAccuracy(y, tensor([[0.8], [0.6], [0.5], [0.1]]), 0.7)), 0.75);
    assert.equal(num(binaryAccuracy(y, tensor([[0.8], [0.6], [0.5], [0.1]]), 0.4)), 0.75);
    assert.equal(num(binaryAccuracy(tensor([1, 0, 1, 0]), tensor([[0.9], [0.1], [0.7], [0.3]]))), 1);
    assert.throws(() => binaryAccuracy(y, tensor([0.1, 0.2])), ShapeError);
    assert.throws(() => binaryAccuracy(y, tensor([NaN, 0.2, 0.3, 0.4])), ValueError);
  });

  test("categoricalAccuracy compares argmaxes row by row, ties to the first index", () => {
    const y = oneHot(tensor([0, 2, 1], [3], "int32"), 3);
    const p = tensor([[0.5, 0.5, 0], [0.1, 0.2, 0.7], [0.4, 0.3, 0.3]]);
    assert.ok(Math.abs(num(categoricalAccuracy(y, p)) - 2 / 3) < 1e-7);
    assert.throws(() => categoricalAccuracy(y, tensor([[1, 0], [0, 1], [1, 0]])), ShapeError);
  });
});
