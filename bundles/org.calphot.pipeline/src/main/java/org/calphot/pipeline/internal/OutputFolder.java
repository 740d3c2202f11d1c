// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.CancelledException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;

/**
 * The output-folder policy of {@code calphot run}: one run at a time per folder (an OS lock on
 * {@code .calphot.lock} holding the pid and config hash, released by the OS even after kill -9), the
 * {@code run-N} choice made under that lock, removal of staging folders left by dead runs, completion
 * of a commit interrupted after its decision point, and refusal of folders that lead outside.
 */
public final class OutputFolder implements AutoCloseable {

    public static final String LOCK_FILE = ".calphot.lock";
    public static final String STAGING_PREFIX = ".calphot-staging-";
    public static final String COMMIT_PREFIX = ".calphot-commit-";
    /** Names at the top of an output folder that belong to calphot (compared ignoring case). */
    public static final Set<String> RESERVED = Set.of("mcmc_lightcurves", "ephemeris", "calibration.txt",
            "provenance.json", LOCK_FILE);

    /** Bases locked by this JVM (a FileLock cannot be taken twice by one process). */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path base;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean createdBase;

    private OutputFolder(Path base, FileChannel channel, FileLock lock, boolean createdBase) {
        this.base = base;
        this.channel = channel;
        this.lock = lock;
        this.createdBase = createdBase;
    }

    public Path base() {
        return base;
    }

    public boolean createdBase() {
        return createdBase;
    }

