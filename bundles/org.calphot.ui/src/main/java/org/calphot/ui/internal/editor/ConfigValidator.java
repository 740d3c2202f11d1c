// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.ui.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.calphot.config.ConfigException;
import org.calphot.config.ConfigProblem;
import org.calphot.config.ConfigReader;
import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.Location;
import org.calphot.core.time.SiteRegistry;
import org.calphot.ui.internal.UiPlugin;

/**
 * Validates config text with the config bundle's own reader (the same checks as {@code calphot run}) and returns
 * every problem; warnings (e.g. a site given as "lat, lon" without height) come back too.
 */
public final class ConfigValidator {

    /** One problem or warning, located by line (1-based, 0 = unknown) and key path. */
    public record Problem(boolean error, int line, String key, String message, Path file) {
    }

    private ConfigValidator() {
    }

    public static List<Problem> validate(String text, Path file) {
        List<Problem> out = new ArrayList<>();
        try {
            SiteRegistry sites = UiPlugin.services().sites();
            new ConfigReader(sites, (where, msg) -> out.add(problem(false, where, msg, file))).parse(text, file);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                out.add(problem(true, p.where(), p.message(), file));
            }
        } catch (BadInputException e) {
            out.add(problem(true, e.location(), e.getMessage(), file));
        } catch (CalphotException e) {
            out.add(new Problem(true, 0, null, e.getMessage(), file));
        } catch (RuntimeException e) {
            // a reader bug must not kill the editor: show it as a problem
            out.add(new Problem(true, 0, null, "validation failed: " + e, file));
        }
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    private static Problem problem(boolean error, Location where, String msg, Path file) {
        return new Problem(error, where == null ? 0 : where.line(), where == null ? null : where.key(), msg, file);
    }
}
