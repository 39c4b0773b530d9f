// A first-fit allocator over a WebAssembly.Memory: hands out 64-byte-aligned byte ranges, merges
// freed neighbours, and grows the memory when nothing fits. Address 0 is never handed out (the
// kernels read 0 as "no array").

/** Alignment of every allocation, in bytes (a cache line; also what v128 loads like). */
const ALIGN = 64;
const PAGE = 65536;

/** Rounds a byte count up to the allocation alignment. */
function roundUp(bytes: number): number {
  return Math.ceil(Math.max(bytes, 1) / ALIGN) * ALIGN;
}

/** Thrown (internally) when the memory cannot grow enough for an allocation. */
export class ArenaFullError extends Error {
  constructor(bytes: number) {
    super(`WebAssembly memory cannot grow to hold ${bytes} more bytes`);
    this.name = "ArenaFullError";
  }
}

/** A first-fit allocator of byte ranges in one WebAssembly.Memory. */
export class Arena {
  readonly memory: WebAssembly.Memory;
  private readonly maxPages: number;
  /** Free ranges [start, start + size), sorted by start, never adjacent. */
  private free: Array<{ start: number; size: number }> = [];
  private readonly sizes = new Map<number, number>();

  constructor(memory: WebAssembly.Memory, maxPages: number) {
    this.memory = memory;
    this.maxPages = maxPages;
    const end = memory.buffer.byteLength;
    if (end > ALIGN) this.free.push({ start: ALIGN, size: end - ALIGN });
  }

  /** Bytes currently handed out. */
  get used(): number {
    let s = 0;
    for (const v of this.sizes.values()) s += v;
    return s;
  }

  /** Allocates `bytes` bytes (64-byte aligned); throws ArenaFullError when the memory cannot grow. */
  alloc(bytes: number): number {
    const size = roundUp(bytes);
    let i = this.free.findIndex((f) => f.size >= size);
    if (i < 0) {
      this.grow(size);
      i = this.free.findIndex((f) => f.size >= size);
      if (i < 0) throw new ArenaFullError(size);
    }
    const f = this.free[i]!;
    const start = f.start;
    if (f.size === size) this.free.splice(i, 1);
    else {
      f.start += size;
      f.size -= size;
    }
    this.sizes.set(start, size);
    return start;
  }

  /**
   * Shortens the range at ptr (obtained from alloc) to its first `bytes` bytes and frees the rest;
   * returns false (and changes nothing) for an unknown address or a size that is not smaller.
   */
  shrink(ptr: number, bytes: number): boolean {
    const size = this.sizes.get(ptr);
    const next = roundUp(bytes);
    if (size === undefined || next >= size) return false;
    this.sizes.set(ptr, next);
    this.insertFree(ptr + next, size - next);
    return true;
  }

  /** Returns a range obtained from alloc; freeing twice or an unknown address is a no-op. */
  release(ptr: number): void {
    const size = this.sizes.get(ptr);
    if (size === undefined) return;
    this.sizes.delete(ptr);
    this.insertFree(ptr, size);
  }

  private insertFree(start: number, size: number): void {
    const free = this.free;
    let i = 0;
    while (i < free.length && free[i]!.start < start) i++;
    const prev = i > 0 ? free[i - 1] : undefined;
    const next = free[i];
    if (prev !== undefined && prev.start + prev.size === start) {
      prev.size += size;
      if (next !== undefined && prev.start + prev.size === next.start) {
        prev.size += next.size;
        free.splice(i, 1);
      }
    } else if (next !== undefined && start + size === next.start) {
      next.start = start;
      next.size += size;
    } else {
      free.splice(i, 0, { start, size });
    }
  }

  /** Grows the memory so that a free range of `size` bytes exists at its end. */
  private grow(size: number): void {
    const end = this.memory.buffer.byteLength;
    const last = this.free[this.free.length - 1];
    const tailFree = last !== undefined && last.start + last.size === end ? last.size : 0;
    const need = size - tailFree;
    const curPages = end / PAGE;
    // Grow by what is needed, at least an eighth of the current size (amortised growth).
    let pages = Math.max(Math.ceil(need / PAGE), Math.ceil(curPages / 8), 16);
    pages = Math.min(pages, this.maxPages - curPages);
    if (pages * PAGE < need) throw new ArenaFullError(size);
    try {
      this.memory.grow(pages);
    } catch {
      throw new ArenaFullError(size);
    }
    this.insertFree(end, pages * PAGE);
  }
}
