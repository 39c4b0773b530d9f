// The first-order backward pass on storage (BackwardFn steps and in-place accumulation) against the
// op-built gradients that a recording tape uses, and its sharing rules.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  type Tensor,
  GradientError,
  GradientTape,
  Variable,
  add,
  binaryCrossEntropy,
  div,
  exp,
  log,
  matMul,
  mean,
  mul,
  neg,
  registerOp,
  runOp,
  sigmoid,
  sub,
  sum,
  tensor,
} from "../../src/index.js";
import { rng as seeded } from "../helpers/random.js";

const next = seeded(515);
const rand = (shape: number[], lo = -2, hi = 2): Tensor => {
  const n = shape.reduce((p, q) => p * q, 1);
  return tensor(Array.from({ length: n }, () => lo + (hi - lo) * next()), shape, "float64");
};

/** Gradients of f at xs by the first-order pass (no other tape) and by the op-built gradients (an outer tape records). */
function bothWays(f: (...xs: Tensor[]) => Tensor, xs: Tensor[]): { direct: (Tensor | null)[]; recorded: (Tensor | null)[] } {
  const t1 = new GradientTape();
  t1.watch(...xs);
  const direct = t1.gradient(f(...xs), xs);
  const outer = new GradientTape();
  const t2 = new GradientTape();
  t2.watch(...xs);
  const recorded = t2.gradient(f(...xs), xs);
  outer.stop();
  return { direct, recorded };
}

function expectSame(name: string, f: (...xs: Tensor[]) => Tensor, xs: Tensor[]): void {
  const { direct, recorded } = bothWays(f, xs);
  direct.forEach((g, i) => {
    const r = recorded[i];
    assert.ok(g !== null && r !== null && g !== undefined && r !== undefined, `${name}: gradient ${i} missing`);
    assert.deepEqual(g.shape, r.shape, `${name}: gradient ${i} shape`);
    const a = g.dataSync();
    const b = r.dataSync();
    for (let k = 0; k < a.length; k++) {
      const tol = 1e-12 * Math.max(1, Math.abs(b[k] as number));
      assert.ok(Math.abs((a[k] as number) - (b[k] as number)) <= tol, `${name}: gradient ${i}[${k}] ${a[k]} vs ${b[k]}`);
    }
  });
}

describe("first-order backward steps agree with the op-built gradients", () => {
  const cases: [string, (...xs: Tensor[]) => Tensor, number[][], [number, number]?][] = [
    ["add, same shapes", (a, b) => sum(mul(add(a, b), a)), [[2, 3], [2, 3]]],
    ["add, a single value", (a, b) => sum(mul(add(a, b), a)), [[2, 3], []]],
    ["add, broadcast along an axis (left to the GradFn)", (a, b) => sum(mul(add(a, b), a)), [[2, 3], [3]]],
    ["sub both ways", (a, b) => sum(mul(sub(a, b), sub(b, a))), [[4], [4]]],
    ["sub from a single value", (a, b) => sum(mul(sub(a, b), b)), [[], [2, 2]]],
    ["mul with itself", (a) => sum(mul(a, a)), [[3, 2]]],
    ["mul by a single value", (a, b) => sum(mul(mul(a, b), a)), [[3, 2], [1, 1]]],
    ["div, same shapes", (a, b) => sum(div(a, b)), [[2, 3], [2, 3]], [0.5, 2]],
    ["div(1, x)", (b) => sum(div(1, b)), [[5]], [0.5, 2]],
    ["div by a single value", (a, b) => sum(mul(div(a, b), a)), [[2, 2], []], [0.5, 2]],
    ["neg, log, exp", (a) => sum(neg(log(exp(mul(a, a))))), [[6]]],
    ["sigmoid", (a) => mean(sigmoid(a)), [[2, 3]]],
    ["mean over an axis", (a) => sum(mul(mean(a, 1), mean(a, 1))), [[3, 4]]],
    ["sum over an axis, kept", (a) => sum(mul(sum(a, 0, true), a)), [[3, 4]]],
    ["matMul, plain", (a, b) => sum(mul(matMul(a, b), matMul(a, b))), [[3, 2], [2, 4]]],
    ["matMul, transposed", (a, b) => sum(exp(matMul(a, b, true, true))), [[2, 3], [4, 2]], [-1, 1]],
    [
      "the lab's hypothesis used twice",
      (W, b) => {
        const X = tensor([[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]], undefined, "float64");
        const y = tensor([[0], [0], [0], [1], [1], [1]], undefined, "float64");
        const h = (): Tensor => div(1, add(1, exp(add(matMul(X, W), b))));
        return neg(mean(add(mul(y, log(h())), mul(sub(1, y), log(sub(1, h()))))));
      },
      [[2, 1], [1]],
      [-0.5, 0.5],
    ],
    [
      "binary cross-entropy from logits",
      (z, y) => binaryCrossEntropy(y, z, { fromLogits: true }),
      [[5, 1], [5, 1]],
      [0, 1],
    ],
  ];
  for (const [name, f, shapes, range] of cases) {
    test(name, () => {
      const [lo, hi] = range ?? [-2, 2];
      expectSame(name, f, shapes.map((s) => rand(s, lo, hi)));
    });
  }
});

