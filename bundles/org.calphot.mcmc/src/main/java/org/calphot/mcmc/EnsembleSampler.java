// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.mcmc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.calphot.core.CalphotException;
import org.calphot.core.ProgressMonitor;

/**
 * Affine-invariant ensemble sampler (Goodman &amp; Weare 2010, stretch move) with emcee's
 * red-blue update (Foreman-Mackey et al. 2013): each step the walkers are shuffled into two
 * halves; the first half moves using the second as complement, then the second using the
 * updated first. The log-probabilities of one half are evaluated in parallel.
 * <p>
 * Reproducibility: every random number is drawn from one {@link SplittableRandom} in the
 * calling thread, in a fixed order, before the half is evaluated; worker threads only call the
 * log-probability. A chain therefore depends on the seed and the inputs only, bit for bit,
 * whatever the number of threads.
 */
public final class EnsembleSampler {

    /** Per-half evaluation time above which the automatic mode switches to the thread pool. */
    static final long PARALLEL_THRESHOLD_NANOS = 100_000;
    private static final int AUTO_PROBE_FROM = 20;
    private static final int AUTO_PROBE_TO = 60;

    private final int nWalkers;
    private final int nDim;
    private final LogProbability logProbability;
    private double a = 2.0;
    private long seed;
    private int threads;
    private String[] names;
    private int threadsUsed = 1;
    private long evaluations;
    /** Tests lower it to exercise the switch to the pool. */
    long parallelThresholdNanos = PARALLEL_THRESHOLD_NANOS;

    /**
     * @param nWalkers at least {@code 2 * nDim} (emcee's rule; fewer walkers cannot span the space)
     */
    public EnsembleSampler(int nWalkers, int nDim, LogProbability logProbability) {
        if (nDim < 1) {
            throw new IllegalArgumentException("nDim must be >= 1");
        }
        if (nWalkers < 2 * nDim || nWalkers < 4) {
            throw new IllegalArgumentException("need at least 2*nDim (and 4) walkers, got " + nWalkers
                    + " for " + nDim + " dimensions");
        }
        this.nWalkers = nWalkers;
        this.nDim = nDim;
        this.logProbability = logProbability;
    }

    /** Stretch scale a &gt; 1 (default 2). */
    public EnsembleSampler stretchScale(double a) {
        if (!(a > 1)) {
            throw new IllegalArgumentException("stretch scale must be > 1");
        }
        this.a = a;
        return this;
    }

