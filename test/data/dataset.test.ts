import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { Dataset, Tensor, ShapeError, ValueError, tensor, Variable, zeros } from "../../src/index.js";

const flat = (t: Tensor): number[] => Array.from(t.dataSync());

/** x: rows [i, 10 i] for i < n (float32); y: i (int32). */
function data(n: number): { x: Tensor; y: Tensor } {
  const xs: number[][] = [];
  for (let i = 0; i < n; i++) xs.push([i, 10 * i]);
  return { x: tensor(xs), y: tensor(Array.from({ length: n }, (_, i) => i), [n], "int32") };
}

describe("Dataset.fromTensorSlices", () => {
  test("a single tensor yields its rows with the row shape", () => {
    const { x } = data(3);
    const rows = Dataset.fromTensorSlices(x).toArray();
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[2]!.shape, [2]);
    assert.deepEqual(rows.map(flat), [[0, 0], [1, 10], [2, 20]]);
  });

  test("a tuple [x, y] yields [row, label] pairs, a 1-D tensor gives scalars", () => {
    const { x, y } = data(4);
    const out: [number[], number][] = [];
    for (const [xi, yi] of Dataset.fromTensorSlices([x, y])) {
      assert.deepEqual(yi.shape, []);
      assert.equal(yi.dtype, "int32");
      out.push([flat(xi), yi.arraySync() as number]);
    }
    assert.deepEqual(out, [[[0, 0], 0], [[1, 10], 1], [[2, 20], 2], [[3, 30], 3]]);
  });

  test("a record { x, y } yields records with the same keys", () => {
    const { x, y } = data(3);
    const batches = Dataset.fromTensorSlices({ features: x, label: y }).batch(2).toArray();
    assert.equal(batches.length, 2);
    assert.deepEqual(Object.keys(batches[0]!), ["features", "label"]);
    assert.deepEqual(batches[0]!.features.shape, [2, 2]);
    assert.deepEqual(flat(batches[1]!.label), [2]);
  });

  test("components with different row counts are a ShapeError naming both shapes", () => {
    assert.throws(() => Dataset.fromTensorSlices([zeros([3, 2]), zeros([4])]), (e: unknown) => e instanceof ShapeError && /\[3,2\]/.test(e.message) && /\[4\]/.test(e.message));
    assert.throws(() => Dataset.fromTensorSlices(tensor(5)), ShapeError);
  });

  test("the data are a snapshot: assigning the source Variable later does not change the dataset", () => {
    const v = new Variable(tensor([1, 2, 3]));
    const ds = Dataset.fromTensorSlices(v);
    v.assign(tensor([7, 8, 9]));
    assert.deepEqual(ds.toArray().map(flat), [[1], [2], [3]].map((r) => r));
  });
});

