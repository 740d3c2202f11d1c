// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

/**
 * Writes a finished log again at a given frame rate, the way the *CAM {@code reduce} writes its log at
 * the telescope: the header at once, then the lines of each frame as it "arrives". Between two frames the
 * file ends in the middle of a line (the first half of the next frame's first line is already written), as
 * a buffered writer leaves it, so a reader following the file always meets a cut last line.
 */
public final class LiveLogWriter {

    /** Called after each frame written: frames so far and bytes so far. */
    public interface Listener {
        void written(int frames, long bytes);
    }

    private final double rateHz;
    private final int frameToken;

    /**
     * @param rateHz     frames per second
     * @param frameToken index of the frame-number field in a data line (1 for HiPERCAM logs, 0 for ulog)
     */
    public LiveLogWriter(double rateHz, int frameToken) {
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rate must be a positive number of frames per second: " + rateHz);
        }
        this.rateHz = rateHz;
        this.frameToken = frameToken;
    }

    /** Copies {@code source} to {@code target} (replaced) at the rate; returns the frames written. */
    public int play(Path source, Path target, BooleanSupplier cancelled, Listener listener) throws IOException {
        long t0 = System.nanoTime();
        int frames = 0;
        long bytes = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(source), 1 << 16);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 12);
            byte[] carry = null; // second half of a line whose first half is already in the file
            String frameKey = null;
            byte[] line;
            boolean inHeader = true;
            while ((line = readLine(in)) != null) {
                if (inHeader && isHeader(line)) {
                    out.write(line);
                    bytes += line.length;
                    continue;
                }
                if (inHeader) {
                    out.flush();
                    inHeader = false;
                }
                if (isHeader(line)) {
                    pending.write(line); // reduce's '#' line after each data line belongs to the frame
                    continue;
                }
                String key = token(line, frameToken);
                if (frameKey != null && !key.equals(frameKey)) {
                    // a frame is complete: wait for its time, then write it and half of the next line
                    frames++;
                    pace(t0, frames, cancelled);
                    if (cancelled.getAsBoolean()) {
                        break;
                    }
                    int half = Math.max(1, line.length / 2);
                    if (carry != null) {
                        out.write(carry);
                        bytes += carry.length;
                    }
                    pending.writeTo(out);
                    out.write(line, 0, half);
                    out.flush();
                    bytes += pending.size() + half;
                    pending.reset();
                    carry = java.util.Arrays.copyOfRange(line, half, line.length);
                    frameKey = key;
                    if (listener != null) {
                        listener.written(frames, bytes);
                    }
                    continue;
                }
                frameKey = key;
                pending.write(line);
            }
            if (!cancelled.getAsBoolean()) {
                frames++;
                pace(t0, frames, cancelled);
                if (carry != null) {
                    out.write(carry);
                    bytes += carry.length;
                }
                pending.writeTo(out);
                bytes += pending.size();
                out.flush();
                if (listener != null) {
                    listener.written(frames, bytes);
                }
            }
        }
        return frames;
    }

    private void pace(long t0, int frames, BooleanSupplier cancelled) {
        long due = t0 + (long) (frames * 1e9 / rateHz);
        while (!cancelled.getAsBoolean()) {
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(200, wait / 1_000_000), (int) (Math.min(200_000_000L, wait) % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isHeader(byte[] line) {
        for (byte b : line) {
            if (b == '#') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true; // blank lines before the data belong to the header
    }

    /** The n-th whitespace-separated field (0-based), or "" when the line has fewer. */
    static String token(byte[] line, int n) {
        int i = 0;
        int k = 0;
        while (i < line.length) {
            while (i < line.length && (line[i] == ' ' || line[i] == '\t')) {
                i++;
            }
            int s = i;
            while (i < line.length && line[i] != ' ' && line[i] != '\t' && line[i] != '\n' && line[i] != '\r') {
                i++;
            }
            if (k == n) {
                return new String(line, s, i - s, java.nio.charset.StandardCharsets.US_ASCII);
            }
            k++;
            if (i < line.length && (line[i] == '\n' || line[i] == '\r')) {
                break;
            }
        }
        return "";
    }

    /** One line with its newline, or null at the end. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(512);
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (c == '\n') {
                break;
            }
        }
        return b.size() == 0 ? null : b.toByteArray();
    }
}
