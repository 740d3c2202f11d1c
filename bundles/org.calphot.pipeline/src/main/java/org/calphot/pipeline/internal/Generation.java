// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The run commit as one rename. A run's outputs live in a complete, hidden generation folder
 * ({@code .calphot-gen-<pid>-<n>}); {@code .calphot-current} is a symbolic link to the generation in
 * use, and every top-level output name ({@code MCMC_LIGHTCURVES}, {@code provenance.json}, ...) is a
 * symbolic link through it ({@code MCMC_LIGHTCURVES -> .calphot-current/MCMC_LIGHTCURVES}). Renaming a
 * new {@code .calphot-current} over the old one switches every output at once: a reader opening any
 * output at any instant, even after a kill -9 anywhere in the commit, gets the previous complete run or
 * the new complete run. Other files in the folder (run-N folders, the user's own) are never touched.
 * <p>
 * Files of the previous generation that the new run does not write (another {@code --formats}, the
 * user's notes in {@code MCMC_LIGHTCURVES}) are carried into the new one by hard link, as moving files
 * into place used to leave them. A folder written before generations (by cal_phot or an earlier
 * calphot) is taken over at its first commit: its plain entries become links after the switch.
 */
final class Generation {

    static final String CURRENT = ".calphot-current";
    static final String PREFIX = ".calphot-gen-";
    /** A directory moved aside while it is replaced by a link (removed at once; by the next run if killed). */
    static final String LEGACY_PREFIX = ".calphot-legacy-";
    /** Temporary links made before an atomic rename into place. */
    static final String LINK_PREFIX = ".calphot-link-";

    private Generation() {
    }

    /** Can this folder hold symbolic links? (Not on some network or FAT file systems: then files are moved.) */
    static boolean supported(Path out) {
        Path probe = out.resolve(LINK_PREFIX + ProcessHandle.current().pid() + "-probe");
        try {
            Files.deleteIfExists(probe);
            Files.createSymbolicLink(probe, Path.of(CURRENT));
            Files.delete(probe);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The generation folder {@code .calphot-current} names, or null (none, or not a generation of this folder). */
    static Path current(Path out) {
        Path link = out.resolve(CURRENT);
        try {
            if (!Files.isSymbolicLink(link)) {
                return null;
            }
            Path target = Files.readSymbolicLink(link);
            if (target.getNameCount() != 1 || !target.toString().startsWith(PREFIX)) {
                return null;
            }
            Path gen = out.resolve(target);
            return Files.isDirectory(gen, LinkOption.NOFOLLOW_LINKS) ? gen : null;
        } catch (IOException e) {
            return null;
        }
    }

    static boolean isCurrent(Path out, Path gen) {
        Path c = current(out);
        return c != null && c.getFileName().equals(gen.getFileName());
    }

    /** Before the staged folder becomes a generation: the files of the run in use that this run does not replace. */
    static void carryOver(Path out, Path staged) throws IOException {
        Path old = current(out);
        if (old != null) {
            linkMissing(old, staged);
        }
        // a folder from before generations: its plain folders' other files stay, as with moves into place
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(staged)) {
            for (Path p : ds) {
                Path top = out.resolve(p.getFileName().toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !ours(out, top)
                        && Files.isDirectory(top)) {
                    linkMissing(top, p);
                }
            }
        }
    }

    /** Every regular file under {@code from} that {@code to} lacks, hard-linked (or copied) into {@code to}. */
    private static void linkMissing(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path f : files) {
            Path dest = to.resolve(from.relativize(f).toString());
            if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.createDirectories(dest.getParent());
            try {
                Files.createLink(dest, f);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(f, dest, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Is {@code top} already the link {@code .calphot-current/<name>}? */
    static boolean ours(Path out, Path top) {
        try {
            return Files.isSymbolicLink(top)
                    && Files.readSymbolicLink(top).equals(Path.of(CURRENT, top.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes {@code gen} (complete, inside {@code out}) the run in use: links for new names, then the one
     * rename (the decision point), then plain entries of an older layout replaced by links and the previous
     * generation removed.
     */
    static void switchTo(Path out, Path gen, Runnable pauseHook) throws IOException {
        List<String> tops = topNames(gen);
        // links of names the previous run did not have: they lead nowhere until the switch (no such output yet)
        for (String t : tops) {
            Path top = out.resolve(t);
            if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createSymbolicLink(top, Path.of(CURRENT, t));
                } catch (FileAlreadyExistsException e) {
                    // made meanwhile by the user: handled below as an entry of an older layout
                }
            }
        }
        Path old = current(out);
        pauseHook.run();
        Path tmp = out.resolve(LINK_PREFIX + ProcessHandle.current().pid() + "-" + CURRENT.substring(1));
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, gen.getFileName());
        Files.move(tmp, out.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE); // the decision point
        pauseHook.run();
        adoptPlainEntries(out, tops);
        if (old != null && !old.getFileName().equals(gen.getFileName())) {
            OutputFolder.deleteTree(old);
        }
    }

    /** Plain files and folders (an older layout) at the run's output names become links into the generation. */
    static void adoptPlainEntries(Path out, List<String> tops) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (String t : tops) {
            Path top = out.resolve(t);
            if (ours(out, top)) {
                continue;
            }
            Path link = out.resolve(LINK_PREFIX + pid + "-" + t);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(CURRENT, t));
            if (Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
                // a folder cannot be renamed over: moved aside first (its files are already in the generation)
                Path aside = out.resolve(LEGACY_PREFIX + pid + "-" + t);
                Files.move(top, aside, StandardCopyOption.ATOMIC_MOVE);
                Files.move(link, top, StandardCopyOption.ATOMIC_MOVE);
                OutputFolder.deleteTree(aside);
            } else {
                try {
                    Files.move(link, top, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(link, top, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static List<String> topNames(Path gen) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(gen)) {
            for (Path p : ds) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Under the folder's lock, after a kill: generations not in use (a run killed before its switch) and
     * temporary links are removed; a folder moved aside is removed once its name is a link again; every
     * output name of the run in use has its link.
     */
    static void cleanUp(Path out, Consumer<String> say) throws IOException {
        Path cur = current(out);
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out, ".calphot-*")) {
            ds.forEach(entries::add);
        }
        // links of ours that lead nowhere: names of a generation that never became the one in use
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out)) {
            for (Path p : ds) {
                if (ours(out, p) && (cur == null || !Files.exists(cur.resolve(p.getFileName().toString()),
                        LinkOption.NOFOLLOW_LINKS))) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (cur != null) {
            adoptPlainEntries(out, topNames(cur).stream()
                    .filter(t -> !Files.exists(out.resolve(t), LinkOption.NOFOLLOW_LINKS)).toList());
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (name.startsWith(LINK_PREFIX)) {
                Files.deleteIfExists(p);
            } else if (name.startsWith(LEGACY_PREFIX)) {
                OutputFolder.deleteTree(p);
            } else if (name.startsWith(PREFIX) && (cur == null || !cur.getFileName().equals(p.getFileName()))) {
                long pid = OutputFolder.pidOf(name);
                if (pid > 0 && pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isPresent()) {
                    continue; // a live process outside calphot's lock: not ours to judge
                }
                OutputFolder.deleteTree(p);
                say.accept("removed " + p + ", outputs not in use, left by calphot pid " + pid
                        + " (killed during its commit: before its switch, or after it with this one replaced)");
            }
        }
    }
}
