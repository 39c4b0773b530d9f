// Tensor creation, dtypes, shapes, arraySync and toString.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  Tensor,
  ShapeError,
  ValueError,
  tensor,
  scalar,
  fill,
  zeros,
  ones,
  zerosLike,
  onesLike,
  broadcastShapes,
  add,
  Variable,
} from "../../src/index.js";

describe("creation", () => {
  test("tensor infers shape and dtype from nested arrays", () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    assert.deepEqual(t.shape, [2, 3]);
    assert.equal(t.dtype, "float32");
    assert.equal(t.size, 6);
    assert.equal(t.rank, 2);
    assert.ok(t.dataSync() instanceof Float32Array);
    assert.deepEqual(Array.from(t.dataSync()), [1, 2, 3, 4, 5, 6]);
    const b = tensor([true, false]);
    assert.equal(b.dtype, "bool");
    assert.ok(b.dataSync() instanceof Uint8Array);
  });
  test("tensor from a typed array keeps its dtype and copies it; an explicit shape reshapes flat values", () => {
    const src = new Float64Array([1, 2, 3, 4]);
    const t = tensor(src, [2, 2]);
    assert.equal(t.dtype, "float64");
    src[0] = 99;
    assert.equal(t.dataSync()[0], 1);
    assert.deepEqual(tensor([1, 2, 3, 4, 5, 6], [3, 2]).arraySync(), [[1, 2], [3, 4], [5, 6]]);
    assert.equal(tensor(new Int32Array([1, 2])).dtype, "int32");
  });
  test("dtype conversion: float32 rounds, int32 truncates toward zero, bool is ≠ 0", () => {
    assert.equal(tensor([0.1]).dataSync()[0], Math.fround(0.1));
    assert.notEqual(tensor([0.1]).dataSync()[0], 0.1);
    assert.equal(tensor([0.1], undefined, "float64").dataSync()[0], 0.1);
    assert.deepEqual(tensor([2.9, -2.9], undefined, "int32").arraySync(), [2, -2]);
    assert.deepEqual(tensor([2, 0, -0.5], undefined, "bool").arraySync(), [true, false, true]);
  });
  test("scalar, fill, zeros, ones, zerosLike, onesLike", () => {
    const s = scalar(3.5);
    assert.deepEqual(s.shape, []);
    assert.equal(s.rank, 0);
    assert.equal(s.size, 1);
    assert.equal(s.arraySync(), 3.5);
    assert.equal(scalar(true).arraySync(), true);
    assert.deepEqual(fill([2, 2], 7).arraySync(), [[7, 7], [7, 7]]);
    assert.equal(fill([1], 2.5, "int32").dataSync()[0], 2);
    assert.equal(fill([1], true).dtype, "bool");
    assert.deepEqual(zeros([2, 1]).arraySync(), [[0], [0]]);
    assert.deepEqual(ones([3], "int32").arraySync(), [1, 1, 1]);
    assert.equal(ones([3], "int32").dtype, "int32");
    const f = tensor([[1, 2]], undefined, "float64");
    assert.equal(zerosLike(f).dtype, "float64");
    assert.deepEqual(onesLike(f).arraySync(), [[1, 1]]);
    assert.deepEqual(zeros([0, 3]).shape, [0, 3]);
    assert.equal(zeros([0, 3]).size, 0);
  });
  test("ragged arrays, wrong sizes and bad shapes are ShapeErrors that say where", () => {
    assert.throws(() => tensor([[1, 2], [3]]), (e: unknown) => e instanceof ShapeError && /ragged/.test(e.message) && /\[1\]/.test(e.message));
    assert.throws(() => tensor([1, 2, 3], [2, 2]), (e: unknown) => e instanceof ShapeError && /3 values/.test(e.message) && /\[2,2\]/.test(e.message));
    assert.throws(() => zeros([2, -1]), (e: unknown) => e instanceof ShapeError && /zeros/.test(e.message));
    assert.throws(() => fill([1.5], 0), ShapeError);
    assert.throws(() => tensor(["a" as unknown as number]), ValueError);
  });
  test("a shape's size and strides: the Tensor constructor rejects storage that does not fit", () => {
    assert.throws(() => new Tensor(new Float32Array(3), [2, 2]), ShapeError);
    assert.throws(() => new Tensor(new Float32Array(4), [2, 2], "float64"), ShapeError);
    assert.equal(new Tensor(new Float32Array(4), [2, 2]).dtype, "float32");
  });
  test("a tensor keeps its own copy of the shape it was given", () => {
    const shape = [2, 2];
    const t = tensor([1, 2, 3, 4], shape);
    shape[0] = 4;
    assert.deepEqual(t.shape, [2, 2]);
    assert.equal(t.size, 4);
  });
  test("each tensor has its own id, the same every time it is read", () => {
    const a = tensor([1]);
    const b = tensor([1]);
    assert.notEqual(a.id, b.id);
    assert.equal(a.id, a.id);
    const ids = new Set([a.id, b.id, tensor([2]).id, zeros([2]).id]);
    assert.equal(ids.size, 4);
  });
  test("size is the number of elements, also for scalars, empty tensors and Variables after assign", () => {
    assert.equal(tensor(3).size, 1);
    assert.equal(zeros([2, 0, 3]).size, 0);
    const v = new Variable(zeros([2, 3]));
    v.assign(ones([2, 3]));
    assert.equal(v.size, 6);
    assert.equal(v.dataSync().length, 6);
  });
});

