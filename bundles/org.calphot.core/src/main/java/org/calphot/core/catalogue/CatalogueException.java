// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.core.catalogue;

import org.calphot.core.CalphotException;

/**
 * A catalogue could not answer. The {@link Kind} lets callers decide what to do (retry later, go
 * offline, pick another star) without parsing messages; {@link #query()} names the exact query so
 * a user can re-run or inspect it.
 */
public class CatalogueException extends CalphotException {
    private static final long serialVersionUID = 1L;

    /** Why a catalogue query failed. */
    public enum Kind {
        /** Connection refused, DNS failure, connection dropped. Retried. */
        UNREACHABLE,
        /** No (complete) reply within the timeout. Retried. */
        TIMED_OUT,
        /** The server replied with an HTTP error status or an error page. 5xx and 429 are retried. */
        HTTP_ERROR,
        /** The reply could not be understood (not the expected table). Not retried. */
        MALFORMED_REPLY,
        /** The query ran but no star matched. */
        NO_STAR_FOUND,
        /** Offline mode and the query is not in the on-disk cache. */
        CACHE_MISS_OFFLINE
    }

    private final Kind kind;
    private final String query;
    private final int httpStatus;

    public CatalogueException(Kind kind, String message, String query) {
        this(kind, message, query, 0, null);
    }

    public CatalogueException(Kind kind, String message, String query, int httpStatus, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.query = query;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The query text that failed (as in {@link Catalogue#queryText}); may be null. */
    public String query() {
        return query;
    }

    /** The HTTP status for {@link Kind#HTTP_ERROR} when one was received, else 0. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether trying again later could help (network-level trouble or a server-side 5xx/429). */
    public boolean transientFailure() {
        return switch (kind) {
            case UNREACHABLE, TIMED_OUT -> true;
            case HTTP_ERROR -> httpStatus >= 500 || httpStatus == 429;
            default -> false;
        };
    }
}
