// The statistics the page draws: Beta densities, Student-t intervals, and helpers.

const lanczos = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x) {
  if (x < 0.5) {
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = 0.99999999999980993;
  for (let i = 0; i < lanczos.length; i++) {
    sum += lanczos[i] / (z + i + 1);
  }
  const t = z + lanczos.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

// In log space, because posteriors after thousands of events overflow the plain formula.
export function betaDensity(x, alpha, beta) {
  if (x <= 0 || x >= 1) {
    return 0;
  }
  const logB = logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta);
  return Math.exp((alpha - 1) * Math.log(x) + (beta - 1) * Math.log(1 - x) - logB);
}

export function betaMoments(alpha, beta) {
  const mean = alpha / (alpha + beta);
  const variance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
  return { mean, sd: Math.sqrt(variance) };
}

// A grid over [0,1] dense where the posteriors are: a narrow posterior on a uniform grid would show as nothing.
export function betaGrid(posteriors, points = 240) {
  let low = 1;
  let high = 0;
  for (const { alpha, beta } of posteriors) {
    const { mean, sd } = betaMoments(alpha, beta);
    low = Math.min(low, mean - 6 * sd);
    high = Math.max(high, mean + 6 * sd);
  }
  low = Math.max(0, low);
  high = Math.min(1, high);
  if (!(high > low)) {
    low = 0;
    high = 1;
  }
  const xs = [];
  for (let i = 0; i <= points; i++) {
    xs.push(low + ((high - low) * i) / points);
  }
  return xs;
}

// Two-sided 97.5 % quantiles of Student's t for 1..30 degrees of freedom.
const t975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
  2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
  2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile975(df) {
  if (df <= t975.length) {
    return t975[df - 1];
  }
  // Cornish–Fisher expansion around the normal quantile: within 1e-4 of the exact value beyond 30.
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

// Mean with a 95 % t interval over independent runs (seeds); with one run there is no interval.
export function meanInterval(values) {
  const n = values.length;
  if (n === 0) {
    return { n, mean: NaN, low: NaN, high: NaN, half: NaN };
  }
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) {
    return { n, mean, low: NaN, high: NaN, half: NaN };
  }
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { n, mean, low: mean - half, high: mean + half, half };
}

export const palette = [
  '#3559c7', '#e07b00', '#1f8a4c', '#b3261e', '#7b3fb8',
  '#0e8c9a', '#c2417e', '#6b7a00', '#5f6b7a', '#a05a2c',
];

export function color(index, alpha = 1) {
  const hex = palette[index % palette.length];
  if (alpha === 1) {
    return hex;
  }
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function format(value, digits = 3) {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

export function formatInterval(interval, digits = 3) {
  if (!Number.isFinite(interval.mean)) {
    return '—';
  }
  return Number.isFinite(interval.half)
    ? `${interval.mean.toFixed(digits)} ± ${interval.half.toFixed(digits)}`
    : `${interval.mean.toFixed(digits)} (one seed)`;
}

export function formatAge(ms) {
  if (!Number.isFinite(ms)) {
    return '—';
  }
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) {
    return `${seconds.toFixed(1)} s`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  }
  return `${(seconds / 3600).toFixed(1)} h`;
}
