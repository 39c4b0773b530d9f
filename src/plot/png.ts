// SVG → PNG through resvg (Node only: a native module; the browser part of the library never imports this file).
import { Resvg } from "@resvg/resvg-js";
import { ValueError } from "../errors.js";
import { FONT } from "./frame.js";

/** Options of `svgToPng`. */
export interface SvgToPngOptions {
  /** Output width in pixels (default: the SVG's own width); the height follows the aspect ratio. */
  width?: number;
  /** Background colour behind transparent parts (default white). */
  background?: string;
}

/** Renders an SVG document to PNG bytes at the requested width, with the system's fonts. */
export function svgToPng(svg: string, options: SvgToPngOptions = {}): Uint8Array {
  if (typeof svg !== "string" || !svg.includes("<svg")) throw new ValueError("svgToPng: expected an SVG document string");
  const width = options.width;
  if (width !== undefined && !(Number.isInteger(width) && width > 0 && width <= 16384)) {
    throw new ValueError(`svgToPng: width is ${width}: give a whole number of pixels between 1 and 16384`);
  }
  const resvg = new Resvg(svg, {
    background: options.background ?? "#ffffff",
    fitTo: width === undefined ? { mode: "original" } : { mode: "width", value: width },
    font: { loadSystemFonts: true, defaultFontFamily: FONT.split(",")[0]?.trim() ?? "sans-serif", sansSerifFamily: "DejaVu Sans" },
  });
  return new Uint8Array(resvg.render().asPng());
}
