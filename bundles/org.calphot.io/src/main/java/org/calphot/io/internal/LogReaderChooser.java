// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.log.LogReader;
import org.calphot.core.log.LogReaders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Picks a reader by the first 64 KiB of a file (never by its name): the reader with the highest
 * confidence wins. Readers come and go as bundles do (0..n dynamic reference).
 */
@Component(service = LogReaders.class)
public final class LogReaderChooser implements LogReaders {

    static final int HEAD = 1 << 16;

    private final List<LogReader> readers = new CopyOnWriteArrayList<>();

    public LogReaderChooser() {
    }

    /** For use without OSGi. */
    public LogReaderChooser(List<LogReader> initial) {
        readers.addAll(initial);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addReader(LogReader reader) {
        readers.add(reader);
    }

    public void removeReader(LogReader reader) {
        readers.remove(reader);
    }

    @Override
    public List<LogReader> readers() {
        return List.copyOf(readers);
    }

    @Override
    public LogReader choose(Path file) throws CalphotException {
        String fname = file.toString();
        // a folder, a device or a FIFO says so (a FIFO without a writer would block the open forever)
        org.calphot.core.util.SafeFiles.requireRegular(file, "a log file");
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file", Location.of(fname));
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new BadInputException("is a directory, not a log file", Location.of(fname));
            }
            throw new CalphotException("cannot read: " + e.getMessage(), Location.of(fname), e);
        }
        if (head.length == 0) {
            throw new BadInputException("empty file", Location.of(fname));
        }
        LogReader best = null;
        int bestScore = 0;
        for (LogReader r : readers) {
            int s;
            try {
                s = r.confidence(head);
            } catch (RuntimeException e) {
                s = 0;
            }
            if (s > bestScore) {
                best = r;
                bestScore = s;
            }
        }
        if (best == null) {
            List<String> names = new ArrayList<>();
            readers.forEach(r -> names.add(r.name()));
            throw new BadInputException("not a photometry log any installed reader knows (" + String.join(", ", names)
                    + ")", Location.of(fname, 1));
        }
        return best;
    }
}
