// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calphot bench startup}: whole-process start-up of {@code calphot --help} (or another command) beside the
 * JVM's floor, {@code java -version} of the same java, measured alternately in the same run.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = {"Time calphot --help as a new process, beside java -version.", "",
            "Start 'calphot --help' (or the arguments of --command) as a new process --repeat times, alternating",
            "with 'java -version' of the same java (the JVM's floor), and print the median and best wall time",
            "of each and their ratio. Uses the ./calphot launcher when started through it."})
public final class BenchStartupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repeat", paramLabel = "N", description = "starts of each (default ${DEFAULT-VALUE}).")
    int repeat = 5;

    @Option(names = "--command", paramLabel = "ARGS", description = "calphot arguments to time (default --help).")
    String command = "--help";

    @Override
    public Integer call() throws Exception {
        if (repeat < 1) {
            throw new BadInputException("--repeat must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> calphot = calphotCommand();
        calphot.addAll(Arrays.asList(command.trim().split("\\s+")));
        List<String> floor = List.of(java, "-version");
        double[] base = new double[repeat];
        double[] cp = new double[repeat];
        String load = loadAverage();
        time(calphot); // one untimed start: the page cache, and the launcher's product check
        for (int i = 0; i < repeat; i++) {
            base[i] = time(floor);
            cp[i] = time(calphot);
        }
        Arrays.sort(base);
        Arrays.sort(cp);
        out.printf(Locale.ROOT, "calphot %s: median %.3f s, best %.3f s (%s)%n", command, cp[repeat / 2], cp[0],
                String.join(" ", calphot));
        out.printf(Locale.ROOT, "java -version (baseline): median %.3f s, best %.3f s%n", base[repeat / 2], base[0]);
        out.printf(Locale.ROOT, "ratio %.1f x the JVM floor; %d starts each, %d cores, load average %s (before) %s"
                + " (after)%n", cp[repeat / 2] / base[repeat / 2], repeat, Runtime.getRuntime().availableProcessors(),
                load, loadAverage());
        out.flush();
        return 0;
    }

    /** The launcher script when started through it ({@code CALPHOT_LAUNCHER}), else this JVM's own command line. */
    private static List<String> calphotCommand() throws CalphotException {
        String launcher = System.getenv("CALPHOT_LAUNCHER");
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            return new ArrayList<>(List.of(launcher));
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        String[] args = info.arguments().orElse(new String[0]);
        List<String> cmd = new ArrayList<>();
        cmd.add(info.command().orElse("java"));
        for (int i = 0; i < args.length; i++) {
            cmd.add(args[i]);
            if (args[i].equals("-jar") && i + 1 < args.length) {
                cmd.add(args[i + 1]);
                cmd.add("-nosplash");
                return cmd;
            }
        }
        throw new CalphotException("cannot tell how this calphot was started; run it through ./calphot");
    }

    private static double time(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CALPHOT_NO_BUILD", "1");
        long t = System.nanoTime();
        Process p = pb.start();
        p.waitFor();
        return (System.nanoTime() - t) / 1e9;
    }

    /** The 1-minute load average (Linux), the figure's context on a shared machine. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
