// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.config.internal;

import java.io.Reader;
import java.util.Locale;

import org.calphot.core.BadInputException;
import org.calphot.core.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML as a node tree (never constructed into objects, so no type tags are ever honoured: safe
 * loading), with the line of every node for located errors.
 */
public final class YamlNodes {

    private YamlNodes() {
    }

    public static Node compose(Reader in, String file) throws BadInputException {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(true); // reported by the validator, with both lines
        opts.setMaxAliasesForCollections(50);
        opts.setCodePointLimit(10 * 1024 * 1024);
        try {
            return new Yaml(opts).compose(in);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String msg = (e.getProblem() != null ? e.getProblem() : e.getMessage()).strip().replaceAll("\\s*\\n\\s*", " ");
            throw new BadInputException("not valid YAML: " + msg,
                    m == null ? Location.of(file) : Location.of(file, m.getLine() + 1, m.getColumn() + 1));
        } catch (YAMLException e) {
            throw new BadInputException("not valid YAML: " + e.getMessage().strip().replaceAll("\\s*\\n\\s*", " "),
                    Location.of(file));
        }
    }

    /** 1-based line of a node. */
    public static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    public static String keyText(NodeTuple t) {
        Node k = t.getKeyNode();
        return k instanceof ScalarNode s ? s.getValue() : ConfigChecks.flow(k);
    }

    public static boolean isNull(ScalarNode s) {
        return Tag.NULL.equals(s.getTag());
    }

    /** The scalar as a number, NaN when it is not one (as Python's float() would refuse it). */
    public static double number(ScalarNode s) {
        String v = s.getValue().strip().replace("_", "");
        if (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag()) || Tag.STR.equals(s.getTag())) {
            try {
                if (v.startsWith("0x") || v.startsWith("0X")) {
                    return Long.parseLong(v.substring(2), 16);
                }
                double d = Double.parseDouble(v);
                return d;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** YAML booleans and Python truthiness of numbers (cal_phot wrote {@code SDSS: 1}); null when neither. */
    public static Boolean truth(ScalarNode s) {
        String v = s.getValue().strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "true", "yes", "on", "y" -> {
                return Boolean.TRUE;
            }
            case "false", "no", "off", "n" -> {
                return Boolean.FALSE;
            }
            default -> {
                // cal_phot's configs wrote SDSS: 1 and 0; any other number (5, 1e308) is a mistake
                double d = number(s);
                return d == 0 ? Boolean.FALSE : d == 1 ? Boolean.TRUE : null;
            }
        }
    }
}
