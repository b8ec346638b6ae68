// A small SVG writer for the benchmarks' charts: one line per implementation on log-log axes, with
// a grid at each power of ten, a legend, and a dashed guide of slope 1 (linear growth), so that a
// curve parallel to it grows linearly. Presentation attributes only: no style, no script.
//   logLogChart({ title, xLabel, yLabel, series: [{ name, points: [[x, y], …], bold }],
//                 xTick: (x) => "1 MB", yTick: (y) => "10 ms" }) -> SVG text

const palette = ["#0b5cad", "#c2410c", "#15803d", "#7e22ce", "#a16207", "#0e7490", "#db2777", "#4b5563"];
const width = 880, height = 460;
const plot = { left: 72, right: 540, top: 44, bottom: 400 };

const escapeXml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const fixed = (n) => n.toFixed(1);

// The axis's range in powers of ten: the values' own, a little wider, and at least one decade.
function decades(values) {
  let low = Math.log10(Math.min(...values)), high = Math.log10(Math.max(...values));
  if (high - low < 1) [low, high] = [(low + high - 1) / 2, (low + high + 1) / 2];
  const margin = (high - low) * 0.06;
  return { low: low - margin, high: high + margin };
}

function axis(range, from, to) {
  const span = range.high - range.low;
  return (v) => from + ((Math.log10(v) - range.low) / span) * (to - from);
}

// Where the grid lines and labels go: the powers of ten inside a range, and 2 and 5 times them
// too when there are fewer than three.
function ticks(range) {
  const inside = (v) => Math.log10(v) >= range.low && Math.log10(v) <= range.high;
  const decades = [];
  for (let e = Math.floor(range.low); e <= Math.ceil(range.high); e++) decades.push(10 ** e);
  const out = decades.filter(inside);
  return out.length >= 3 ? out : decades.flatMap((d) => [d, 2 * d, 5 * d]).filter(inside);
}

function grid(xs, ys, x, y, xTick, yTick) {
  const out = [];
  for (const v of ticks(xs)) {
    const px = fixed(x(v));
    out.push(`<line x1="${px}" y1="${plot.top}" x2="${px}" y2="${plot.bottom}" stroke="#d1d5db"/>`);
    out.push(`<text x="${px}" y="${plot.bottom + 18}" text-anchor="middle">${escapeXml(xTick(v))}</text>`);
  }
  for (const v of ticks(ys)) {
    const py = fixed(y(v));
    out.push(`<line x1="${plot.left}" y1="${py}" x2="${plot.right}" y2="${py}" stroke="#d1d5db"/>`);
    out.push(`<text x="${plot.left - 8}" y="${py}" text-anchor="end" dominant-baseline="middle">${escapeXml(yTick(v))}</text>`);
  }
  return out;
}

// Slope 1 through the last (largest) point of the first series, clipped to the plot's edges.
function linearGuide(series, xs, ys, x, y) {
  const [x0, y0] = series[0].points.at(-1);
  const at = (xv) => y0 * (xv / x0);
  const left = 10 ** xs.low, right = 10 ** xs.high;
  const clampY = (v) => Math.min(Math.max(v, 10 ** ys.low), 10 ** ys.high);
  const ends = [[left, clampY(at(left))], [right, clampY(at(right))]].map(([xv, yv]) => [xv * (yv / at(xv)), yv]);
  const [[ax, ay], [bx, by]] = ends;
  return `<line x1="${fixed(x(ax))}" y1="${fixed(y(ay))}" x2="${fixed(x(bx))}" y2="${fixed(y(by))}" stroke="#9ca3af" stroke-dasharray="6 4"/>`;
}

function lines(series, x, y) {
  return series.flatMap((s, i) => {
    const colour = palette[i % palette.length];
    const points = s.points.map(([xv, yv]) => `${fixed(x(xv))},${fixed(y(yv))}`);
    return [
      `<polyline points="${points.join(" ")}" fill="none" stroke="${colour}" stroke-width="${s.bold ? 3 : 1.6}"/>`,
      ...s.points.map(([xv, yv]) => `<circle cx="${fixed(x(xv))}" cy="${fixed(y(yv))}" r="${s.bold ? 3.5 : 2.5}" fill="${colour}"/>`),
    ];
  });
}

function legend(series) {
  const out = series.flatMap((s, i) => {
    const ly = plot.top + 10 + i * 22;
    const colour = palette[i % palette.length];
    return [
      `<line x1="${plot.right + 16}" y1="${ly}" x2="${plot.right + 40}" y2="${ly}" stroke="${colour}" stroke-width="${s.bold ? 3 : 1.6}"/>`,
      `<text x="${plot.right + 46}" y="${ly}" dominant-baseline="middle">${escapeXml(s.name)}</text>`,
    ];
  });
  const ly = plot.top + 10 + series.length * 22;
  out.push(`<line x1="${plot.right + 16}" y1="${ly}" x2="${plot.right + 40}" y2="${ly}" stroke="#9ca3af" stroke-dasharray="6 4"/>`);
  out.push(`<text x="${plot.right + 46}" y="${ly}" dominant-baseline="middle">slope 1 (linear growth)</text>`);
  return out;
}

export function logLogChart({ title, xLabel, yLabel, series, xTick, yTick }) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0 || all.some(([xv, yv]) => !(xv > 0 && yv > 0))) throw new Error(`${title}: a log axis needs positive values`);
  const xs = decades(all.map(([xv]) => xv));
  const ys = decades(all.map(([, yv]) => yv));
  const x = axis(xs, plot.left, plot.right);
  const y = axis(ys, plot.bottom, plot.top);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="sans-serif" font-size="12" fill="#111827">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${plot.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    ...grid(xs, ys, x, y, xTick, yTick),
    `<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="#6b7280"/>`,
    linearGuide(series, xs, ys, x, y),
    ...lines(series, x, y),
    ...legend(series),
    `<text x="${(plot.left + plot.right) / 2}" y="${height - 20}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text x="18" y="${(plot.top + plot.bottom) / 2}" text-anchor="middle" transform="rotate(-90 18 ${(plot.top + plot.bottom) / 2})">${escapeXml(yLabel)}</text>`,
    "</svg>",
    "",
  ].join("\n");
}

// The least-squares slope of log(y) against log(x): 1 is linear growth, 2 quadratic.
export function logLogSlope(points) {
  const lx = points.map(([xv]) => Math.log(xv)), ly = points.map(([, yv]) => Math.log(yv));
  const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(lx), my = mean(ly);
  let num = 0, den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i] - mx) * (ly[i] - my);
    den += (lx[i] - mx) ** 2;
  }
  return num / den;
}