describe("broadcasting shapes (NumPy rules)", () => {
  test("compatible shapes", () => {
    assert.deepEqual(broadcastShapes([3, 1], [1, 4], "op"), [3, 4]);
    assert.deepEqual(broadcastShapes([2, 3, 4], [4], "op"), [2, 3, 4]);
    assert.deepEqual(broadcastShapes([], [2, 3], "op"), [2, 3]);
    assert.deepEqual(broadcastShapes([5, 1, 3], [4, 1], "op"), [5, 4, 3]);
    assert.deepEqual(broadcastShapes([0, 1], [1, 3], "op"), [0, 3]);
  });
  test("incompatible shapes name the op, both shapes and the dimension", () => {
    assert.throws(
      () => broadcastShapes([2, 3], [3, 2], "myOp"),
      (e: unknown) => e instanceof ShapeError && e.message.startsWith("myOp") && /\[2,3\]/.test(e.message) && /\[3,2\]/.test(e.message),
    );
    assert.throws(() => add(zeros([0]), zeros([2])), ShapeError);
  });
});

describe("arraySync and toString", () => {
  test("arraySync gives nested arrays, booleans for bool, a number for a scalar", () => {
    assert.deepEqual(tensor([[[1], [2]], [[3], [4]]]).arraySync(), [[[1], [2]], [[3], [4]]]);
    assert.deepEqual(tensor([[true], [false]]).arraySync(), [[true], [false]]);
    assert.equal(scalar(2, "int32").arraySync(), 2);
    assert.deepEqual(zeros([0, 3]).arraySync(), []);
    assert.deepEqual(zeros([2, 0]).arraySync(), [[], []]);
  });
  test("toString shows dtype, rank, shape and values, and elides the middle of long axes", () => {
    const s = tensor([[1.5, 2, 3, 4, 5, 6, 7, 8, 9]]).toString();
    assert.match(s, /^Tensor\n/);
    assert.match(s, /dtype: float32/);
    assert.match(s, /rank: 2/);
    assert.match(s, /shape: \[1,9\]/);
    assert.match(s, /\[\[1\.5, 2\.?, 3\.?, \.\.\., 7\.?, 8\.?, 9\.?\]\]/);
    const long = tensor([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]).toString();
    assert.match(long, /13\.?, \.\.\., 18/);
    for (const hidden of ["14", "15", "16", "17"]) assert.ok(!long.includes(hidden), `${hidden} should be elided`);
    assert.match(tensor([[true, false]]).toString(), /\[\[true, false\]\]/);
    assert.match(tensor([1, 2], undefined, "int32").toString(), /\[1, 2\]/);
    assert.match(tensor([1e-7]).toString(), /1\.0000e-7/);
    assert.match(tensor([[1, 2], [3, 4]]).toString(), /\[\[1\.?, 2\.?\],\n\s+\[3\.?, 4\.?\]\]/);
    assert.equal(String(tensor([0.25], undefined, "float64")).split("\n").at(-1)?.trim(), "[0.25]");
  });
});