describe("Dataset.batch", () => {
  test("the last partial batch is kept, or dropped with dropRemainder", () => {
    const { x, y } = data(7);
    const kept = Dataset.fromTensorSlices([x, y]).batch(3).toArray();
    assert.deepEqual(kept.map(([xb]) => xb.shape[0]), [3, 3, 1]);
    assert.deepEqual(flat(kept[2]![1]), [6]);
    assert.deepEqual(kept[2]![0].shape, [1, 2]);
    const dropped = Dataset.fromTensorSlices([x, y]).batch(3, { dropRemainder: true }).toArray();
    assert.deepEqual(dropped.map(([xb]) => xb.shape[0]), [3, 3]);
    assert.equal(Dataset.fromTensorSlices(x).batch(8, { dropRemainder: true }).toArray().length, 0);
    assert.equal(Dataset.fromTensorSlices(x).batch(7, { dropRemainder: true }).toArray().length, 1);
  });

  test("a contiguous batch is a view of the source storage, not a copy", () => {
    const { x, y } = data(6);
    const [xb, yb] = Dataset.fromTensorSlices([x, y]).batch(6).toArray()[0]!;
    assert.equal(xb.dataSync().buffer, x.dataSync().buffer);
    assert.equal(yb.dataSync().buffer, y.dataSync().buffer);
    const second = Dataset.fromTensorSlices(x).batch(4).toArray()[1]!;
    assert.equal(second.dataSync().buffer, x.dataSync().buffer);
    assert.equal(second.dataSync().byteOffset, 4 * 2 * 4);
    assert.deepEqual(flat(second), [4, 40, 5, 50]);
  });

  test("a shuffled batch is gathered into new storage with the right rows", () => {
    const { x, y } = data(10);
    for (const [xb, yb] of Dataset.fromTensorSlices([x, y]).shuffle(10, { seed: 3 }).batch(4)) {
      assert.notEqual(xb.dataSync().buffer, x.dataSync().buffer);
      const xs = flat(xb);
      flat(yb).forEach((label, k) => assert.deepEqual([xs[2 * k], xs[2 * k + 1]], [label, 10 * label]));
    }
  });

  test("batches across a repeat boundary gather rows from both passes", () => {
    const ds = Dataset.range(5).repeat(2).batch(4);
    assert.deepEqual(ds.toArray().map(flat), [[0, 1, 2, 3], [4, 0, 1, 2], [3, 4]]);
  });

  test("after map, elements are stacked (copied) with the same result as the view path", () => {
    const { x, y } = data(5);
    const viaMap = Dataset.fromTensorSlices([x, y]).map(([a, b]) => [a, b] as [Tensor, Tensor]).batch(2).toArray();
    const direct = Dataset.fromTensorSlices([x, y]).batch(2).toArray();
    assert.deepEqual(viaMap.map(([a, b]) => [flat(a), flat(b), a.shape, b.dtype]), direct.map(([a, b]) => [flat(a), flat(b), a.shape, b.dtype]));
  });

  test("stacking elements of different shapes is a ShapeError; a bad size is a ValueError", () => {
    const ds = Dataset.range(3).map((t) => (flat(t)[0] === 1 ? zeros([2]) : zeros([3])));
    assert.throws(() => ds.batch(3).toArray(), (e: unknown) => e instanceof ShapeError && /element 1/.test(e.message));
    assert.throws(() => Dataset.range(3).batch(0), ValueError);
    assert.throws(() => Dataset.range(3).batch(1.5), ValueError);
  });
});

describe("Dataset.range, repeat, take, skip, map", () => {
  test("range gives int32 scalars; start/stop/step work like Python's", () => {
    const r = Dataset.range(4).toArray();
    assert.deepEqual(r.map((t) => [t.dtype, t.shape.length, t.arraySync()]), [0, 1, 2, 3].map((i) => ["int32", 0, i]));
    assert.deepEqual(Dataset.range(2, 11, 3).toArray().map(flat), [[2], [5], [8]]);
    assert.deepEqual(Dataset.range(5, 0, -2).toArray().map(flat), [[5], [3], [1]]);
    assert.deepEqual(Dataset.range(0).toArray(), []);
  });

  test("repeat(count) runs count passes; repeat() is endless; an empty dataset repeated stays empty", () => {
    assert.deepEqual(Dataset.range(3).repeat(2).toArray().map(flat).flat(), [0, 1, 2, 0, 1, 2]);
    assert.deepEqual(Dataset.range(3).repeat().take(7).toArray().map(flat).flat(), [0, 1, 2, 0, 1, 2, 0]);
    assert.deepEqual(Dataset.range(0).repeat().toArray(), []);
    assert.deepEqual(Dataset.range(3).repeat(0).toArray(), []);
    const mapped = Dataset.range(2).map((t) => t).repeat(3).toArray().map(flat).flat();
    assert.deepEqual(mapped, [0, 1, 0, 1, 0, 1]);
    assert.deepEqual(Dataset.range(0).map((t) => t).repeat().toArray(), []);
  });

  test("take and skip, on the row path and after map", () => {
    const ids = (d: Dataset<Tensor>): number[] => d.toArray().map(flat).flat();
    assert.deepEqual(ids(Dataset.range(10).skip(3).take(4)), [3, 4, 5, 6]);
    assert.deepEqual(ids(Dataset.range(10).map((t) => t).skip(3).take(4)), [3, 4, 5, 6]);
    assert.deepEqual(ids(Dataset.range(3).skip(5)), []);
    assert.deepEqual(ids(Dataset.range(3).map((t) => t).skip(5)), []);
    assert.deepEqual(ids(Dataset.range(3).take(-1)), [0, 1, 2]);
    assert.deepEqual(ids(Dataset.range(3).skip(-1)), []);
    assert.deepEqual(ids(Dataset.range(10).skip(8).repeat(2)), [8, 9, 8, 9]);
    assert.throws(() => Dataset.range(3).take(-2), ValueError);
  });

  test("map is lazy and applied on each pass", () => {
    let calls = 0;
    const ds = Dataset.range(3).map((t) => {
      calls++;
      return t;
    });
    assert.equal(calls, 0);
    ds.toArray();
    ds.toArray();
    assert.equal(calls, 6);
  });

  test("each for-of starts over", () => {
    const ds = Dataset.range(3).batch(2);
    const a = [...ds].map(flat);
    const b = [...ds].map(flat);
    assert.deepEqual(a, [[0, 1], [2]]);
    assert.deepEqual(b, a);
  });
});

