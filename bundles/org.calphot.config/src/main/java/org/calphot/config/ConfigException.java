// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config;

import java.util.List;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;

/** A config failed validation; carries every problem found, not just the first. */
public class ConfigException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(String file, List<ConfigProblem> problems) {
        super(summary(problems), problems.size() == 1 ? problems.get(0).where() : Location.of(file));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String summary(List<ConfigProblem> problems) {
        return problems.size() == 1 ? problems.get(0).message() : problems.size() + " problems in the config";
    }

    /** One problem: one located line. Several: a count, then one located line each. */
    @Override
    public String describe() {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder(location().file() == null ? "" : location().file() + ": ");
        sb.append(getMessage()).append(':');
        for (ConfigProblem p : problems) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        return sb.toString();
    }
}