describe("sharing and accumulation", () => {
  test("a gradient passed through to two inputs is copied before anything is added to it", () => {
    const x = new Variable(tensor([1, 2, 3], undefined, "float64"));
    const y = new Variable(tensor([4, 5, 6], undefined, "float64"));
    const tape = new GradientTape();
    // d/dx = 1 + 2x (the passed-through 1 and then x·x), d/dy = 1: y's gradient must stay 1
    const [gx, gy] = tape.gradient(sum(add(add(x, y), mul(x, x))), [x, y]);
    assert.deepEqual(Array.from(gx!.dataSync()), [3, 5, 7]);
    assert.deepEqual(Array.from(gy!.dataSync()), [1, 1, 1]);
  });
  test("a tensor that took a passed-through gradient gets a private copy before a later step adds to it", () => {
    const x = new Variable(tensor([1, 2], undefined, "float64"));
    const y = new Variable(tensor([3, 4], undefined, "float64"));
    const tape = new GradientTape();
    const a = mul(x, 3); // recorded first, so its step runs last, after x and y took the same gradient from add
    const z = add(x, y);
    const [gx, gy] = tape.gradient(sum(add(z, a)), [x, y]);
    assert.deepEqual(Array.from(gx!.dataSync()), [4, 4]);
    assert.deepEqual(Array.from(gy!.dataSync()), [1, 1]);
  });
  test("the gradient of an intermediate the caller asks for is not overwritten by the steps below it", () => {
    const x = new Variable(tensor([0.5, -1, 2], undefined, "float64"));
    const tape = new GradientTape();
    const h = exp(x);
    // log(exp(x)) = x: d/dx = 1 and d/dh = 1/h, which exp's step must not overwrite in place
    const [gx, gh] = tape.gradient(sum(log(h)), [x, h]);
    const hv = Array.from(h.dataSync());
    assert.deepEqual(Array.from(gx!.dataSync()).map((v) => Math.round(v * 1e12) / 1e12), [1, 1, 1]);
    assert.deepEqual(Array.from(gh!.dataSync()), hv.map((v) => 1 / v));
  });
  test("a gradient handed over in place still reaches every input (x·y, y/x, 1 − x)", () => {
    const x = new Variable(tensor([2, 4], undefined, "float64"));
    const y = new Variable(tensor([3, 5], undefined, "float64"));
    const tape = new GradientTape();
    // d/dx [x·y + y/x + (1 − x)] = y − y/x² − 1; d/dy = x + 1/x
    const [gx, gy] = tape.gradient(sum(add(add(mul(x, y), div(y, x)), sub(1, x))), [x, y]);
    assert.deepEqual(Array.from(gx!.dataSync()), [3 - 3 / 4 - 1, 5 - 5 / 16 - 1]);
    assert.deepEqual(Array.from(gy!.dataSync()), [2 + 1 / 2, 4 + 1 / 4]);
  });
  test("the seed of a scalar target is never written", () => {
    const x = new Variable(tensor([2], undefined, "float64"));
    for (let i = 0; i < 3; i++) {
      const tape = new GradientTape();
      const [g] = tape.gradient(sum(add(neg(x), mul(x, 3))), [x]);
      assert.deepEqual(Array.from(g!.dataSync()), [2]);
    }
  });
  test("a persistent tape gives the same gradients every time", () => {
    const x = new Variable(tensor([0.5, -1], undefined, "float64"));
    const tape = new GradientTape({ persistent: true });
    const loss = sum(mul(sigmoid(x), add(x, x)));
    const first = Array.from(tape.gradient(loss, [x])[0]!.dataSync());
    const second = Array.from(tape.gradient(loss, [x])[0]!.dataSync());
    tape.stop();
    assert.deepEqual(second, first);
  });
  test("a sink does not hand over a gradient it has passed through to another input", () => {
    let handedOver: boolean | null = null;
    const op = registerOp(
      "TestPassThenReuse",
      (dy) => [dy, dy],
      (dy, _node, sink) => {
        sink.add(0, dy);
        const own = sink.reuse(1);
        handedOver = own !== null;
        if (own === null) sink.add(1, dy);
        return true;
      },
    );
    const a = new Variable(tensor([1, 2], undefined, "float64"));
    const b = new Variable(tensor([3, 4], undefined, "float64"));
    const tape = new GradientTape();
    const out = runOp(op, [a, b], tensor([4, 6], undefined, "float64")); // a + b, made outside the tape
    const [ga, gb] = tape.gradient(sum(mul(out, out)), [a, b]);
    assert.equal(handedOver, false);
    assert.deepEqual(Array.from(ga!.dataSync()), [8, 12]);
    assert.deepEqual(Array.from(gb!.dataSync()), [8, 12]);
  });
  test("a backward step with no gradient function is refused at registration", () => {
    assert.throws(() => registerOp("TestBackwardOnly", null, () => true), (e: unknown) => e instanceof GradientError && /no gradient/.test(e.message));
  });
});
