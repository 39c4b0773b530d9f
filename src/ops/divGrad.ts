// divGrad: −dy · a / b², the gradient of a / b with respect to b, fused into one kernel (the composed
// form takes four ops: two products, a quotient and a negation). Used when b and dy have the same
// shape and a has it too or is a single value, as in div(1, x). Its own gradient, for second
// derivatives: −ddx·a/b² to dy, −ddx·dy/b² to a (summed when a is a single value) and
// 2·ddx·dy·a/b³ to b.
import { allocate } from "../tensor/dtype.js";
import { sameShape } from "../tensor/shape.js";
import { type Tensor, kernelTensor } from "../tensor/tensor.js";
import { div } from "./div.js";
import { registerOp, runOp } from "./engine.js";
import { mul } from "./mul.js";
import { unbroadcast } from "./unbroadcast.js";

const DivGradOp = registerOp("DivGrad", (ddx, node, needs) => {
  const [dy, a, b] = node.inputs as [Tensor, Tensor, Tensor];
  return [
    needs[0] ? divGrad(ddx, a, b) : null,
    needs[1] ? unbroadcast(divGrad(ddx, dy, b), a.shape) : null,
    needs[2] ? mul(mul(ddx, dy), div(mul(a, 2), mul(b, mul(b, b)))) : null,
  ];
});

/** Whether `divGrad(dy, a, b)` applies: b has dy's shape, and a has it too or holds a single value of no higher rank. */
export function divGradFits(dy: Tensor, a: Tensor, b: Tensor): boolean {
  return sameShape(b.shape, dy.shape) && a.dtype === b.dtype && dy.dtype === b.dtype && (sameShape(a.shape, dy.shape) || (a.size === 1 && a.rank <= dy.rank));
}

/** −dy · a / b² elementwise, in dy's shape (internal: div's gradient for its divisor; see `divGradFits`). */
export function divGrad(dy: Tensor, a: Tensor, b: Tensor): Tensor {
  const dv = dy.dataSync();
  const av = a.dataSync();
  const bv = b.dataSync();
  const out = allocate(dy.dtype, dv.length);
  if (av.length === 1 && dv.length !== 1) {
    const p = av[0] as number;
    for (let i = 0; i < out.length; i++) {
      const q = bv[i] as number;
      out[i] = (-(dv[i] as number) * p) / (q * q);
    }
  } else {
    for (let i = 0; i < out.length; i++) {
      const q = bv[i] as number;
      out[i] = (-(dv[i] as number) * (av[i] as number)) / (q * q);
    }
  }
  return runOp(DivGradOp, [dy, a, b], kernelTensor(out, dy.shape, dy.dtype));
}
