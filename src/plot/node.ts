// Node-only plotting entry point: PNG output (the SVG builders are exported from the browser-safe index).
export { svgToPng, type SvgToPngOptions } from "./png.js";
