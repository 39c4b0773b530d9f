// Forward values of the ops against closed forms and hand-written broadcasting results.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  type Tensor,
  ShapeError,
  ValueError,
  tensor,
  scalar,
  zeros,
  add,
  sub,
  mul,
  div,
  neg,
  exp,
  log,
  log1p,
  sqrt,
  square,
  pow,
  abs,
  sigmoid,
  softplus,
  tanh,
  relu,
  maximum,
  minimum,
  clipByValue,
  matMul,
  sum,
  mean,
  max,
  min,
  logSumExp,
  softmax,
  logSoftmax,
  reshape,
  transpose,
  concat,
  slice,
  pad,
  gather,
  unsortedSegmentSum,
  oneHot,
  cast,
  where,
  argMax,
  greater,
  greaterEqual,
  less,
  lessEqual,
  equal,
  notEqual,
  Variable,
} from "../../src/index.js";

const f64 = (v: Parameters<typeof tensor>[0]) => tensor(v, undefined, "float64");
const i32 = (v: Parameters<typeof tensor>[0]) => tensor(v, undefined, "int32");

function assertAllClose(t: Tensor, want: number[], tol = 1e-12): void {
  const got = Array.from(t.dataSync());
  assert.equal(got.length, want.length, `length ${got.length} vs ${want.length}`);
  got.forEach((g, i) => {
    const w = want[i] as number;
    assert.ok(g === w || Math.abs(g - w) <= tol * Math.max(1, Math.abs(w)), `element ${i}: ${g} vs ${w}`);
  });
}

describe("broadcasting arithmetic (results written out by hand)", () => {
  test("[3,1] + [1,4] is an outer sum", () => {
    const r = add(tensor([[1], [2], [3]]), tensor([[10, 20, 30, 40]]));
    assert.deepEqual(r.shape, [3, 4]);
    assert.deepEqual(r.arraySync(), [
      [11, 21, 31, 41],
      [12, 22, 32, 42],
      [13, 23, 33, 43],
    ]);
  });
  test("[2,2,3] − [3] and [3] − [2,1,1]", () => {
    const a = tensor([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]);
    assert.deepEqual(sub(a, tensor([1, 2, 3])).arraySync(), [[[0, 0, 0], [3, 3, 3]], [[6, 6, 6], [9, 9, 9]]]);
    assert.deepEqual(sub(tensor([1, 2, 3]), tensor([[[1]], [[2]]])).arraySync(), [[[0, 1, 2]], [[-1, 0, 1]]]);
  });
  test("numbers as scalar operands take the tensor's dtype", () => {
    const r = mul(2, f64([1.5, -2]));
    assert.equal(r.dtype, "float64");
    assert.deepEqual(r.arraySync(), [3, -4]);
    assert.deepEqual(div(1, tensor([4, 8])).arraySync(), [0.25, 0.125]);
    assert.deepEqual(pow(2, tensor([3, 0.5])).dataSync()[0], 8);
    assert.equal(add(scalar(1), scalar(2)).rank, 0);
  });
  test("empty tensors broadcast to empty results", () => {
    const e = add(zeros([0, 3]), tensor([1, 2, 3]));
    assert.deepEqual(e.shape, [0, 3]);
    assert.deepEqual(e.arraySync(), []);
    assert.equal(sum(zeros([0, 3])).dataSync()[0], 0);
    assert.deepEqual(sum(zeros([0, 3]), 0).arraySync(), [0, 0, 0]);
  });
  test("int32 division is true division giving float64 (as TensorFlow)", () => {
    const r = div(i32([1, 7]), i32([2, 2]));
    assert.equal(r.dtype, "float64");
    assert.deepEqual(r.arraySync(), [0.5, 3.5]);
  });
  test("Variables are accepted wherever tensors are", () => {
    const v = new Variable(tensor([[1, 2]]));
    assert.deepEqual(matMul(v, transpose(v)).arraySync(), [[5]]);
    assert.deepEqual(add(v, v).arraySync(), [[2, 4]]);
  });
});

