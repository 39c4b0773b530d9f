// Every differentiable op against central differences in float64, on random and broadcast shapes.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  type Tensor,
  Rng,
  GradientTape,
  registerOp,
  runOp,
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
  broadcastTo,
  transpose,
  concat,
  slice,
  pad,
  gather,
  unsortedSegmentSum,
  cast,
  where,
  tensor,
  greater,
} from "../../src/index.js";
import { firstDerivative, gradCheck, randTensor } from "./gradcheck.js";

const TOL = 1e-6;
const rng = new Rng(20240611);

function expectClose(name: string, f: (...xs: Tensor[]) => Tensor, inputs: readonly Tensor[]): void {
  const r = gradCheck(f, inputs);
  assert.ok(r.checked > 0 || inputs.every((x) => x.size === 0), `${name}: nothing checked`);
  assert.ok(r.maxError <= TOL, `${name}: relative error ${r.maxError} > ${TOL} at ${r.where}`);
}

/** Random shape of rank 0–3 with dimensions 1–4. */
function randomShape(): number[] {
  const rank = rng.nextInt(4);
  return Array.from({ length: rank }, () => 1 + rng.nextInt(4));
}

/** A shape that broadcasts with `s`: some dimensions set to 1, some leading ones dropped. */
function broadcastPartner(s: readonly number[]): number[] {
  const drop = rng.nextInt(s.length + 1);
  return s.slice(drop).map((d) => (rng.nextFloat() < 0.4 ? 1 : d));
}

const FIXED_PAIRS: [number[], number[]][] = [
  [[3, 1], [1, 4]],
  [[2, 3, 4], [4]],
  [[4], [2, 3, 4]],
  [[], [2, 3]],
  [[2, 3], []],
  [[], []],
  [[2, 3], [2, 3]],
  [[4, 1, 3], [2, 1]],
  [[2, 1, 3], [2, 4, 1]],
];

function shapePairs(): [number[], number[]][] {
  const pairs = [...FIXED_PAIRS];
  for (let i = 0; i < 6; i++) {
    const s = randomShape();
    const p = broadcastPartner(s);
    pairs.push(rng.nextFloat() < 0.5 ? [s, p] : [p, s]);
  }
  return pairs;
}

const UNARY_SHAPES: number[][] = [[], [5], [2, 3], [2, 3, 4], [1, 3, 1]];

describe("gradient check: elementwise binary ops with broadcasting", () => {
  const cases: [string, (a: Tensor, b: Tensor) => Tensor, [number, number], [number, number]][] = [
    ["add", add, [-2, 2], [-2, 2]],
    ["sub", sub, [-2, 2], [-2, 2]],
    ["mul", mul, [-2, 2], [-2, 2]],
    ["div", div, [-2, 2], [0.5, 2]],
    ["pow", pow, [0.5, 2], [-2, 2]],
  ];
  for (const [name, f, ra, rb] of cases) {
    test(name, () => {
      for (const [sa, sb] of shapePairs()) {
        const a = randTensor(rng, sa, ra[0], ra[1]);
        const b = randTensor(rng, sb, rb[0], rb[1]);
        expectClose(`${name} ${JSON.stringify(sa)} ${JSON.stringify(sb)}`, f, [a, b]);
      }
    });
  }
  test("div with negative divisors", () => {
    expectClose("div", div, [randTensor(rng, [2, 3], -2, 2), randTensor(rng, [3], -2, -0.5)]);
  });
  for (const [name, f] of [
    ["maximum", maximum],
    ["minimum", minimum],
  ] as const) {
    test(`${name} (inputs kept apart so no element ties)`, () => {
      for (const [sa, sb] of shapePairs()) {
        let a: Tensor;
        let b: Tensor;
        do {
          a = randTensor(rng, sa, -2, 2);
          b = randTensor(rng, sb, -2, 2);
        } while ((min(abs(sub(a, b))).dataSync()[0] as number) < 1e-3);
        expectClose(`${name} ${JSON.stringify(sa)} ${JSON.stringify(sb)}`, f, [a, b]);
      }
    });
  }
  test("where (gradient to both branches, broadcasting cond, a and b)", () => {
    const shapes: [number[], number[], number[]][] = [
      [[2, 3], [2, 3], [2, 3]],
      [[3, 1], [1, 4], [4]],
      [[2, 1, 3], [], [4, 1]],
    ];
    for (const [sc, sa, sb] of shapes) {
      const cond = greater(randTensor(rng, sc, -1, 1), 0);
      const a = randTensor(rng, sa, -2, 2);
      const b = randTensor(rng, sb, -2, 2);
      expectClose(`where ${JSON.stringify([sc, sa, sb])}`, (x, y) => where(cond, x, y), [a, b]);
    }
  });
  test("numbers as scalar operands", () => {
    const x = randTensor(rng, [2, 3], 0.5, 2);
    expectClose("2 - x", (t) => sub(2, t), [x]);
    expectClose("3 / x", (t) => div(3, t), [x]);
    expectClose("x ** 3", (t) => pow(t, 3), [x]);
    expectClose("2 ** x", (t) => pow(2, t), [x]);
  });
});

