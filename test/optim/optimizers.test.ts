import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  Adam, RMSprop, SGD, ShapeError, ValueError, Variable, exponentialDecay, square, sub, sum, tensor, zip, type Optimizer, type Tensor,
} from "../../src/index.js";

const f64 = (values: number[]): Tensor => tensor(values, [values.length], "float64");
const vals = (t: Tensor): number[] => Array.from(t.dataSync());
function close(actual: number[], expected: number[], tol = 1e-12): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]!) <= tol * Math.max(1, Math.abs(expected[i]!)), `[${i}] ${a} vs ${expected[i]}`));
}

const w0 = [0.5, -1.25, 2];
const g1 = [0.3, -0.7, 1.9];
const g2 = [-0.2, 0.4, 0.05];

/** Runs two updates with gradients g1 then g2 and returns the variable after each. */
function twoSteps(opt: Optimizer): [number[], number[]] {
  const w = new Variable(f64(w0), { name: "w" });
  opt.applyGradients(zip([f64(g1)], [w]));
  const after1 = vals(w);
  opt.applyGradients([[f64(g2), w]]);
  return [after1, vals(w)];
}

describe("SGD", () => {
  test("plain: w ← w − lr·g", () => {
    const lr = 0.1;
    const [a, b] = twoSteps(new SGD({ learningRate: lr }));
    close(a, w0.map((w, i) => w - lr * g1[i]!));
    close(b, w0.map((w, i) => w - lr * g1[i]! - lr * g2[i]!));
  });

  test("float32 variables get one rounding of the float64 update", () => {
    const w = new Variable(tensor([0.1, 0.7]));
    new SGD({ learningRate: 0.01 }).applyGradients([[tensor([0.3, -0.9]), w]]);
    assert.deepEqual(vals(w), [Math.fround(Math.fround(0.1) - 0.01 * Math.fround(0.3)), Math.fround(Math.fround(0.7) + 0.01 * Math.fround(0.9))]);
  });

  test("momentum and Nesterov momentum follow their formulas and differ", () => {
    const lr = 0.1;
    const m = 0.9;
    const v1 = g1.map((g) => -lr * g);
    const v2 = v1.map((v, i) => m * v - lr * g2[i]!);
    const [a, b] = twoSteps(new SGD({ learningRate: lr, momentum: m }));
    close(a, w0.map((w, i) => w + v1[i]!));
    close(b, w0.map((w, i) => w + v1[i]! + v2[i]!));
    const [na, nb] = twoSteps(new SGD({ learningRate: lr, momentum: m, nesterov: true }));
    const n1 = w0.map((w, i) => w + m * v1[i]! - lr * g1[i]!);
    close(na, n1);
    close(nb, n1.map((w, i) => w + m * v2[i]! - lr * g2[i]!));
    assert.notDeepEqual(na, a);
  });
});

describe("Adam", () => {
  test("two steps match the bias-corrected textbook form with TensorFlow's ε̂ = ε/√(1−β2ᵗ)", () => {
    const lr = 0.01;
    const b1 = 0.8;
    const b2 = 0.95;
    const eps = 1e-3;
    const [a, b] = twoSteps(new Adam({ learningRate: lr, beta1: b1, beta2: b2, epsilon: eps }));
    let w = [...w0];
    let m = [0, 0, 0];
    let v = [0, 0, 0];
    const out: number[][] = [];
    [g1, g2].forEach((g, k) => {
      const t = k + 1;
      m = m.map((mi, i) => b1 * mi + (1 - b1) * g[i]!);
      v = v.map((vi, i) => b2 * vi + (1 - b2) * g[i]! ** 2);
      const epsHat = eps / Math.sqrt(1 - b2 ** t);
      w = w.map((wi, i) => wi - (lr * (m[i]! / (1 - b1 ** t))) / (Math.sqrt(v[i]! / (1 - b2 ** t)) + epsHat));
      out.push(w);
    });
    close(a, out[0]!);
    close(b, out[1]!);
  });

  test("the first step moves every coordinate by about lr against the gradient's sign", () => {
    const [a] = twoSteps(new Adam({ learningRate: 0.05 }));
    a.forEach((w, i) => assert.ok(Math.abs(w - (w0[i]! - 0.05 * Math.sign(g1[i]!))) < 1e-6));
  });
});