    /**
     * The output folder must be (or become) a plain folder: not a file, not a device or /proc entry, a
     * name the file system can hold. Checked before any work.
     */
    public static void checkUsable(Path base, Location where) throws BadInputException {
        String s = base.toString();
        if (s.indexOf('\0') >= 0) {
            throw new BadInputException("the output folder name contains a NUL byte", where);
        }
        for (Path part : base) {
            if (part.toString().getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new BadInputException("a part of the output folder name is longer than 255 bytes", where);
            }
        }
        if (s.length() > 4000) {
            throw new BadInputException("the output folder name is longer than 4000 characters", where);
        }
        Path abs = base.toAbsolutePath().normalize();
        for (String sys : List.of("/dev", "/proc", "/sys")) {
            if (abs.startsWith(sys)) {
                throw new BadInputException("'" + base + "' is a system folder, not an output folder", where);
            }
        }
        // walk up to the first part that exists: it must be a folder
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new BadInputException(p.equals(abs) ? "'" + base + "' exists and is not a folder"
                            : "'" + p + "' is not a folder, so '" + base + "' cannot be created", where);
                }
                try {
                    Path real = p.toRealPath();
                    for (String sys : List.of("/dev", "/proc", "/sys")) {
                        if (real.startsWith(sys)) {
                            throw new BadInputException("'" + base + "' leads to the system folder " + real
                                    + ", not an output folder", where);
                        }
                    }
                } catch (IOException e) {
                    // unreadable: the create or the write reports it
                }
                return;
            }
        }
    }

    /**
     * Creates the folder if needed and takes its lock, waiting (with a message) while another calphot
     * run holds it. Then removes what dead runs left and finishes their decided commits.
     */
    public static OutputFolder lock(Path base, String configSha, ProgressMonitor pm, Consumer<String> say)
            throws CalphotException {
        boolean created = !Files.exists(base);
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new CalphotException("cannot create output folder " + base + ": " + e.getMessage(),
                    Location.of(base.toString()), e);
        }
        Path lockPath = base.resolve(LOCK_FILE);
        boolean toldWaiting = false;
        while (true) {
            if (pm != null) {
                pm.checkCanceled();
            }
            boolean mine;
            synchronized (HELD) {
                mine = HELD.add(base);
            }
            if (mine) {
                FileChannel ch = null;
                try {
                    ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                    Object opened = fileKey(lockPath);
                    FileLock l;
                    try {
                        l = ch.tryLock();
                    } catch (OverlappingFileLockException e) {
                        l = null;
                    }
                    if (l != null) {
                        String previous = readAll(ch);
                        String holder = "pid=" + ProcessHandle.current().pid() + "\nconfig_sha256=" + configSha
                                + "\nstarted_utc=" + java.time.Instant.now() + "\n";
                        holder += "nonce=" + System.nanoTime() + "\n";
                        ch.truncate(0);
                        ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                        ch.force(false);
                        if (!Files.exists(lockPath, LinkOption.NOFOLLOW_LINKS)
                                || opened != null && !opened.equals(fileKey(lockPath))) {
                            // the holder removed the file between our open and our lock: lock the new one.
                            // Compared by stat (device and inode), never by reading the path: on Linux closing
                            // any other descriptor of the file drops this process's lock (POSIX record locks)
                            l.release();
                            ch.close();
                            synchronized (HELD) {
                                HELD.remove(base);
                            }
                            continue;
                        }
                        OutputFolder f = new OutputFolder(base, ch, l, created);
                        if (!previous.isBlank()) {
                            say.accept("the lock of " + base + " was left by calphot " + field(previous, "pid")
                                    + " (not running any more: killed or crashed); taken over");
                        }
                        f.cleanUp(say);
                        return f;
                    }
                    if (!toldWaiting) {
                        say.accept("waiting: " + base + " is in use by calphot " + holder(lockPath));
                        toldWaiting = true;
                    }
                    ch.close();
                } catch (IOException e) {
                    closeQuietly(ch);
                    synchronized (HELD) {
                        HELD.remove(base);
                    }
                    throw new CalphotException("cannot lock output folder " + base + ": " + e.getMessage(),
                            Location.of(base.toString()), e);
                }
                synchronized (HELD) {
                    HELD.remove(base);
                }
            } else if (!toldWaiting) {
                say.accept("waiting: " + base + " is in use by another run in this program");
                toldWaiting = true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    /** The file's identity (device and inode on Unix; null where the system has none, or absent), from a stat. */
    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static String readAll(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4096);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    private static String holder(Path lockPath) {
        try {
            String t = new String(Files.readAllBytes(lockPath), StandardCharsets.UTF_8);
            String sha = field(t, "config_sha256");
            return field(t, "pid") + (sha.isEmpty() ? "" : " (config sha256 " + sha.substring(0, Math.min(12, sha.length()))
                    + ", started " + field(t, "started_utc") + ")") + "; this run starts when it ends";
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String field(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key + "=")) {
                String v = line.substring(key.length() + 1).strip();
                return key.equals("pid") ? "pid " + v : v;
            }
        }
        return "";
    }

    /** Staging folders of dead runs are removed; commits decided by a run killed while moving are finished. */
    void cleanUp(Consumer<String> say) throws CalphotException {
        List<Path> folders = new ArrayList<>();
        folders.add(base);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(base, "run-*")) {
            for (Path p : ds) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(p);
                }
            }
        } catch (IOException e) {
            throw new CalphotException("cannot list " + base + ": " + e.getMessage(), Location.of(base.toString()), e);
        }
        for (Path folder : folders) {
            try {
                Generation.cleanUp(folder, say);
            } catch (IOException e) {
                throw new CalphotException("cannot clean " + folder + ": " + e.getMessage(),
                        Location.of(folder.toString()), e);
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, ".calphot-*")) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    long pid = pidOf(name);
                    if (pid > 0 && pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isPresent()
                            && !name.startsWith(COMMIT_PREFIX)) {
                        continue; // a live process outside calphot's lock: not ours to judge
                    }
                    if (name.startsWith(COMMIT_PREFIX)) {
                        int n = Staging.finishCommit(p, folder);
                        say.accept("finished the commit of an earlier run (pid " + pid + ") that stopped while moving"
                                + " its outputs into " + folder + ": " + n + " files moved into place");
                    } else if (name.startsWith(STAGING_PREFIX)) {
                        deleteTree(p);
                        say.accept("removed " + p + " left by an earlier run (pid " + pid
                                + ") that did not finish; its outputs were never used");
                    }
                }
            } catch (IOException e) {
                throw new CalphotException("cannot clean " + folder + ": " + e.getMessage(),
                        Location.of(folder.toString()), e);
            }
        }
    }

    static long pidOf(String name) {
        String rest = name.startsWith(STAGING_PREFIX) ? name.substring(STAGING_PREFIX.length())
                : name.startsWith(COMMIT_PREFIX) ? name.substring(COMMIT_PREFIX.length())
                : name.startsWith(Generation.PREFIX) ? name.substring(Generation.PREFIX.length()) : "";
        int dash = rest.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    /**
     * Every folder a run writes into must resolve inside the output folder: a symbolic link to
     * elsewhere (MCMC_LIGHTCURVES linked to another disk, say) is refused, not followed.
     */
    public static void checkInside(Path out, List<Path> relativeFiles) throws BadInputException {
        Path real;
        try {
            real = out.toRealPath();
        } catch (IOException e) {
            return; // not created yet: nothing inside it can lead elsewhere
        }
        Set<Path> seen = new HashSet<>();
        for (Path rel : relativeFiles) {
            for (Path d = rel.getParent(); d != null; d = d.getParent()) {
                if (!seen.add(d)) {
                    continue;
                }
                Path p = out.resolve(d);
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    Path r = p.toRealPath();
                    if (!r.startsWith(real) || !Files.isDirectory(r)) {
                        throw new BadInputException(Files.isSymbolicLink(p)
                                ? "is a symbolic link to " + r + ", outside the output folder " + real
                                        + "; calphot writes only inside it (remove the link)"
                                : "is not a folder; calphot needs it as a folder for its outputs",
                                Location.of(p.toString()));
                    }
                } catch (IOException e) {
                    throw new BadInputException("cannot resolve: " + e.getMessage(), Location.of(p.toString()));
                }
            }
        }
    }

    /** Is {@code name} a name calphot owns at the top of an output folder? */
    public static boolean reserved(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return RESERVED.contains(n) || n.startsWith(".calphot") || n.matches("run-[0-9]+");
    }

    /**
     * Removes the lock file, then releases the lock (a waiter that had opened the removed file sees that
     * the path no longer names the file it locked and locks the new one); a folder this run created and left empty
     * is removed with it.
     */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(base.resolve(LOCK_FILE));
        } catch (IOException e) {
            try {
                channel.truncate(0); // left behind but empty: not reported as stale
            } catch (IOException e2) {
                // a stale pid is reported, not trusted
            }
        }
        try {
            lock.release();
        } catch (IOException e) {
            // the channel closes below
        }
        closeQuietly(channel);
        if (createdBase) {
            try (Stream<Path> s = Files.list(base)) {
                if (s.findAny().isEmpty()) {
                    Files.deleteIfExists(base);
                }
            } catch (IOException e) {
                // not empty or not ours to remove
            }
        }
        synchronized (HELD) {
            HELD.remove(base);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
