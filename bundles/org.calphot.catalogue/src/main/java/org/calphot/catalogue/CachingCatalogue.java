// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.catalogue;

import java.util.List;
import java.util.Optional;

import org.calphot.core.CalphotException;
import org.calphot.core.catalogue.Catalogue;
import org.calphot.core.catalogue.CatalogueException;
import org.calphot.core.catalogue.CatalogueException.Kind;
import org.calphot.core.catalogue.CatalogueResult;
import org.calphot.core.catalogue.ConeQuery;
import org.calphot.core.catalogue.QueryOptions;

/**
 * Puts the on-disk cache in front of a remote catalogue: a hit is returned without the network; a
 * miss is fetched and stored, unless offline, where it is a {@link Kind#CACHE_MISS_OFFLINE} error
 * naming the query. "No star found" answers are cached too, so they also replay offline. Local
 * catalogues (tables on disk) pass straight through.
 */
public final class CachingCatalogue implements Catalogue {

    private final Catalogue delegate;
    private final CatalogueCache cache;
    private final boolean offline;

    public CachingCatalogue(Catalogue delegate, CatalogueCache cache, boolean offline) {
        this.delegate = delegate;
        this.cache = cache;
        this.offline = offline;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public List<String> bands() {
        return delegate.bands();
    }

    @Override
    public boolean remote() {
        return delegate.remote();
    }

    @Override
    public String queryText(ConeQuery cone, QueryOptions options) throws CalphotException {
        return delegate.queryText(cone, options);
    }

    @Override
    public CatalogueResult query(ConeQuery cone, QueryOptions options) throws CalphotException {
        if (!delegate.remote()) {
            return delegate.query(cone, options);
        }
        String text = delegate.queryText(cone, options);
        Optional<CatalogueResult> hit;
        try {
            hit = cache.get(delegate.name(), text);
        } catch (CalphotException unreadable) {
            if (offline) {
                throw unreadable;
            }
            hit = Optional.empty(); // fetch again and overwrite the bad entry
        }
        if (hit.isPresent()) {
            CatalogueResult r = hit.get();
            if (r.stars().isEmpty()) {
                throw new CatalogueException(Kind.NO_STAR_FOUND, delegate.name() + ": no star found (cached answer "
                        + r.retrievedUtc() + ") for " + text, text);
            }
            return r;
        }
        if (offline) {
            throw new CatalogueException(Kind.CACHE_MISS_OFFLINE, "offline and not in the cache "
                    + cache.directory() + ": " + delegate.name() + " " + (cone == null ? "" : cone.describe() + " ")
                    + "query " + text, text);
        }
        try {
            CatalogueResult r = delegate.query(cone, options);
            cache.put(r);
            return r;
        } catch (CatalogueException e) {
            if (e.kind() == Kind.NO_STAR_FOUND) {
                cache.put(new CatalogueResult(delegate.name(), text, cone, null, delegate.bands(), List.of(),
                        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                        false));
            }
            throw e;
        }
    }

    @Override
    public boolean supportsNames() {
        return delegate.supportsNames();
    }

    @Override
    public CatalogueResult queryByName(String starName, QueryOptions options) throws CalphotException {
        return delegate.queryByName(starName, options);
    }
}
