// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.output.ProvenanceFile;

/**
 * Outputs are written into a hidden staging folder inside the output folder ({@code
 * .calphot-staging-<pid>-<n>}) and moved into place only when the whole run succeeded: a cancelled,
 * failed or killed run leaves the previous outputs untouched and no half-written file.
 * <p>
 * Where the file system has symbolic links the complete staging folder becomes a generation and one
 * rename switches to it ({@link Generation}). Elsewhere the commit has one decision point: the complete
 * staging folder is renamed to {@code .calphot-commit-<pid>-<n>} (one atomic rename, with its list of files). Before it, the previous run
 * stands and the staging folder is removed by the next run; after it, the new run stands: if the
 * process dies while moving the files into place, the next run (under the folder's lock) finishes the
 * moves before anything else ({@link OutputFolder}).
 */
public final class Staging implements AutoCloseable, org.calphot.pipeline.OutputFiles {

    /** The list of files of a decided commit, one relative path a line. */
    static final String MANIFEST = ".calphot-manifest";
    /**
     * Test hook (environment): pause this many seconds just before and just after the switch to the new
     * generation (or, without symbolic links, after moving half the files into place).
     */
    static final String PAUSE_HOOK = "CALPHOT_TEST_PAUSE_IN_COMMIT";
    /** Pauses made so far (the generation commit pauses just before and just after its switch). */
    private static int pauses;

    private final Path target;
    private Path dir;
    private final List<Path> files = new ArrayList<>();
    private final java.util.Map<Path, String> hashes = new java.util.HashMap<>();
    private final java.util.Set<String> reserved = new java.util.HashSet<>();
    private boolean committed;
    private final boolean createdTarget;

    public Staging(Path target) throws CalphotException {
        this.target = target;
        this.createdTarget = !Files.exists(target);
        try {
            Files.createDirectories(target);
            this.dir = Files.createTempDirectory(target,
                    OutputFolder.STAGING_PREFIX + ProcessHandle.current().pid() + "-");
            // a temporary folder is owner-only (0700); this one becomes the generation readers see through the
            // output names, so it gets the output folder's own permissions (colleagues who could read a run
            // written in place can read this one)
            try {
                Files.setPosixFilePermissions(dir, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its default access stands
            }
        } catch (IOException e) {
            throw new CalphotException("cannot create output folder " + target + ": " + e.getMessage(), e);
        }
    }

    /** The staged path of a file that will end up at {@code relative} under the output folder. */
    @Override
    public synchronized Path write(Path relative, Body body) throws CalphotException {
        if (relative.isAbsolute() || relative.normalize().startsWith("..")) {
            throw new IllegalArgumentException("outputs stay inside the output folder: " + relative);
        }
        if (files.contains(relative)) {
            // every output name is claimed once: a second writer would silently replace the first
            throw new CalphotException("two outputs of this run have the same name " + relative,
                    Location.of(target.resolve(relative).toString()));
        }
        Path p = dir.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            java.security.MessageDigest md = ProvenanceFile.digest();
            try (OutputStream out = new java.security.DigestOutputStream(Files.newOutputStream(p), md)) {
                body.write(out);
            }
            hashes.put(relative, ProvenanceFile.hex(md));
        } catch (IOException e) {
            throw new CalphotException("cannot write " + relative + ": " + e.getMessage(), e);
        }
        files.add(relative);
        return target.resolve(relative);
    }

    /** Claims an output name for this run; false when another log of the run already has it. */
    public synchronized boolean reserve(String name) {
        return reserved.add(name);
    }

    public synchronized boolean has(Path relative) {
        return files.contains(relative);
    }

    public synchronized List<Path> files() {
        return List.copyOf(files);
    }

    /**
     * Lower-case hexadecimal SHA-256 of an output's bytes, taken as they were written (reading the run's files back
     * to hash them was the last serial step of a run).
     */
    public synchronized String sha256(Path relative) {
        String h = hashes.get(relative);
        if (h == null) {
            throw new IllegalArgumentException("not an output of this run: " + relative);
        }
        return h;
    }

