// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import picocli.CommandLine.IVersionProvider;

/** Version and build id, both from this bundle's Bundle-Version (the qualifier is the build time stamp). */
public final class BuildInfo implements IVersionProvider {

    public static String version() {
        Version v = bundleVersion();
        return v == null ? "dev" : v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    public static String buildId() {
        Version v = bundleVersion();
        return v == null || v.getQualifier().isEmpty() ? "unknown" : v.getQualifier();
    }

    private static Version bundleVersion() {
        Bundle b = FrameworkUtil.getBundle(BuildInfo.class);
        return b == null ? null : b.getVersion();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"calphot " + version() + " (build " + buildId() + ")",
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")};
    }
}
