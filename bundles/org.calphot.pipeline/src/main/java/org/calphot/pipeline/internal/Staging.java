package org.calphot.pipeline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.calphot.core.CalphotException;

/**
 * Outputs are written into a hidden staging folder inside the output folder and moved into place
 * (each by an atomic rename) only when the whole run succeeded: a cancelled or failed run leaves
 * the previous outputs untouched and no half-written file.
 */
public final class Staging implements AutoCloseable, org.calphot.pipeline.OutputFiles {

    private final Path target;
    private final Path dir;
    private final List<Path> files = new ArrayList<>();
    private final java.util.Set<String> reserved = new java.util.HashSet<>();
    private boolean committed;
    private final boolean createdTarget;

    public Staging(Path target) throws CalphotException {
        this.target = target;
        this.createdTarget = !Files.exists(target);
        try {
            Files.createDirectories(target);
            this.dir = Files.createTempDirectory(target, ".calphot-staging-");
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
        Path p = dir.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
            try (OutputStream out = Files.newOutputStream(p)) {
                body.write(out);
            }
        } catch (IOException e) {
            throw new CalphotException("cannot write " + relative + ": " + e.getMessage(), e);
        }
        if (!files.contains(relative)) {
            files.add(relative);
        }
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

    /** Moves every staged file into place. */
    public synchronized void commit() throws CalphotException {
        for (Path rel : files) {
            Path from = dir.resolve(rel);
            Path to = target.resolve(rel);
            try {
                Files.createDirectories(to.getParent());
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new CalphotException("cannot move " + rel + " into " + target + ": " + e.getMessage(), e);
            }
        }
        committed = true;
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover hidden staging folder is harmless
        }
        if (!committed) {
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
