import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runLab05Toy } from "../../examples/lab05_1_toy.js";
import { runLab05Diabetes } from "../../examples/lab05_2_diabetes.js";
import { runLab06Zoo } from "../../examples/lab06_2_zoo.js";

const reference = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "..", "shared", "data", "reference", "tutorial.json"), "utf8")) as {
  lab05_1_toy: { printed_after_update_at_step: number[]; loss: number[]; tolerance: number; test_accuracy: number };
  lab06_2_zoo_softmax: { tf_printed: { step: number[] } };
};

describe("lab 05-1 (toy data)", () => {
  test("prints TensorFlow's 11 losses within the tolerance, then test accuracy 1", () => {
    const ref = reference.lab05_1_toy;
    const printed: string[] = [];
    const r = runLab05Toy({ log: (line) => printed.push(line) });
    assert.deepEqual(r.steps, ref.printed_after_update_at_step);
    assert.equal(r.losses.length, ref.loss.length);
    r.losses.forEach((loss, i) => assert.ok(Math.abs(loss - ref.loss[i]!) <= ref.tolerance, `step ${r.steps[i]}: ${loss} vs TensorFlow ${ref.loss[i]}`));
    assert.equal(r.testAccuracy, ref.test_accuracy);
    assert.equal(printed[0], `Iter: 0, Loss: ${ref.loss[0]!.toFixed(4)}`);
    assert.equal(printed.at(-1), "Testset Accuracy: 1.0000");
    assert.deepEqual(printed, r.lines);
  });
});

describe("lab 06-2 (zoo, softmax)", () => {
  test("reaches training accuracy 1.0 within 1000 steps at learning rate 0.1, the loss falling all the way", () => {
    const r = runLab06Zoo();
    assert.equal(r.steps[0], reference.lab06_2_zoo_softmax.tf_printed.step[0]);
    assert.equal(r.steps.at(-1), 1000);
    const first = r.accuracies.indexOf(1);
    assert.ok(first >= 0, `accuracies ${r.accuracies.join(", ")}`);
    assert.ok(r.steps[first]! <= 1000);
    for (let i = 1; i < r.losses.length; i++) assert.ok(r.losses[i]! < r.losses[i - 1]!, `loss rose at step ${r.steps[i]}`);
    assert.match(r.lines[0]!, /^Steps: 1 Loss: \d+\.\d{4}, Acc: \d\.\d{4}$/);
  });
});

describe("lab 05-2 (diabetes)", () => {
  test("reads the CSV (759 rows) and its loss decreases at every printed step", () => {
    const r = runLab05Diabetes({ epochs: 301 });
    assert.deepEqual(r.steps, [0, 100, 200, 300]);
    for (let i = 1; i < r.losses.length; i++) assert.ok(r.losses[i]! < r.losses[i - 1]!);
    assert.ok(r.losses.every((l) => Number.isFinite(l) && l > 0 && l < 2));
    assert.ok(r.accuracy > 0 && r.accuracy <= 1);
    assert.match(r.lines.at(-1)!, /^Accuracy \(training set\): \d\.\d{4}$/);
  });
});
