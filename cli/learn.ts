// Multinomial logistic regression with an L2 penalty, fitted by L-BFGS.
// Deterministic: weights start at zero, examples are read in a fixed order,
// no randomness, so the same data gives the same weights byte for byte.

export interface Example {
  /** Feature indices and values (sparse). */
  idx: Int32Array;
  val: Float64Array;
  label: number;
}

export interface FitResult {
  /** weights[f * k + j]: feature f, class j. */
  weights: Float64Array;
  iterations: number;
  loss: number;
}

/** Loss and gradient of the penalised negative log-likelihood. */
function lossAndGradient(w: Float64Array, data: readonly Example[], k: number, l2: number, grad: Float64Array): number {
  grad.fill(0);
  let loss = 0;
  const z = new Float64Array(k);
  for (const ex of data) {
    z.fill(0);
    for (let t = 0; t < ex.idx.length; t++) {
      const base = ex.idx[t]! * k;
      const v = ex.val[t]!;
      for (let j = 0; j < k; j++) z[j]! += w[base + j]! * v;
    }
    let max = -Infinity;
    for (let j = 0; j < k; j++) if (z[j]! > max) max = z[j]!;
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(z[j]! - max);
    const logSum = max + Math.log(sum);
    loss += logSum - z[ex.label]!;
    for (let j = 0; j < k; j++) z[j] = Math.exp(z[j]! - logSum) - (j === ex.label ? 1 : 0);
    for (let t = 0; t < ex.idx.length; t++) {
      const base = ex.idx[t]! * k;
      const v = ex.val[t]!;
      for (let j = 0; j < k; j++) grad[base + j]! += z[j]! * v;
    }
  }
  for (let i = 0; i < w.length; i++) {
    loss += 0.5 * l2 * w[i]! * w[i]!;
    grad[i]! += l2 * w[i]!;
  }
  return loss;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

/** `init` (optional) starts from given weights: a warm start from a fit on more data converges in fewer steps. */
export function fitSoftmax(data: readonly Example[], features: number, k: number, l2: number, maxIterations = 400, init?: Float64Array): FitResult {
  const n = features * k;
  let w = init ? Float64Array.from(init) : new Float64Array(n);
  let g = new Float64Array(n);
  let loss = lossAndGradient(w, data, k, l2, g);
  const memory = 8;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  let it = 0;
  for (; it < maxIterations; it++) {
    // Two-loop recursion: d = -H g.
    const q = Float64Array.from(g);
    const alpha: number[] = [];
    for (let i = S.length - 1; i >= 0; i--) {
      const a = rho[i]! * dot(S[i]!, q);
      alpha[i] = a;
      for (let j = 0; j < n; j++) q[j]! -= a * Y[i]![j]!;
    }
    if (S.length) {
      const last = S.length - 1;
      const gamma = dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!);
      for (let j = 0; j < n; j++) q[j]! *= gamma;
    } else {
      const norm = Math.sqrt(dot(g, g)) || 1;
      for (let j = 0; j < n; j++) q[j]! /= norm;
    }
    for (let i = 0; i < S.length; i++) {
      const b = rho[i]! * dot(Y[i]!, q);
      for (let j = 0; j < n; j++) q[j]! += S[i]![j]! * (alpha[i]! - b);
    }
    for (let j = 0; j < n; j++) q[j] = -q[j]!;
    let slope = dot(g, q);
    if (slope >= 0) {
      // Not a descent direction: restart from the gradient.
      S.length = Y.length = rho.length = 0;
      for (let j = 0; j < n; j++) q[j] = -g[j]!;
      slope = -dot(g, g);
    }
    let step = 1;
    const next = new Float64Array(n);
    const nextG = new Float64Array(n);
    let nextLoss = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < n; j++) next[j] = w[j]! + step * q[j]!;
      nextLoss = lossAndGradient(next, data, k, l2, nextG);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      s[j] = next[j]! - w[j]!;
      y[j] = nextG[j]! - g[j]!;
    }
    const sy = dot(s, y);
    const improvement = loss - nextLoss;
    w = next;
    g = nextG;
    loss = nextLoss;
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    if (Math.sqrt(dot(g, g)) < 1e-4 * Math.max(1, data.length) || improvement < 1e-8 * Math.max(1, Math.abs(loss))) break;
  }
  return { weights: w, iterations: it, loss };
}

/** Platt-style calibration: logistic regression on a few score columns, with a small penalty. */
export function fitLogistic(rows: readonly number[][], labels: readonly number[], l2 = 1e-3): number[] {
  const d = rows[0]?.length ?? 0;
  const data: Example[] = rows.map((r, i) => ({
    idx: Int32Array.from(r.map((_, j) => j)),
    val: Float64Array.from(r),
    label: labels[i]!,
  }));
  const fit = fitSoftmax(data, d, 2, l2, 200);
  const out: number[] = [];
  for (let j = 0; j < d; j++) out.push(fit.weights[j * 2 + 1]! - fit.weights[j * 2]!);
  return out;
}
