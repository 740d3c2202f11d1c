// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core;

/**
 * Where in the user's input something is: a file, a 1-based line and column (0 = unknown)
 * and, for configs, a key path such as {@code runs[2].logfile}.
 */
public record Location(String file, int line, int column, String key) {

    public static final Location NONE = new Location(null, 0, 0, null);

    public static Location of(String file) {
        return new Location(file, 0, 0, null);
    }

    public static Location of(String file, int line) {
        return new Location(file, line, 0, null);
    }

    public static Location of(String file, int line, int column) {
        return new Location(file, line, column, null);
    }

    public static Location key(String file, int line, String key) {
        return new Location(file, line, 0, key);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (line > 0) {
            sb.append(sb.length() > 0 ? ":" : "line ").append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (key != null) {
            sb.append(sb.length() > 0 ? " " : "").append("key '").append(key).append('\'');
        }
        return sb.toString();
    }
}