describe("elementwise functions against closed forms", () => {
  const xs = [-3.5, -1, -1e-9, 0, 1e-9, 0.5, 2, 7];
  const x = f64(xs);
  test("exp, log, log1p, sqrt, square, abs, neg, tanh", () => {
    assertAllClose(exp(x), xs.map(Math.exp));
    assertAllClose(log(f64([1, Math.E, 10])), [0, 1, Math.LN10]);
    assertAllClose(log1p(f64([1e-15, -0.5])), [1e-15, -Math.LN2]);
    assertAllClose(sqrt(f64([0, 2.25, 1e6])), [0, 1.5, 1e3]);
    assertAllClose(square(x), xs.map((v) => v * v));
    assertAllClose(abs(x), xs.map(Math.abs));
    assertAllClose(neg(x), xs.map((v) => -v));
    assertAllClose(tanh(x), xs.map(Math.tanh));
    assert.equal(abs(i32([-3])).dtype, "int32");
  });
  test("log of 0 is −∞ and of a negative is NaN (IEEE), sqrt of a negative is NaN", () => {
    const r = Array.from(log(f64([0, -1])).dataSync());
    assert.equal(r[0], -Infinity);
    assert.ok(Number.isNaN(r[1]));
    assert.ok(Number.isNaN(sqrt(f64([-1])).dataSync()[0]));
  });
  test("sigmoid is exact in the tails and 1/(1+e^−x) in the middle", () => {
    assertAllClose(sigmoid(f64([0, 2, -2])), [0.5, 1 / (1 + Math.exp(-2)), 1 / (1 + Math.exp(2))], 1e-15);
    const tails = Array.from(sigmoid(f64([800, -800])).dataSync());
    assert.deepEqual(tails, [1, 0]);
    assert.ok((sigmoid(f64([-700])).dataSync()[0] as number) > 0, "sigmoid(−700) underflowed to 0");
  });
  test("softplus(±1e4) finite and exact; ln 2 at 0; matches ln(1+e^x) in the middle", () => {
    assert.deepEqual(Array.from(softplus(f64([1e4, -1e4])).dataSync()), [1e4, 0]);
    assert.deepEqual(Array.from(softplus(tensor([1e4, -1e4])).dataSync()), [1e4, 0]);
    assertAllClose(softplus(f64([0, 1, -1, 30])), [Math.LN2, Math.log(1 + Math.E), Math.log(1 + 1 / Math.E), 30 + Math.exp(-30)], 1e-15);
    assert.equal(softplus(f64([-50])).dataSync()[0], Math.exp(-50) - Math.exp(-100) / 2);
  });
  test("relu, maximum, minimum, clipByValue (NaN propagates)", () => {
    assert.deepEqual(relu(tensor([-2, 0, 3])).arraySync(), [0, 0, 3]);
    assert.deepEqual(maximum(tensor([[1, 5]]), tensor([[3], [0]])).arraySync(), [[3, 5], [1, 5]]);
    assert.deepEqual(minimum(tensor([[1, 5]]), tensor([[3], [0]])).arraySync(), [[1, 3], [0, 0]]);
    assert.deepEqual(clipByValue(tensor([-2, 0.5, 3]), 0, 1).arraySync(), [0, 0.5, 1]);
    assert.ok(Number.isNaN(clipByValue(f64([NaN]), 0, 1).dataSync()[0]));
    assert.ok(Number.isNaN(maximum(f64([NaN]), 1).dataSync()[0]));
    assert.throws(() => clipByValue(tensor([1]), 2, 1), (e: unknown) => e instanceof ValueError && /clipByValue/.test(e.message));
  });
  test("pow with integer and fractional exponents", () => {
    assertAllClose(pow(f64([2, 9, 4]), f64([10, 0.5, -1])), [1024, 3, 0.25]);
    assert.deepEqual(pow(i32([2, 3]), 2).arraySync(), [4, 9]);
  });
  test("float32 results are rounded to float32", () => {
    assert.equal(exp(tensor([1])).dataSync()[0], Math.fround(Math.E));
  });
});

