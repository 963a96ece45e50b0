/**
 * Options every chart component takes. `document` is the page's by default; the build passes a jsdom document
 * to render the same component to a standalone SVG/PNG file (src/charts/).
 */
export interface ChartOptions {
  width: number;
  document?: Document;
}
