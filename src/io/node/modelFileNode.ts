// Reads and writes model files on disk (Node only).

import { ModelFileError } from "../../errors.js";
import type { ModelFile } from "../modelFile.js";
import { parseModelFile } from "../parseModelFile.js";
import { serializeModelFile } from "../serializeModelFile.js";
import { openInput } from "./openInput.js";
import { writeFileAtomic } from "./writeFileAtomic.js";

/** Largest model file accepted (a model is k × d numbers; 512 MB is far beyond any real one). */
const MAX_MODEL_BYTES = 512 * 1024 * 1024;

/** Reads a model file and checks every field; errors are ModelFileError naming the file. */
export async function readModelFile(path: string): Promise<ModelFile> {
  const fail = (problem: string): ModelFileError => new ModelFileError(path, problem);
  const { fh, size } = await openInput(path, fail);
  let bytes: Uint8Array;
  try {
    if (size > MAX_MODEL_BYTES) throw fail(`is ${Math.round(size / 1e6)} MB: far too large for a model file; is this the right file?`);
    try {
      bytes = await fh.readFile();
    } catch (err) {
      throw fail(`cannot be read (${(err as { code?: string }).code ?? String(err)})`);
    }
  } finally {
    await fh.close().catch(() => undefined);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw fail("is not UTF-8 text, so not a model file written by logreg; give the .json file that logreg train wrote");
  }
  return parseModelFile(text, path);
}

/** Writes a model file atomically (the previous file stays intact if anything fails). */
export async function writeModelFile(path: string, model: ModelFile): Promise<void> {
  await writeFileAtomic(path, serializeModelFile(model));
}