describe("RMSprop", () => {
  const lr = 0.01;
  const rho = 0.8;
  const eps = 1e-4;
  const sq = (g: number[]): number[] => g.map((x) => x * x);

  test("plain: s ← ρs + (1−ρ)g², w ← w − lr·g/√(s+ε)", () => {
    const [a, b] = twoSteps(new RMSprop({ learningRate: lr, rho, epsilon: eps }));
    const s1 = sq(g1).map((x) => (1 - rho) * x);
    const s2 = s1.map((s, i) => rho * s + (1 - rho) * g2[i]! ** 2);
    const a1 = w0.map((w, i) => w - (lr * g1[i]!) / Math.sqrt(s1[i]! + eps));
    close(a, a1);
    close(b, a1.map((w, i) => w - (lr * g2[i]!) / Math.sqrt(s2[i]! + eps)));
  });

  test("centered, with momentum", () => {
    const mu = 0.5;
    const [a, b] = twoSteps(new RMSprop({ learningRate: lr, rho, epsilon: eps, momentum: mu, centered: true }));
    let s = [0, 0, 0];
    let mg = [0, 0, 0];
    let mom = [0, 0, 0];
    let w = [...w0];
    const out: number[][] = [];
    for (const g of [g1, g2]) {
      s = s.map((x, i) => rho * x + (1 - rho) * g[i]! ** 2);
      mg = mg.map((x, i) => rho * x + (1 - rho) * g[i]!);
      mom = mom.map((x, i) => mu * x + (lr * g[i]!) / Math.sqrt(s[i]! - mg[i]! ** 2 + eps));
      w = w.map((x, i) => x - mom[i]!);
      out.push(w);
    }
    close(a, out[0]!);
    close(b, out[1]!);
  });
});

describe("Optimizer", () => {
  const target = f64([3, -2, 0.5]);
  const loss = (w: Variable) => (): Tensor => sum(square(sub(w, target)));

  for (const [name, make, steps] of [
    ["SGD", () => new SGD({ learningRate: 0.1 }), 200],
    ["SGD with Nesterov momentum", () => new SGD({ learningRate: 0.05, momentum: 0.9, nesterov: true }), 300],
    ["Adam", () => new Adam({ learningRate: 0.1 }), 1000],
    ["RMSprop", () => new RMSprop({ learningRate: 0.01 }), 1000],
  ] as const) {
    test(`${name} minimises a quadratic through minimize()`, () => {
      const w = new Variable(f64([0, 0, 0]), { name: "w" });
      const opt: Optimizer = make();
      let last = Infinity;
      for (let i = 0; i < steps; i++) last = opt.minimize(loss(w), [w]).arraySync() as number;
      assert.equal(opt.iterations, steps);
      assert.ok(last < 1e-3, `final loss ${last}`);
      close(vals(w), vals(target), 0.02);
    });
  }

  test("null gradients are skipped without error; a shape mismatch names the variable", () => {
    const a = new Variable(f64([1, 2]), { name: "alpha" });
    const b = new Variable(f64([5]), { name: "beta" });
    const opt = new SGD({ learningRate: 1 });
    opt.applyGradients(zip([null, f64([1])], [a, b]));
    assert.deepEqual(vals(a), [1, 2]);
    assert.deepEqual(vals(b), [4]);
    assert.throws(() => opt.applyGradients([[f64([1, 2, 3]), a]]), (e: unknown) => e instanceof ShapeError && /'alpha'/.test(e.message) && /\[3\]/.test(e.message) && /\[2\]/.test(e.message));
  });

  test("a non-finite gradient is an error and leaves the variable unchanged", () => {
    const a = new Variable(f64([1, 2]), { name: "alpha" });
    assert.throws(() => new Adam().applyGradients([[f64([NaN, 0]), a]]), (e: unknown) => e instanceof ValueError && /'alpha'/.test(e.message));
    assert.deepEqual(vals(a), [1, 2]);
  });

  test("a schedule is called with the step count, and exponentialDecay follows its formula", () => {
    const seen: number[] = [];
    const opt = new SGD({ learningRate: (step) => (seen.push(step), 0.5 / (step + 1)) });
    const w = new Variable(f64([0]));
    for (let i = 0; i < 3; i++) opt.applyGradients([[f64([1]), w]]);
    assert.deepEqual(seen, [0, 1, 2]);
    close(vals(w), [-(0.5 + 0.25 + 0.5 / 3)]);
    const smooth = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
    const stairs = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
    close([smooth(0), smooth(5), smooth(20), stairs(15)], [0.1, 0.1 * Math.SQRT1_2, 0.025, 0.05]);
    assert.throws(() => new SGD({ learningRate: () => NaN }).applyGradients([[f64([1]), w]]), ValueError);
  });

  test("bad options and zip of unequal lists are ValueErrors", () => {
    assert.throws(() => new SGD({ learningRate: -1 }), ValueError);
    assert.throws(() => new SGD({ momentum: 1 }), ValueError);
    assert.throws(() => new Adam({ beta1: 1.5 }), ValueError);
    assert.throws(() => zip([1, 2], [1]), ValueError);
  });
});
