// Tape rules: connectivity, null gradients, missing gradients, persistence, nesting, watching, valueAndGrads.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  type Tensor,
  GradientError,
  ShapeError,
  GradientTape,
  Variable,
  valueAndGrads,
  registerOp,
  runOp,
  getOp,
  tensor,
  scalar,
  zeros,
  add,
  mul,
  sub,
  sum,
  mean,
  square,
  exp,
  sigmoid,
  matMul,
  argMax,
  cast,
  greater,
  oneHot,
  equal,
  reshape,
  broadcastTo,
} from "../../src/index.js";

const f64 = (v: Parameters<typeof tensor>[0]) => tensor(v, undefined, "float64");
const values = (t: Tensor | null | undefined): number[] => {
  assert.ok(t !== null && t !== undefined, "expected a gradient, got null");
  return Array.from(t.dataSync());
};

const NoGrad = registerOp("TestNoGrad", null);
/** An op that copies its input and has no gradient. */
const noGrad = (x: Tensor): Tensor => runOp(NoGrad, [x], mul(x, 1));

describe("GradientTape", () => {
  test("gradient of a simple expression: d/dx Σ x² = 2x, d/dW of XW", () => {
    const x = new Variable(f64([1, -2, 3]));
    const tape = new GradientTape();
    const y = sum(square(x));
    assert.deepEqual(values(tape.gradient(y, x)), [2, -4, 6]);
    const X = f64([[1, 2], [3, 4]]);
    const W = new Variable(f64([[0.5], [-1]]));
    const t2 = new GradientTape();
    const out = sum(matMul(X, W));
    assert.deepEqual(values(t2.gradient(out, W)), [4, 6]);
  });
  test("a tensor used twice accumulates both contributions", () => {
    const x = new Variable(f64([3]));
    const tape = new GradientTape();
    const y = add(mul(x, x), mul(x, 2));
    assert.deepEqual(values(tape.gradient(y, x)), [8]);
  });
  test("a source the target does not depend on gives null (as TensorFlow's None)", () => {
    const a = new Variable(f64([1]));
    const b = new Variable(f64([2]));
    const tape = new GradientTape();
    const y = mul(a, 3);
    const [ga, gb] = tape.gradient(y, [a, b]);
    assert.deepEqual(values(ga), [3]);
    assert.equal(gb, null);
  });
  test("a GradientError naming the op when the path goes through an op with no gradient", () => {
    assert.equal(getOp("TestNoGrad")?.grad, null);
    const x = new Variable(f64([1, 2]));
    const tape = new GradientTape();
    const y = sum(exp(noGrad(x)));
    assert.throws(
      () => tape.gradient(y, x),
      (e: unknown) => e instanceof GradientError && /'TestNoGrad'/.test(e.message) && /no gradient/.test(e.message),
    );
  });
  test("argMax, comparisons and oneHot are registered without gradient; through argMax→cast the source gets null", () => {
    for (const name of ["ArgMax", "Greater", "GreaterEqual", "Less", "LessEqual", "Equal", "NotEqual", "OneHot"]) {
      const op = getOp(name);
      assert.ok(op !== undefined, `${name} not registered`);
      assert.equal(op.grad, null, `${name} should have no gradient`);
    }
    const x = new Variable(f64([[1, 5], [7, 2]]));
    const tape = new GradientTape({ persistent: true });
    const viaArgMax = sum(cast(argMax(x, 1), "float64"));
    const viaCompare = sum(cast(greater(x, 2), "float64"));
    const viaOneHot = sum(oneHot(argMax(x, 1), 2));
    assert.equal(tape.gradient(viaArgMax, x), null);
    assert.equal(tape.gradient(viaCompare, x), null);
    assert.equal(tape.gradient(viaOneHot, x), null);
    // a mix: the float path still gives its gradient, the int path adds nothing
    const mixed = add(sum(x), sum(cast(equal(x, 5), "float64")));
    assert.deepEqual(values(tape.gradient(mixed, x)), [1, 1, 1, 1]);
  });
  test("cast between float dtypes carries the gradient, converted back to the source dtype", () => {
    const x = new Variable(tensor([0.5, 2]));
    const tape = new GradientTape();
    const y = sum(mul(cast(x, "float64"), f64([3, 4])));
    const g = tape.gradient(y, x);
    assert.equal(g?.dtype, "float32");
    assert.deepEqual(values(g), [3, 4]);
  });
  test("a non-persistent tape can be used once; a persistent one many times", () => {
    const x = new Variable(f64([2]));
    const once = new GradientTape();
    const y = square(x);
    once.gradient(y, x);
    assert.throws(() => once.gradient(y, x), (e: unknown) => e instanceof GradientError && /persistent/.test(e.message));
    const many = new GradientTape({ persistent: true });
    const z = square(x);
    const w = mul(z, z);
    assert.deepEqual(values(many.gradient(z, x)), [4]);
    assert.deepEqual(values(many.gradient(w, x)), [32]);
    many.stop();
  });
  test("nested tapes give second derivatives: d²/dx² x³ = 6x", () => {
    const x = new Variable(f64([1.5, -2]));
    const outer = new GradientTape();
    const inner = new GradientTape();
    const y = mul(mul(x, x), x);
    const dy = inner.gradient(y, x) as Tensor;
    assert.deepEqual(values(dy), [6.75, 12]);
    const d2 = outer.gradient(dy, x);
    assert.deepEqual(values(d2), [9, -12]);
  });
  test("watch makes a plain tensor a source; unwatched plain tensors give null", () => {
    const x = f64([1, 2]);
    const plain = new GradientTape();
    assert.equal(plain.gradient(sum(square(x)), x), null);
    const watched = new GradientTape();
    watched.watch(x);
    assert.deepEqual(values(watched.gradient(sum(square(x)), x)), [2, 4]);
  });
  test("trainable: false variables are not watched automatically, but can be watched explicitly", () => {
    const frozen = new Variable(f64([1, 2]), { name: "frozen", trainable: false });
    const t1 = new GradientTape();
    assert.equal(t1.gradient(sum(square(frozen)), frozen), null);
    const t2 = new GradientTape();
    t2.watch(frozen);
    assert.deepEqual(values(t2.gradient(sum(square(frozen)), frozen)), [2, 4]);
  });
  test("watchAccessedVariables: false watches only what watch() names", () => {
    const a = new Variable(f64([1]));
    const b = new Variable(f64([1]));
    const tape = new GradientTape({ watchAccessedVariables: false });
    tape.watch(a);
    const [ga, gb] = tape.gradient(mul(a, b), [a, b]);
    assert.deepEqual(values(ga), [1]);
    assert.equal(gb, null);
  });
  test("ops run after stop() are not recorded", () => {
    const x = new Variable(f64([1]));
    const tape = new GradientTape();
    tape.stop();
    assert.equal(tape.gradient(square(x), x), null);
  });
  test("record sources give a record of gradients with the same keys", () => {
    const W = new Variable(f64([[1], [2]]), { name: "W" });
    const b = new Variable(f64([0.5]), { name: "b" });
    const unused = new Variable(f64([0]));
    const tape = new GradientTape();
    const loss = mean(sigmoid(add(matMul(f64([[1, 1]]), W), b)));
    const g = tape.gradient(loss, { W, b, unused });
    assert.deepEqual(Object.keys(g), ["W", "b", "unused"]);
    const s = 1 / (1 + Math.exp(-3.5));
    const d = s * (1 - s);
    assert.ok(Math.abs((values(g.W)[0] as number) - d) < 1e-15);
    assert.ok(Math.abs((values(g.b)[0] as number) - d) < 1e-15);
    assert.equal(g.unused, null);
  });
  test("outputGradient weights the target; a wrong shape is a GradientError", () => {
    const x = new Variable(f64([1, 2]));
    const tape = new GradientTape({ persistent: true });
    const y = square(x);
    assert.deepEqual(values(tape.gradient(y, x, f64([10, 100]))), [20, 400]);
    assert.throws(() => tape.gradient(y, x, f64([1])), GradientError);
  });
  test("an intermediate tensor computed on the tape from a watched one can be a source", () => {
    const W = new Variable(f64([[1], [2]]));
    const tape = new GradientTape({ persistent: true });
    const h = matMul(f64([[1, 1], [2, 0]]), W); // [[3], [2]]
    const loss = sum(square(h));
    assert.deepEqual(values(tape.gradient(loss, h)), [6, 4]);
    const [gh, gW] = tape.gradient(loss, [h, W]);
    assert.deepEqual(values(gh), [6, 4]);
    assert.deepEqual(values(gW), [14, 6]); // Xᵀ·(2h) = [1·6 + 2·4, 1·6 + 0·4]
    // computed from an unwatched plain tensor only: not connected, so null
    const c = f64([1, 2]);
    const k = mul(c, 2);
    assert.equal(tape.gradient(sum(k), k), null);
  });
  test("the gradient of a scalar target with respect to itself is 1", () => {
    const x = new Variable(tensor(3, [], "float64"));
    const tape = new GradientTape();
    const y = mul(x, 1);
    assert.deepEqual(values(tape.gradient(y, y)), [1]);
  });
  test("asking a gradient inside an op's gradient function is a GradientError", () => {
    const inner = new GradientTape({ persistent: true });
    const Reentrant = registerOp("TestReentrantGradient", (dy) => {
      inner.gradient(dy, dy);
      return [dy];
    });
    const x = new Variable(f64([1]));
    const tape = new GradientTape();
    const y = runOp(Reentrant, [x], mul(x, 1));
    assert.throws(() => tape.gradient(y, x), (e: unknown) => e instanceof GradientError && /inside an op's gradient/.test(e.message));
    inner.stop();
    // the failed pass leaves the tape machinery usable
    const t2 = new GradientTape();
    assert.deepEqual(values(t2.gradient(square(x), x)), [2]);
  });
  test("every op of the eager core is registered, with a gradient exactly when it is differentiable", () => {
    const withGrad = ["Abs", "Add", "BroadcastTo", "Cast", "ClipByValue", "Concat", "Div", "Exp", "Gather", "Log", "Log1p", "LogSoftmax",
      "LogSumExp", "MatMul", "Max", "Maximum", "Mean", "MeanGrad", "Min", "Minimum", "Mul", "Neg", "Pad", "Pow", "Relu", "Reshape",
      "Sigmoid", "SigmoidGrad", "Slice", "Softmax", "Softplus", "Sqrt", "Square", "Sub", "Sum", "Tanh", "Transpose",
      "UnsortedSegmentSum", "Where"];
    const without = ["ArgMax", "Equal", "Greater", "GreaterEqual", "Less", "LessEqual", "NotEqual", "OneHot"];
    for (const name of withGrad) assert.equal(typeof getOp(name)?.grad, "function", `${name} should have a gradient`);
    for (const name of without) assert.equal(getOp(name)?.grad, null, `${name} should be registered without gradient`);
    assert.throws(() => registerOp("Add", null), (e: unknown) => e instanceof GradientError && /already registered/.test(e.message));
  });
  test("a non-float target is a GradientError", () => {
    const x = new Variable(f64([1]));
    const tape = new GradientTape();
    assert.throws(() => tape.gradient(cast(x, "int32"), x), (e: unknown) => e instanceof GradientError && /int32/.test(e.message));
  });
});

describe("valueAndGrads", () => {
  test("returns the value and the gradients in the structure of the sources", () => {
    const w = new Variable(f64([2, -1]));
    const c = f64([3, 4]);
    const { value, grads } = valueAndGrads(() => sum(mul(w, c)), [w, c]);
    assert.equal(value.dataSync()[0], 2);
    assert.deepEqual(values(grads[0]), [3, 4]);
    assert.deepEqual(values(grads[1]), [2, -1]);
    const single = valueAndGrads(() => sum(square(c)), c);
    assert.deepEqual(values(single.grads), [6, 8]);
    const rec = valueAndGrads(() => sum(square(c)), { c, w });
    assert.deepEqual(values(rec.grads.c), [6, 8]);
    assert.equal(rec.grads.w, null);
  });
  test("an error in fn stops the tape and propagates", () => {
    const x = f64([1, 2]);
    assert.throws(() => valueAndGrads(() => add(x, zeros([3], "float64")), x), ShapeError);
    // the failed tape does not keep recording: a fresh gradient computation is unaffected
    const v = new Variable(f64([3]));
    assert.deepEqual(values(valueAndGrads(() => square(v), v).grads), [6]);
  });
});

describe("Variable", () => {
  test("holds a copy; assign, assignSub, assignAdd; shape mismatch is a ShapeError naming the variable", () => {
    const init = tensor([1, 2]);
    const v = new Variable(init, { name: "w" });
    assert.equal(v.name, "w");
    assert.equal(v.trainable, true);
    v.assignSub(tensor([0.5, 0.5]));
    assert.deepEqual(v.arraySync(), [0.5, 1.5]);
    assert.deepEqual(init.arraySync(), [1, 2]);
    v.assign(f64([7, 8]));
    assert.equal(v.dtype, "float32");
    assert.deepEqual(v.arraySync(), [7, 8]);
    v.assignAdd(tensor([1, 1]));
    assert.deepEqual(v.arraySync(), [8, 9]);
    assert.throws(() => v.assign(tensor([1, 2, 3])), (e: unknown) => e instanceof ShapeError && /'w'/.test(e.message) && /\[3\]/.test(e.message) && /\[2\]/.test(e.message));
    assert.ok(v.toString().startsWith("Variable"));
    assert.deepEqual(new Variable(scalar(1)).shape, []);
  });
  test("a tensor computed from a variable keeps its value after the variable is updated", () => {
    const v = new Variable(tensor([1, 2]));
    const y = mul(v, 1);
    const r = sub(v, 0);
    const same = [reshape(v, [2]), cast(v, "float32"), broadcastTo(v, [2]), reshape(v, [2, 1])];
    v.assign(tensor([5, 5]));
    v.assignSub(tensor([1, 1]));
    assert.deepEqual(y.arraySync(), [1, 2]);
    assert.deepEqual(r.arraySync(), [1, 2]);
    for (const t of same) {
      assert.ok(!(t instanceof Variable));
      assert.deepEqual(Array.from(t.dataSync()), [1, 2]);
    }
    assert.deepEqual(v.arraySync(), [4, 4]);
  });
  test("gradients flow through the snapshots of a variable", () => {
    const v = new Variable(f64([1, 2]));
    const tape = new GradientTape();
    const y = sum(mul(reshape(v, [2]), cast(v, "float64")));
    assert.deepEqual(values(tape.gradient(y, v)), [2, 4]);
  });
});