describe("reductions", () => {
  const x = f64([
    [1, 2, 3],
    [4, 5, 9],
  ]);
  test("sum, mean, max, min over each axis, keepDims", () => {
    assert.deepEqual(sum(x).arraySync(), 24);
    assert.deepEqual(sum(x, 0).arraySync(), [5, 7, 12]);
    assert.deepEqual(sum(x, 1, true).arraySync(), [[6], [18]]);
    assert.deepEqual(mean(x).arraySync(), 4);
    assert.deepEqual(mean(x, -1).arraySync(), [2, 6]);
    assert.deepEqual(mean(x, [0, 1], true).arraySync(), [[4]]);
    assert.deepEqual(max(x, 0).arraySync(), [4, 5, 9]);
    assert.deepEqual(min(x, 1, true).arraySync(), [[1], [4]]);
    assert.deepEqual(max(x).arraySync(), 9);
    assert.deepEqual(min(x).arraySync(), 1);
  });
  test("mean of int32 and bool gives float32; max keeps int32", () => {
    const m = mean(i32([1, 2]));
    assert.equal(m.dtype, "float32");
    assert.equal(m.dataSync()[0], 1.5);
    assert.equal(mean(tensor([true, false, true, true])).dataSync()[0], 0.75);
    assert.equal(max(i32([3, -1])).dtype, "int32");
  });
  test("mean, max, min of an empty axis throw a ValueError naming the op", () => {
    for (const [name, f] of [
      ["mean", mean],
      ["max", max],
      ["min", min],
      ["logSumExp", logSumExp],
    ] as const) {
      assert.throws(() => f(zeros([0])), (e: unknown) => e instanceof ValueError && e.message.startsWith(name) && /empty/.test(e.message));
      assert.throws(() => f(zeros([2, 0]), 1), ValueError);
      assert.deepEqual(f(zeros([0, 2]), 1).shape, [0], `${name} over a non-empty axis of an empty tensor`);
    }
    assert.throws(() => argMax(zeros([0, 2])), ValueError);
  });
  test("logSumExp of [1000, 1000] = 1000 + ln 2, of [−1000, −1000] = −1000 + ln 2, and per axis", () => {
    assert.equal(logSumExp(f64([1000, 1000])).dataSync()[0], 1000 + Math.LN2);
    assert.equal(logSumExp(f64([-1000, -1000])).dataSync()[0], -1000 + Math.LN2);
    assertAllClose(logSumExp(x, 1), [Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), Math.log(Math.exp(4) + Math.exp(5) + Math.exp(9))]);
    assertAllClose(logSumExp(x, 0, true), [1, 2, 3].map((v, i) => Math.log(Math.exp(v) + Math.exp([4, 5, 9][i] as number))));
    assert.equal(logSumExp(f64([-Infinity, -Infinity])).dataSync()[0], -Infinity);
    assert.equal(logSumExp(f64([Infinity, 0])).dataSync()[0], Infinity);
  });
  test("softmax rows sum to 1 and match e^x/Σe^x; logSoftmax = log softmax; both stable", () => {
    const s = softmax(x);
    const rows = sum(s, 1).dataSync();
    for (const r of rows) assert.ok(Math.abs(r - 1) < 1e-15);
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    assertAllClose(slice(s, [0, 0], [1, -1]), [Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z]);
    assertAllClose(logSoftmax(x), Array.from(log(s).dataSync()), 1e-14);
    assert.deepEqual(Array.from(softmax(f64([1000, 1000])).dataSync()), [0.5, 0.5]);
    assert.deepEqual(Array.from(logSoftmax(f64([0, 1000])).dataSync()), [-1000, 0]);
    const cols = sum(softmax(x, 0), 0).dataSync();
    for (const c of cols) assert.ok(Math.abs(c - 1) < 1e-15);
  });
  test("argMax gives int32, first index on ties, default axis 0", () => {
    const r = argMax(tensor([[1, 9, 3], [7, 2, 7]]), 1);
    assert.equal(r.dtype, "int32");
    assert.deepEqual(r.arraySync(), [1, 0]);
    assert.deepEqual(argMax(tensor([[1, 9, 3], [7, 2, 7]])).arraySync(), [1, 0, 1]);
    assert.deepEqual(argMax(f64([1, NaN, 5])).arraySync(), 1);
  });
});