describe("Dataset.shuffle", () => {
  const order = (d: Dataset<Tensor>): number[] => d.toArray().map(flat).flat();
  const sorted = (a: number[]): number[] => [...a].sort((p, q) => p - q);
  const n = 50;
  const all = Array.from({ length: n }, (_, i) => i);

  test("a buffer smaller than the data still gives every element exactly once per epoch", () => {
    const epochs = order(Dataset.range(n).shuffle(7, { seed: 11 }).repeat(3));
    assert.equal(epochs.length, 3 * n);
    for (let e = 0; e < 3; e++) assert.deepEqual(sorted(epochs.slice(e * n, (e + 1) * n)), all);
    assert.notDeepEqual(epochs.slice(0, n), all);
  });

  test("a small buffer shuffles locally: element i is emitted no earlier than position i − buffer + 1", () => {
    const b = 5;
    const got = order(Dataset.range(n).shuffle(b, { seed: 2 }));
    got.forEach((v, pos) => assert.ok(v <= pos + b - 1, `element ${v} emitted at ${pos}, before it can enter a buffer of ${b}`));
  });

  test("the same seed gives the same orders; epochs differ when reshuffling, repeat when not", () => {
    const a = Dataset.range(n).shuffle(n, { seed: 42 });
    const b = Dataset.range(n).shuffle(n, { seed: 42 });
    const a1 = order(a);
    const a2 = order(a);
    assert.deepEqual(a1, order(b));
    assert.deepEqual(a2, order(b));
    assert.notDeepEqual(a1, a2);
    assert.deepEqual(sorted(a2), all);
    assert.notDeepEqual(order(Dataset.range(n).shuffle(n, { seed: 43 })), a1);
    const fixed = Dataset.range(n).shuffle(n, { seed: 42, reshuffleEachIteration: false });
    const f1 = order(fixed);
    assert.deepEqual(order(fixed), f1);
    assert.deepEqual(f1, a1);
  });

  test("the order does not depend on the element path (row numbers vs mapped tensors)", () => {
    const viaRows = order(Dataset.range(n).shuffle(9, { seed: 5 }));
    const viaMap = order(Dataset.range(n).map((t) => t).shuffle(9, { seed: 5 }));
    assert.deepEqual(viaMap, viaRows);
  });

  test("range(n).shuffle(n).batch(b) gives int32 index batches of shape [b], a permutation per epoch", () => {
    const m = 1000;
    const ds = Dataset.range(m).shuffle(m, { seed: 9 }).batch(64);
    for (let epoch = 0; epoch < 2; epoch++) {
      const batches = ds.toArray();
      assert.equal(batches.length, Math.ceil(m / 64));
      assert.ok(batches.slice(0, -1).every((t) => t.dtype === "int32" && t.shape.length === 1 && t.shape[0] === 64));
      assert.equal(batches.at(-1)!.shape[0], m % 64);
      const seen = batches.flatMap(flat);
      assert.deepEqual(sorted(seen), Array.from({ length: m }, (_, i) => i));
    }
  });

  test("a shuffle is roughly uniform: each value's mean position is near the middle", () => {
    const k = 8;
    const ds = Dataset.range(k).shuffle(k, { seed: 1 });
    const pos = new Array<number>(k).fill(0);
    const epochs = 4000;
    for (let e = 0; e < epochs; e++) order(ds).forEach((v, p) => (pos[v] = (pos[v] as number) + p));
    for (const s of pos) assert.ok(Math.abs(s / epochs - (k - 1) / 2) < 0.15, `mean position ${s / epochs}`);
  });

  test("a non-positive buffer is a ValueError", () => {
    assert.throws(() => Dataset.range(3).shuffle(0), ValueError);
  });
});