describe("gradient check: unary ops", () => {
  const cases: [string, (x: Tensor) => Tensor, number, number, number[]][] = [
    ["neg", neg, -3, 3, []],
    ["exp", exp, -2, 2, []],
    ["log", log, 0.2, 3, []],
    ["log1p", log1p, -0.5, 3, []],
    ["sqrt", sqrt, 0.2, 3, []],
    ["square", square, -2, 2, []],
    ["abs", abs, -2, 2, [0]],
    ["sigmoid", sigmoid, -6, 6, []],
    ["softplus", softplus, -6, 6, []],
    ["tanh", tanh, -3, 3, []],
    ["relu", relu, -2, 2, [0]],
    ["clipByValue(-0.5, 0.7)", (x) => clipByValue(x, -0.5, 0.7), -2, 2, [-0.5, 0.7]],
  ];
  for (const [name, f, lo, hi, kinks] of cases) {
    test(name, () => {
      for (const shape of [...UNARY_SHAPES, randomShape()]) {
        expectClose(`${name} ${JSON.stringify(shape)}`, f, [randTensor(rng, shape, lo, hi, kinks)]);
      }
    });
  }
  test("softplus and sigmoid far in the tails", () => {
    const x = tensor([-40, -20, 20, 40], undefined, "float64");
    expectClose("softplus tails", softplus, [x]);
    expectClose("sigmoid tails", sigmoid, [x]);
  });
});

describe("gradient check: reductions", () => {
  const shapes = [[5], [2, 3], [2, 3, 4]];
  const axesOf = (rank: number): (number | number[] | undefined)[] =>
    rank === 1 ? [undefined, 0, -1] : rank === 2 ? [undefined, 0, 1, -1, [0, 1]] : [undefined, 0, 1, 2, [0, 2], [-1, 1]];
  const reductions: [string, (x: Tensor, axis: number | number[] | undefined, keep: boolean) => Tensor][] = [
    ["sum", sum],
    ["mean", mean],
    ["max", max],
    ["min", min],
    ["logSumExp", logSumExp],
  ];
  for (const [name, f] of reductions) {
    test(`${name} over every axis choice, with and without keepDims`, () => {
      for (const shape of shapes) {
        for (const axis of axesOf(shape.length)) {
          for (const keep of [false, true]) {
            expectClose(`${name} ${JSON.stringify(shape)} axis ${JSON.stringify(axis)} keepDims ${keep}`, (x) => f(x, axis, keep), [
              randTensor(rng, shape, -3, 3),
            ]);
          }
        }
      }
      expectClose(`${name} of a scalar`, (x) => f(x, undefined, false), [randTensor(rng, [], -3, 3)]);
    });
  }
  test("logSumExp with large inputs (stable kernel, stable gradient)", () => {
    expectClose("logSumExp large", (x) => logSumExp(x, 1), [add(randTensor(rng, [2, 3], -1, 1), 800)]);
  });
  for (const [name, f] of [
    ["softmax", softmax],
    ["logSoftmax", logSoftmax],
  ] as const) {
    test(`${name} along each axis`, () => {
      expectClose(`${name} [4]`, (x) => f(x), [randTensor(rng, [4], -3, 3)]);
      for (const axis of [-1, 0, 1]) expectClose(`${name} [3,4] axis ${axis}`, (x) => f(x, axis), [randTensor(rng, [3, 4], -3, 3)]);
      for (const axis of [0, 1, 2]) expectClose(`${name} [2,3,4] axis ${axis}`, (x) => f(x, axis), [randTensor(rng, [2, 3, 4], -3, 3)]);
      expectClose(`${name} large logits`, (x) => f(x), [add(randTensor(rng, [2, 3], -2, 2), 500)]);
    });
  }
});