describe("comparisons give bool tensors", () => {
  const a = tensor([1, 2, 3]);
  const b = tensor([[2], [3]]);
  test("each comparison, broadcasting [3] against [2,1]", () => {
    const cases: [string, (x: Tensor, y: Tensor) => Tensor, boolean[][]][] = [
      ["greater", greater, [[false, false, true], [false, false, false]]],
      ["greaterEqual", greaterEqual, [[false, true, true], [false, false, true]]],
      ["less", less, [[true, false, false], [true, true, false]]],
      ["lessEqual", lessEqual, [[true, true, false], [true, true, true]]],
      ["equal", equal, [[false, true, false], [false, false, true]]],
      ["notEqual", notEqual, [[true, false, true], [true, true, false]]],
    ];
    for (const [name, f, want] of cases) {
      const r = f(a, b);
      assert.equal(r.dtype, "bool", name);
      assert.deepEqual(r.arraySync(), want, name);
    }
  });
  test("NaN compares unequal to everything", () => {
    const n = f64([NaN]);
    assert.deepEqual([equal(n, n), notEqual(n, n), greater(n, 0), less(n, 0)].map((t) => t.arraySync()), [[false], [true], [false], [false]]);
  });
});

describe("shape ops", () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  test("transpose and perm", () => {
    assert.deepEqual(transpose(x).arraySync(), [[1, 4], [2, 5], [3, 6]]);
    const t3 = reshape(tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), [2, 3, 2]);
    const p = transpose(t3, [2, 0, 1]);
    assert.deepEqual(p.shape, [2, 2, 3]);
    // p[k][i][j] = t3[i][j][k] = 6i + 2j + k
    assert.deepEqual(p.arraySync(), [[[0, 2, 4], [6, 8, 10]], [[1, 3, 5], [7, 9, 11]]]);
    assert.throws(() => transpose(x, [0, 0]), (e: unknown) => e instanceof ShapeError && /transpose/.test(e.message) && /\[2,3\]/.test(e.message));
  });
  test("concat, slice, pad", () => {
    assert.deepEqual(concat([x, tensor([[7, 8, 9]])]).arraySync(), [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    assert.deepEqual(concat([x, tensor([[0], [0]])], -1).arraySync(), [[1, 2, 3, 0], [4, 5, 6, 0]]);
    assert.deepEqual(slice(x, [1, 1], [1, -1]).arraySync(), [[5, 6]]);
    assert.deepEqual(slice(x, [0, 2]).arraySync(), [[3], [6]]);
    assert.deepEqual(slice(x, [0, 3], [2, 0]).shape, [2, 0]);
    assert.deepEqual(pad(tensor([1, 2]), [[1, 2]]).arraySync(), [0, 1, 2, 0, 0]);
    assert.throws(() => concat([x, tensor([1, 2])]), (e: unknown) => e instanceof ShapeError && /\[2,3\]/.test(e.message) && /\[2\]/.test(e.message));
    assert.throws(() => slice(x, [1, 1], [2, 1]), (e: unknown) => e instanceof ShapeError && /slice/.test(e.message) && /\[2,3\]/.test(e.message));
  });
  test("gather along each axis, with 2-D indices; unsortedSegmentSum", () => {
    assert.deepEqual(gather(x, [1, 0, 1]).arraySync(), [[4, 5, 6], [1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(gather(x, [2, 0], 1).arraySync(), [[3, 1], [6, 4]]);
    const g = gather(tensor([10, 20, 30]), i32([[2, 1], [0, 0]]));
    assert.deepEqual(g.arraySync(), [[30, 20], [10, 10]]);
    assert.throws(() => gather(x, [2]), (e: unknown) => e instanceof ValueError && /index 2/.test(e.message));
    assert.throws(() => gather(x, tensor([0])), (e: unknown) => e instanceof ShapeError && /int32/.test(e.message));
    assert.deepEqual(unsortedSegmentSum(x, [1, 1], 3).arraySync(), [[0, 0, 0], [5, 7, 9], [0, 0, 0]]);
  });
  test("oneHot gives float32 rows; out-of-range indices give zero rows (TensorFlow's rule)", () => {
    const r = oneHot(i32([0, 2, -1, 3]), 3);
    assert.equal(r.dtype, "float32");
    assert.deepEqual(r.arraySync(), [[1, 0, 0], [0, 0, 1], [0, 0, 0], [0, 0, 0]]);
    assert.deepEqual(oneHot(i32([[1]]), 2, 5, -1).arraySync(), [[[-1, 5]]]);
    assert.throws(() => oneHot(tensor([1]), 3), (e: unknown) => e instanceof ShapeError && /oneHot/.test(e.message));
  });
  test("cast truncates toward zero to int32, tests ≠ 0 for bool, and is the identity on the same dtype", () => {
    assert.deepEqual(cast(tensor([1.7, -1.7, 0]), "int32").arraySync(), [1, -1, 0]);
    assert.deepEqual(cast(tensor([0.5, 0]), "bool").arraySync(), [true, false]);
    assert.deepEqual(cast(tensor([true, false]), "float64").arraySync(), [1, 0]);
    const t = tensor([1]);
    assert.equal(cast(t, "float32"), t);
    assert.equal(cast(f64([0.1]), "float32").dataSync()[0], Math.fround(0.1));
  });
  test("where broadcasts cond, a and b", () => {
    const r = where(tensor([[true], [false]]), tensor([1, 2, 3]), 0);
    assert.deepEqual(r.arraySync(), [[1, 2, 3], [0, 0, 0]]);
    assert.throws(() => where(tensor([1]), tensor([1]), 0), (e: unknown) => e instanceof ShapeError && /bool/.test(e.message));
  });
});

describe("shape and dtype errors name the op and both shapes", () => {
  const cases: [string, () => unknown, string[]][] = [
    ["add", () => add(zeros([2, 3]), zeros([4])), ["add", "[2,3]", "[4]"]],
    ["sub", () => sub(zeros([3, 2]), zeros([2, 3])), ["sub", "[3,2]", "[2,3]"]],
    ["mul", () => mul(zeros([5]), zeros([4])), ["mul", "[5]", "[4]"]],
    ["div", () => div(zeros([2]), zeros([3])), ["div", "[2]", "[3]"]],
    ["maximum", () => maximum(zeros([2]), zeros([3])), ["maximum", "[2]", "[3]"]],
    ["equal", () => equal(zeros([2]), zeros([3])), ["equal", "[2]", "[3]"]],
    ["matMul", () => matMul(zeros([2, 3]), zeros([2, 3])), ["matMul", "[2,3]"]],
    ["matMul rank", () => matMul(zeros([2]), zeros([2, 3])), ["matMul", "[2]", "[2,3]"]],
    ["add dtype", () => add(zeros([2]), zeros([2], "float64")), ["add", "float32", "float64", "[2]"]],
    ["matMul dtype", () => matMul(zeros([1, 2]), zeros([2, 1], "float64")), ["matMul", "[1,2]", "[2,1]"]],
    ["reshape", () => reshape(zeros([2, 3]), [4]), ["reshape", "[2,3]", "[4]"]],
    ["where", () => where(tensor([true, false]), zeros([3]), 0), ["where", "[2]", "[3]"]],
    ["exp int", () => exp(i32([1])), ["exp", "int32"]],
    ["sum axis", () => sum(zeros([2, 3]), 2), ["sum", "axis 2"]],
    ["softmax axis", () => softmax(zeros([2, 3]), 2), ["softmax", "axis 2", "[2,3]"]],
  ];
  for (const [name, fn, parts] of cases) {
    test(name, () => {
      assert.throws(fn, (e: unknown) => {
        assert.ok(e instanceof ShapeError, `${name}: not a ShapeError: ${String(e)}`);
        for (const p of parts) assert.ok(e.message.includes(p), `${name}: message "${e.message}" lacks "${p}"`);
        return true;
      });
    });
  }
});
