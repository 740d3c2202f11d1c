// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.calphot.cli.internal.CommandServices;
import org.calphot.core.CalphotException;
import org.calphot.core.log.LogReaders;
import org.calphot.io.LogInspector;
import org.calphot.io.LogIo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Thin wrapper: all logic is in {@link LogInspector}. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Summarise photometry logs (CCDs, apertures, frames, flags).", "",
            "Summarise photometry logs: instrument, version, CCDs, apertures, frames, MJD range, flags, bad points."})
public final class InspectCommand implements Callable<Integer> {

    private final CommandServices broker;

    public InspectCommand(CommandServices broker) {
        this.broker = broker;
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "HiPERCAM/ULTRACAM log (.log ASCII, C++ ulog or hlog2fits FITS)")
    List<Path> logs;

    @Option(names = "--json", description = "one JSON object per file (an array for several files)")
    boolean json;

    static LogReaders readers(CommandServices broker) {
        try {
            return broker.logReaders();
        } catch (CalphotException e) {
            // outside OSGi (plain-classpath tests): the built-in readers
            return LogIo.defaultReaders();
        }
    }

    @Override
    public Integer call() {
        PrintWriter outW = spec.commandLine().getOut();
        PrintWriter errW = spec.commandLine().getErr();
        PrintStream out = new PrintStream(new WriterOutputStream(outW), true);
        PrintStream err = new PrintStream(new WriterOutputStream(errW), true);
        int code = new LogInspector(readers(broker)).run(logs, json, out, err);
        out.flush();
        err.flush();
        outW.flush();
        errW.flush();
        return code;
    }

    /** Bridges picocli's writers to the PrintStreams the logic class takes. */
    static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter w;
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter w) {
            this.w = w;
        }

        @Override
        public void write(int b) {
            buf.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buf.write(b, off, len);
        }

        @Override
        public void flush() {
            w.write(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
            buf.reset();
            w.flush();
        }
    }
}