describe("gradient check: matMul and shape ops", () => {
  test("matMul with every transpose combination", () => {
    for (const tA of [false, true]) {
      for (const tB of [false, true]) {
        const a = randTensor(rng, tA ? [4, 3] : [3, 4], -2, 2);
        const b = randTensor(rng, tB ? [2, 4] : [4, 2], -2, 2);
        expectClose(`matMul tA=${tA} tB=${tB}`, (x, y) => matMul(x, y, tA, tB), [a, b]);
      }
    }
  });
  test("reshape and broadcastTo", () => {
    expectClose("reshape", (x) => reshape(x, [3, -1]), [randTensor(rng, [2, 3, 2], -2, 2)]);
    expectClose("broadcastTo [3,1]→[2,3,4]", (x) => broadcastTo(x, [2, 3, 4]), [randTensor(rng, [3, 1], -2, 2)]);
    expectClose("broadcastTo []→[2,2]", (x) => broadcastTo(x, [2, 2]), [randTensor(rng, [], -2, 2)]);
  });
  test("transpose", () => {
    expectClose("transpose 2-D", (x) => transpose(x), [randTensor(rng, [3, 4], -2, 2)]);
    for (const perm of [[1, 2, 0], [2, 0, 1], [0, 2, 1]]) {
      expectClose(`transpose ${perm}`, (x) => transpose(x, perm), [randTensor(rng, [2, 3, 4], -2, 2)]);
    }
  });
  test("concat of three inputs along each axis", () => {
    expectClose("concat axis 0", (a, b, c) => concat([a, b, c], 0), [
      randTensor(rng, [1, 3], -2, 2),
      randTensor(rng, [2, 3], -2, 2),
      randTensor(rng, [3, 3], -2, 2),
    ]);
    expectClose("concat axis -1", (a, b, c) => concat([a, b, c], -1), [
      randTensor(rng, [2, 2, 1], -2, 2),
      randTensor(rng, [2, 2, 3], -2, 2),
      randTensor(rng, [2, 2, 2], -2, 2),
    ]);
    const x = randTensor(rng, [2, 2], -2, 2);
    expectClose("concat of one tensor with itself", (t) => concat([t, t], 1), [x]);
  });
  test("slice and pad", () => {
    expectClose("slice", (x) => slice(x, [1, 0, 2], [1, -1, 2]), [randTensor(rng, [3, 2, 5], -2, 2)]);
    expectClose("slice 1-D", (x) => slice(x, 2, 3), [randTensor(rng, [6], -2, 2)]);
    expectClose("pad", (x) => pad(x, [[1, 2], [0, 3]], 0.5), [randTensor(rng, [2, 3], -2, 2)]);
  });
  test("gather (repeated indices, each axis, 2-D indices) and unsortedSegmentSum", () => {
    expectClose("gather axis 0", (x) => gather(x, [2, 0, 2, 2]), [randTensor(rng, [3, 4], -2, 2)]);
    expectClose("gather axis 1", (x) => gather(x, [1, 1, 0], 1), [randTensor(rng, [2, 3, 2], -2, 2)]);
    const idx = cast(tensor([[0, 2], [2, 1]]), "int32");
    expectClose("gather 2-D indices", (x) => gather(x, idx, 1), [randTensor(rng, [2, 3], -2, 2)]);
    expectClose("unsortedSegmentSum", (x) => unsortedSegmentSum(x, [1, 0, 1, 3], 4), [randTensor(rng, [4, 2], -2, 2)]);
  });
  test("a composite: binary cross-entropy of a logistic model", () => {
    const X = randTensor(rng, [6, 2], -2, 2);
    const y = greater(randTensor(rng, [6, 1], -1, 1), 0);
    const yf = cast(y, "float64");
    const model = (W: Tensor, b: Tensor): Tensor => {
      const h = sigmoid(add(matMul(X, W), b));
      return neg(mean(add(mul(yf, log(h)), mul(sub(1, yf), log(sub(1, h))))));
    };
    expectClose("logistic loss", model, [randTensor(rng, [2, 1], -1, 1), randTensor(rng, [1], -1, 1)]);
  });
});

