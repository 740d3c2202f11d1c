// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue.vo;

/** A reply that is not a usable VOTable: thrown by {@link VoClient#parse}; callers turn it into a typed failure. */
public final class VoException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean serviceError;

    public VoException(String message, boolean serviceError) {
        super(message);
        this.serviceError = serviceError;
    }

    /** True when the service answered a well-formed error document (QUERY_STATUS = ERROR). */
    public boolean serviceError() {
        return serviceError;
    }
}
