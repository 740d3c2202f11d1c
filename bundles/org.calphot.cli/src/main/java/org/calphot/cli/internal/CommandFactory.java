// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.cli.internal;

import java.lang.reflect.Constructor;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates the commands picocli instantiates itself (nested subcommands such as {@code catalogue list}): a class
 * with a {@code (CommandServices)} constructor gets the broker, any other class picocli's default factory.
 */
final class CommandFactory implements IFactory {

    private final CommandServices services;
    private final IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(CommandServices services) {
        this.services = services;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        Constructor<K> withServices;
        try {
            withServices = cls.getDeclaredConstructor(CommandServices.class);
        } catch (NoSuchMethodException e) {
            return fallback.create(cls);
        }
        withServices.setAccessible(true);
        return withServices.newInstance(services);
    }
}
