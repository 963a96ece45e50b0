// The geometry of a KPI card's sparkline: one value per month, null for a month that is not compared (drawn as a
// gap, never as a dip to zero). The cards (HTML and SVG) and the report draw from this, so they draw the same.

export interface SparklineGeometry {
  /** SVG path data: a new segment after every gap. */
  path: string;
  /** Points with no neighbour on either side (a line would not show them). */
  dots: {x: number; y: number}[];
  /** The last value's point, marked on the card. */
  last: {x: number; y: number} | null;
  /** x of month i. */
  x: (i: number) => number;
}

export function sparklineGeometry(
  values: readonly (number | null)[],
  {width, height, pad = 2}: {width: number; height: number; pad?: number}
): SparklineGeometry {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const [min, max] = known.length ? [Math.min(...known), Math.max(...known)] : [0, 0];
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const x = (i: number) => Number((pad + (values.length > 1 ? i * step : (width - 2 * pad) / 2)).toFixed(2));
  const y = (v: number) =>
    Number((max === min ? height / 2 : pad + ((max - v) / (max - min)) * (height - 2 * pad)).toFixed(2));
  const present = (i: number) => {
    const v = values[i];
    return v !== null && v !== undefined && Number.isFinite(v);
  };
  let path = "";
  const dots: {x: number; y: number}[] = [];
  let last: {x: number; y: number} | null = null;
  values.forEach((v, i) => {
    if (!present(i)) return;
    const point = {x: x(i), y: y(v as number)};
    path += `${present(i - 1) ? "L" : "M"}${point.x},${point.y}`;
    if (!present(i - 1) && !present(i + 1)) dots.push(point);
    last = point;
  });
  return {path, dots, last, x};
}