    public EnsembleSampler seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Number of threads evaluating a half-ensemble: 1 = serial, 0 = automatic (serial while a
     * half costs less than ~0.1 ms, where thread hand-over would cost more than it saves, else
     * all cores). The chain does not depend on this setting.
     */
    public EnsembleSampler threads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0");
        }
        this.threads = threads;
        return this;
    }

    public EnsembleSampler parameterNames(String... names) {
        if (names != null && names.length != nDim) {
            throw new IllegalArgumentException("need " + nDim + " names");
        }
        this.names = names == null ? null : names.clone();
        return this;
    }

    /** Threads used by the last {@link #run}. */
    public int threadsUsed() {
        return threadsUsed;
    }

    /** Log-probability calls made by the last {@link #run}, including the initial state. */
    public long evaluations() {
        return evaluations;
    }

    /**
     * Runs {@code nSteps} steps from {@code initial[walker][dim]}.
     *
     * @throws CalphotException if the initial log-probability is NaN for some walker or -inf for
     *         all of them; {@link org.calphot.core.CancelledException} when cancelled
     */
    public Chain run(double[][] initial, int nSteps, ProgressMonitor monitor) throws CalphotException {
        if (initial.length != nWalkers) {
            throw new IllegalArgumentException("need " + nWalkers + " initial positions");
        }
        if (nSteps < 1) {
            throw new IllegalArgumentException("nSteps must be >= 1");
        }
        ProgressMonitor mon = monitor == null ? ProgressMonitor.NULL : monitor;
        double[][] pos = new double[nWalkers][];
        double[] lp = new double[nWalkers];
        boolean anyFinite = false;
        for (int w = 0; w < nWalkers; w++) {
            if (initial[w].length != nDim) {
                throw new IllegalArgumentException("initial position " + w + " has wrong dimension");
            }
            pos[w] = initial[w].clone();
            lp[w] = logProbability.logProbability(pos[w].clone());
            if (Double.isNaN(lp[w])) {
                throw new CalphotException("log-probability is NaN at the initial position of walker " + w);
            }
            anyFinite |= lp[w] > Double.NEGATIVE_INFINITY;
        }
        if (!anyFinite) {
            throw new CalphotException("log-probability is -infinity at every initial position");
        }
        evaluations = nWalkers;

        double[] samples = new double[Math.multiplyExact(Math.multiplyExact(nSteps, nWalkers), nDim)];
        double[] logProbs = new double[nSteps * nWalkers];
        long[] accepted = new long[nWalkers];

        SplittableRandom rng = new SplittableRandom(seed);
        int[] perm = new int[nWalkers];
        for (int i = 0; i < nWalkers; i++) {
            perm[i] = i;
        }
        int half0 = (nWalkers + 1) / 2;
        double[][] prop = new double[nWalkers][nDim];
        double[] propLp = new double[nWalkers];
        double[] logZ = new double[nWalkers];
        double[] logU = new double[nWalkers];
        int[] members = new int[nWalkers];

        int cores = Runtime.getRuntime().availableProcessors();
        int poolSize = threads == 0 ? Math.min(cores, half0) : Math.min(threads, half0);
        boolean auto = threads == 0;
        boolean parallel = !auto && poolSize > 1;
        ExecutorService pool = null;
        long probeNanos = 0;
        int reportEvery = Math.max(1, nSteps / 200);
        mon.begin("MCMC sampling", nSteps);
        try {
            for (int step = 0; step < nSteps; step++) {
                // emcee: walkers shuffled into two halves each step (randomize_split)
                for (int i = nWalkers - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
                long t0 = auto && step >= AUTO_PROBE_FROM && step < AUTO_PROBE_TO ? System.nanoTime() : 0;
                for (int split = 0; split < 2; split++) {
                    int sFrom = split == 0 ? 0 : half0;
                    int sTo = split == 0 ? half0 : nWalkers;
                    int cFrom = split == 0 ? half0 : 0;
                    int cLen = split == 0 ? nWalkers - half0 : half0;
                    int n = sTo - sFrom;
                    for (int i = 0; i < n; i++) {
                        int k = perm[sFrom + i];
                        int j = perm[cFrom + rng.nextInt(cLen)];
                        double u = rng.nextDouble();
                        double z = ((a - 1) * u + 1) * ((a - 1) * u + 1) / a;
                        double[] xk = pos[k];
                        double[] xj = pos[j];
                        double[] y = prop[i];
                        for (int d = 0; d < nDim; d++) {
                            y[d] = xj[d] + z * (xk[d] - xj[d]);
                        }
                        logZ[i] = Math.log(z);
                        logU[i] = Math.log(rng.nextDouble());
                        members[i] = k;
                    }
                    if (parallel) {
                        if (pool == null) {
                            pool = Executors.newFixedThreadPool(poolSize, r -> {
                                Thread th = new Thread(r, "calphot-mcmc");
                                th.setDaemon(true);
                                return th;
                            });
                        }
                        evaluateParallel(pool, poolSize, prop, propLp, n);
                    } else {
                        for (int i = 0; i < n; i++) {
                            propLp[i] = logProbability.logProbability(prop[i]);
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        int k = members[i];
                        double lnq = (nDim - 1) * logZ[i] + propLp[i] - lp[k];
                        // NaN compares false: a NaN log-probability is a rejection
                        if (lnq > logU[i]) {
                            double[] y = prop[i];
                            prop[i] = pos[k];
                            pos[k] = y;
                            lp[k] = propLp[i];
                            accepted[k]++;
                        }
                    }
                    evaluations += n;
                }
                if (t0 != 0) {
                    probeNanos += System.nanoTime() - t0;
                    if (step == AUTO_PROBE_TO - 1 && poolSize > 1
                            && probeNanos / (2L * (AUTO_PROBE_TO - AUTO_PROBE_FROM)) > parallelThresholdNanos) {
                        parallel = true;
                    }
                }
                int base = step * nWalkers;
                for (int w = 0; w < nWalkers; w++) {
                    System.arraycopy(pos[w], 0, samples, (base + w) * nDim, nDim);
                    logProbs[base + w] = lp[w];
                }
                if ((step + 1) % reportEvery == 0 || step == nSteps - 1) {
                    mon.checkCanceled();
                    mon.worked(step % reportEvery + 1);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        threadsUsed = parallel ? poolSize : 1;
        return new Chain(nWalkers, nDim, nSteps, names, samples, logProbs, accepted, seed);
    }

    private void evaluateParallel(ExecutorService pool, int poolSize, double[][] prop, double[] out, int n)
            throws CalphotException {
        int chunks = Math.min(poolSize, n);
        List<Future<?>> futures = new ArrayList<>(chunks);
        AtomicInteger next = new AtomicInteger();
        for (int c = 0; c < chunks; c++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    out[i] = logProbability.logProbability(prop[i]);
                }
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalphotException("MCMC sampling interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new CalphotException("log-probability failed: " + c, c);
        }
    }
}