    /** Moves every staged file into place, all or nothing as seen after any crash (see the class comment). */
    public synchronized void commit() throws CalphotException {
        OutputFolder.checkInside(target, files);
        if (Generation.supported(target)) {
            // the staged folder becomes a generation; one rename of a link switches every output at once
            Path gen = target.resolve(Generation.PREFIX
                    + dir.getFileName().toString().substring(OutputFolder.STAGING_PREFIX.length()));
            try {
                Generation.carryOver(target, dir);
                Files.move(dir, gen, StandardCopyOption.ATOMIC_MOVE);
                dir = gen;
                Generation.switchTo(target, gen, () -> {
                    if (pauseHook()) {
                        pause();
                    }
                });
            } catch (IOException e) {
                throw new CalphotException("cannot commit the outputs into " + target + ": " + e.getMessage(),
                        Location.of(target.toString()), e);
            }
            committed = true;
            return;
        }
        // no symbolic links on this file system: a decided commit, then files moved into place
        StringBuilder manifest = new StringBuilder();
        for (Path rel : files) {
            manifest.append(rel.toString()).append('\n');
        }
        Path decided = target.resolve(OutputFolder.COMMIT_PREFIX
                + dir.getFileName().toString().substring(OutputFolder.STAGING_PREFIX.length()));
        try {
            Path m = dir.resolve(MANIFEST);
            Files.writeString(m, manifest.toString(), StandardCharsets.UTF_8);
            try (var ch = java.nio.channels.FileChannel.open(m, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(dir, decided, StandardCopyOption.ATOMIC_MOVE); // the decision point
            dir = decided;
        } catch (IOException e) {
            throw new CalphotException("cannot commit the outputs into " + target + ": " + e.getMessage(), e);
        }
        committed = true;
        try {
            finishCommit(decided, target);
        } catch (IOException e) {
            throw new CalphotException("cannot move the outputs into " + target + " (the next run finishes the move): "
                    + e.getMessage(), Location.of(target.toString()), e);
        }
    }

    /**
     * Moves what is left of a decided commit into place and removes it; returns the files moved.
     * Safe to repeat: a file already moved is no longer in the commit folder.
     */
    static int finishCommit(Path decided, Path target) throws IOException {
        Path m = decided.resolve(MANIFEST);
        List<String> rels = Files.isRegularFile(m) ? Files.readAllLines(m, StandardCharsets.UTF_8) : List.of();
        int pauseAfter = pauseHook() ? rels.size() / 2 : -1;
        int moved = 0;
        for (String r : rels) {
            if (r.isEmpty()) {
                continue;
            }
            Path rel = Path.of(r);
            Path from = decided.resolve(rel);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = target.resolve(rel);
            Path cur = Generation.current(target);
            if (cur != null && Generation.ours(target, target.resolve(rel.getName(0).toString()))) {
                to = cur.resolve(rel); // into the run in use, keeping the output name a link
            }
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
            moved++;
            if (moved == pauseAfter) {
                pause();
            }
        }
        OutputFolder.deleteTree(decided);
        return moved;
    }

    private static boolean pauseHook() {
        String v = System.getenv(PAUSE_HOOK);
        return v != null && v.matches("[0-9]{1,4}(,[0-9]{1,4})*");
    }

    /** Pause k sleeps the k-th number of the hook's list (the last one for the rest): "0,60" pauses only after. */
    private static void pause() {
        String[] secs = System.getenv(PAUSE_HOOK).split(",", -1);
        long s = Long.parseLong(secs[Math.min(pauses, secs.length - 1)]);
        pauses++;
        if (s == 0) {
            return;
        }
        System.err.println("calphot: test hook: paused in the commit (" + pauses + ")");
        System.err.flush();
        try {
            Thread.sleep(s * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!committed && !Generation.isCurrent(target, dir)) {
            try {
                OutputFolder.deleteTree(dir);
            } catch (IOException e) {
                // best effort: the next run removes a leftover staging folder
            }
            files.clear();
            if (createdTarget) {
                try {
                    Files.deleteIfExists(target); // only if still empty: a failed first run leaves no folder
                } catch (IOException e) {
                    // not empty or not ours to remove
                }
            }
        }
    }
}
