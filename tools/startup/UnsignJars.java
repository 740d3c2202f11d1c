// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Removes the signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC) from the jars the JVM itself loads when the
 * headless product starts (the Equinox launcher and framework). The JDK verifies a signed jar's every entry when its
 * classes load, about a third of the start-up CPU of {@code calphot --help}, and class-data sharing skips classes
 * of signed jars. Equinox does not check bundle signatures unless asked (osgi.signedcontent.support), so nothing
 * else changes. Run by ./calphot once after a build: {@code java UnsignJars.java JAR...}; a jar without signature
 * files is left untouched; each jar is replaced through a temporary sibling and a rename.
 */
public final class UnsignJars {

    public static void main(String[] args) throws IOException {
        for (String a : args) {
            unsign(Path.of(a));
        }
    }

    static boolean isSignature(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.startsWith("META-INF/") && n.indexOf('/', 9) < 0
                && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC"));
    }

    static void unsign(Path jar) throws IOException {
        boolean signed = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                signed |= isSignature(e.getName());
            }
        }
        if (!signed) {
            return;
        }
        Path tmp = jar.resolveSibling("." + jar.getFileName() + ".unsign.tmp");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            byte[] buf = new byte[1 << 16];
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (isSignature(e.getName())) {
                    continue;
                }
                ZipEntry c = new ZipEntry(e.getName());
                c.setTime(e.getTime());
                out.putNextEntry(c);
                copy(in, out, buf);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void copy(InputStream in, OutputStream out, byte[] buf) throws IOException {
        for (int n; (n = in.read(buf)) > 0;) {
            out.write(buf, 0, n);
        }
    }
}