describe("second derivatives through nested tapes", () => {
  const cases: [string, (...xs: Tensor[]) => Tensor, number, number][] = [
    ["sigmoid", sigmoid, -4, 4],
    ["tanh", tanh, -2, 2],
    ["exp", exp, -2, 2],
    ["log", log, 0.3, 3],
    ["softplus", softplus, -4, 4],
    ["sqrt", sqrt, 0.3, 3],
    ["div(1, x)", (x) => div(1, x), 0.5, 2],
    ["x * x", (x) => mul(x, x), -2, 2],
    ["softmax", (x) => softmax(x), -2, 2],
    ["logSumExp", (x) => logSumExp(x, 1), -2, 2],
    ["max", (x) => max(x, 1), -2, 2],
    ["square of mean over axis 1", (x) => square(mean(x, 1)), -2, 2],
    ["square of mean over all, keepDims", (x) => mul(square(mean(x, undefined, true)), x), -2, 2],
    ["square of sum over axis 0", (x) => square(sum(x, 0)), -2, 2],
    ["sigmoid of a product (third-order terms of SigmoidGrad)", (x) => sigmoid(mul(x, x)), -1.5, 1.5],
  ];
  for (const [name, f, lo, hi] of cases) {
    test(`d²/dx² of ${name}`, () => {
      expectClose(`second derivative of ${name}`, firstDerivative(f), [randTensor(rng, [2, 3], lo, hi)]);
    });
  }
  test("mixed second and third derivatives of div", () => {
    expectClose("d/dx of d/dy of div, same shapes", firstDerivative((y, x) => div(x, y)), [randTensor(rng, [2, 3], 0.5, 2), randTensor(rng, [2, 3], -2, 2)]);
    expectClose("d/dx of d/dy of div, scalar numerator", firstDerivative((y, x) => div(x, y)), [randTensor(rng, [2, 3], 0.5, 2), randTensor(rng, [], -2, 2)]);
    expectClose("d/dx of d/dy of div, broadcast numerator", firstDerivative((y, x) => div(x, y)), [randTensor(rng, [2, 3], 0.5, 2), randTensor(rng, [3], -2, 2)]);
    expectClose("third derivative of div(1, x)", firstDerivative(firstDerivative((x) => div(1, x), 5)), [randTensor(rng, [2, 3], 0.5, 2)]);
  });
  test("mixed second derivative of mul and matMul", () => {
    const a = randTensor(rng, [3, 2], -2, 2);
    const b = randTensor(rng, [2, 2], -2, 2);
    expectClose("d/db of d/da of mul", firstDerivative((x, y) => mul(x, y)), [randTensor(rng, [2, 3], -2, 2), randTensor(rng, [3], -2, 2)]);
    expectClose("d/db of d/da of matMul", firstDerivative((x, y) => matMul(x, y)), [a, b]);
  });
  test("closed forms: σ'' = σ(1−σ)(1−2σ), tanh'' = −2 tanh (1 − tanh²), exp'' = exp", () => {
    const xs = [-1.5, -0.2, 0.7, 2.5];
    const x = tensor(xs, undefined, "float64");
    const second = (f: (t: Tensor) => Tensor): number[] => {
      const outer = new GradientTape();
      outer.watch(x);
      const inner = new GradientTape();
      inner.watch(x);
      const g = inner.gradient(sum(f(x)), x) as Tensor;
      return Array.from((outer.gradient(sum(g), x) as Tensor).dataSync());
    };
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    const close = (got: number[], want: number[]) =>
      got.forEach((g, i) => assert.ok(Math.abs(g - (want[i] as number)) < 1e-12, `${g} vs ${want[i]}`));
    close(second(sigmoid), xs.map((v) => sig(v) * (1 - sig(v)) * (1 - 2 * sig(v))));
    close(second(tanh), xs.map((v) => -2 * Math.tanh(v) * (1 - Math.tanh(v) ** 2)));
    close(second(exp), xs.map(Math.exp));
    close(second((t) => mul(t, t)), xs.map(() => 2));
  });
});

describe("the checker itself", () => {
  const WrongGrad = registerOp("TestWrongGradient", (dy) => [mul(dy, 1.001)]);
  const identityWithWrongGrad = (x: Tensor): Tensor => runOp(WrongGrad, [x], mul(x, 1));
  test("catches a gradient that is off by 0.1%", () => {
    const r = gradCheck(identityWithWrongGrad, [randTensor(rng, [3], -1, 1)]);
    assert.ok(r.maxError > TOL, `a wrong gradient passed (error ${r.maxError})`);
  });
  test("catches a broadcast gradient summed over the wrong axis", () => {
    // a [3,1] + b [1,3]: a's gradient must be summed over axis 1 and b's over axis 0; swap them.
    const Swapped = registerOp("TestSwappedUnbroadcast", (dy, { inputs: [a, b] }) => [
      reshape(sum(dy, 0), a!.shape),
      reshape(sum(dy, 1), b!.shape),
    ]);
    const g = (a: Tensor, b: Tensor) => runOp(Swapped, [a, b], add(a, b));
    const r = gradCheck(g, [randTensor(rng, [3, 1], -1, 1), randTensor(rng, [1, 3], -1, 1)]);
    assert.ok(r.maxError > TOL, "a gradient summed over the wrong axis passed");
  });
});
