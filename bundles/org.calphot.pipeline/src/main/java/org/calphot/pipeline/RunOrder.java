// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.util.List;

import org.calphot.core.CancelledException;

/**
 * Makes a run's outputs independent of thread scheduling: logs run in parallel, but what they add to shared
 * lists (warnings, catalogue queries) is kept in config order, and their lightcurve files are staged one log
 * after the other in config order (so a same-minute eclipse always gets the same file name, and the list of
 * files is the same for any number of threads).
 * <p>
 * The thread of the log with index i (config order) is tagged with i; the run's own thread is tagged
 * {@link #BEFORE} until the logs start and {@link #AFTER} once they are done; any other thread counts as
 * {@link #AFTER}.
 */
final class RunOrder {

    static final int BEFORE = -1;
    static final int AFTER = Integer.MAX_VALUE;

    private static final ThreadLocal<Integer> CURRENT = ThreadLocal.withInitial(() -> AFTER);

    private final boolean[] done;
    private int next;

    /** @param logs number of logs of the run */
    RunOrder(int logs) {
        this.done = new boolean[logs];
    }

    /** The order of the calling thread's work: its log's index, or BEFORE/AFTER on the run's thread. */
    static int current() {
        return CURRENT.get();
    }

    static void tag(int order) {
        CURRENT.set(order);
    }

    static void untag() {
        CURRENT.remove();
    }

    /**
     * Adds {@code item} to {@code list} (whose orders are {@code orders}) after every item of an equal or lower
     * order: the list reads as if the logs had run one after the other. The caller holds the list's lock.
     */
    static <T> void insert(List<T> list, List<Integer> orders, T item) {
        int order = current();
        int at = orders.size();
        while (at > 0 && orders.get(at - 1) > order) {
            at--;
        }
        list.add(at, item);
        orders.add(at, order);
    }

    /** Waits until every log before {@code index} has finished (its files are staged). */
    synchronized void awaitTurn(int index) throws CancelledException {
        while (next < index) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    /** Log {@code index} is finished, successfully or not: later logs may stage their files. */
    synchronized void finished(int index) {
        done[index] = true;
        while (next < done.length && done[next]) {
            next++;
        }
        notifyAll();
    }
}
