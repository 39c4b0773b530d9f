// Decodes base64 text into bytes with the platform's atob (Node ≥ 16 and every browser).

/** The bytes encoded by a base64 string. */
export function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
