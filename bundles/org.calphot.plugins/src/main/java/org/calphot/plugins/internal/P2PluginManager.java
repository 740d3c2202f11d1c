// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.plugins.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.calphot.core.BadInputException;
import org.calphot.core.CalphotException;
import org.calphot.core.CancelledException;
import org.calphot.core.Location;
import org.calphot.core.ProgressMonitor;
import org.calphot.core.plugins.PluginManager;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.query.IQueryResult;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;

/**
 * Installs features into the running product through the p2 operations API, on the product's own
 * p2 profile ({@code eclipse.p2.profile} in config.ini, written by the build). p2 rewrites the
 * product's bundles.info; the OSGi framework reads it at the next start.
 */
@Component(service = PluginManager.class, property = "name=p2")
public final class P2PluginManager implements PluginManager {

    static final String GROUP = ".feature.group";
    // InstallableUnitDescription.PROP_TYPE_PRODUCT, not in the API packages
    static final String PROP_TYPE_PRODUCT = "org.eclipse.equinox.p2.type.product";

    private static final Set<String> START = Set.of("org.eclipse.equinox.p2.core",
            "org.eclipse.equinox.p2.garbagecollector");

    private IProvisioningAgent agent;

    private synchronized IProvisioningAgent agent() throws CalphotException {
        if (agent != null) {
            return agent;
        }
        Bundle self = FrameworkUtil.getBundle(P2PluginManager.class);
        BundleContext ctx = self == null ? null : self.getBundleContext();
        if (ctx == null) {
            throw new CalphotException("p2 is only available inside the running product");
        }
        // p2.core registers the agent of the running product when it starts, the garbage collector removes the
        // jars of uninstalled bundles after each commit; both are lazy, so start them
        for (Bundle b : ctx.getBundles()) {
            if (START.contains(b.getSymbolicName()) && b.getState() != Bundle.ACTIVE) {
                try {
                    b.start(Bundle.START_TRANSIENT);
                } catch (BundleException e) {
                    throw new CalphotException("cannot start p2: " + e.getMessage(), e);
                }
            }
        }
        try {
            Collection<ServiceReference<IProvisioningAgent>> refs = ctx.getServiceReferences(IProvisioningAgent.class,
                    "(" + IProvisioningAgent.SERVICE_CURRENT + "=true)");
            if (!refs.isEmpty()) {
                agent = ctx.getService(refs.iterator().next());
            } else {
                ServiceReference<IProvisioningAgentProvider> pr = ctx.getServiceReference(IProvisioningAgentProvider.class);
                if (pr == null) {
                    throw new CalphotException("this product has no p2 agent (org.eclipse.equinox.p2.core missing)");
                }
                agent = ctx.getService(pr).createAgent(null); // null: the running product
            }
        } catch (org.osgi.framework.InvalidSyntaxException | ProvisionException e) {
            throw new CalphotException("cannot open p2: " + e.getMessage(), e);
        }
        if (agent == null) {
            throw new CalphotException("this product has no p2 agent");
        }
        return agent;
    }

    private IProfile profile() throws CalphotException {
        IProfileRegistry registry = agent().getService(IProfileRegistry.class);
        IProfile p = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
        if (p == null) {
            throw new CalphotException("this product has no p2 profile (eclipse.p2.profile in configuration/config.ini);"
                    + " only a product built by the calphot build can install plug-ins");
        }
        return p;
    }

    static String featureId(String id) {
        String s = id.strip();
        return s.endsWith(GROUP) ? s.substring(0, s.length() - GROUP.length()) : s;
    }

    private static Plugin plugin(IInstallableUnit iu, boolean optional) {
        String name = iu.getProperty(IInstallableUnit.PROP_NAME, null);
        return new Plugin(featureId(iu.getId()), iu.getVersion().toString(), name == null ? "" : name, optional);
    }

    @Override
    public List<Plugin> installed() throws CalphotException {
        IProfile p = profile();
        List<Plugin> out = new ArrayList<>();
        for (IInstallableUnit iu : p.query(QueryUtil.createIUGroupQuery(), null)) {
            if (iu.getId().endsWith(GROUP)) {
                out.add(plugin(iu, isOptional(p, iu)));
            }
        }
        out.sort(Comparator.comparing(Plugin::id));
        return out;
    }

    /** Roots that are not the product: what the user installed. */
    private static boolean isOptional(IProfile p, IInstallableUnit iu) {
        return Boolean.parseBoolean(p.getInstallableUnitProperty(iu, IProfile.PROP_PROFILE_ROOT_IU))
                && !Boolean.parseBoolean(iu.getProperty(PROP_TYPE_PRODUCT));
    }

    static URI repositoryUri(Path repository) throws BadInputException {
        Path p = repository.toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            if (!Files.isRegularFile(p.resolve("content.jar")) && !Files.isRegularFile(p.resolve("content.xml"))
                    && !Files.isRegularFile(p.resolve("content.xml.xz")) && !Files.isRegularFile(p.resolve("compositeContent.xml"))
                    && !Files.isRegularFile(p.resolve("compositeContent.jar"))) {
                throw new BadInputException("not a p2 repository (no content.jar or content.xml)", Location.of(p.toString()));
            }
            return p.toUri();
        }
        if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return URI.create("jar:" + p.toUri() + "!/");
        }
        throw new BadInputException("p2 repository not found: give a folder or a .zip of one", Location.of(p.toString()));
    }

    private IMetadataRepository load(URI uri, Path where, ProgressMonitor monitor) throws CalphotException {
        IMetadataRepositoryManager m = agent().getService(IMetadataRepositoryManager.class);
        try {
            return m.loadRepository(uri, new P2Monitor(monitor));
        } catch (ProvisionException e) {
            throw new BadInputException("cannot read the p2 repository: " + e.getMessage(), Location.of(where.toString()));
        } catch (OperationCanceledException e) {
            throw new CancelledException();
        }
    }

    @Override
    public List<Plugin> available(Path repository) throws CalphotException {
        URI uri = repositoryUri(repository);
        IMetadataRepository repo = load(uri, repository, ProgressMonitor.NULL);
        Set<String> installed = new LinkedHashSet<>();
        for (Plugin p : installed()) {
            installed.add(p.id() + " " + p.version());
        }
        List<Plugin> out = new ArrayList<>();
        for (IInstallableUnit iu : repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), null)) {
            if (iu.getId().endsWith(GROUP)) {
                out.add(plugin(iu, !installed.contains(featureId(iu.getId()) + " " + iu.getVersion())));
            }
        }
        out.sort(Comparator.comparing(Plugin::id));
        return out;
    }

    @Override
    public Change install(Path repository, String featureId, ProgressMonitor monitor) throws CalphotException {
        URI uri = repositoryUri(repository);
        IMetadataRepository repo = load(uri, repository, monitor);
        String id = featureId(featureId) + GROUP;
        IQueryResult<IInstallableUnit> found = repo.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id)), null);
        if (found.isEmpty()) {
            List<String> offered = new ArrayList<>();
            for (IInstallableUnit iu : repo.query(QueryUtil.createIUGroupQuery(), null)) {
                offered.add(featureId(iu.getId()));
            }
            throw new BadInputException("the repository has no feature '" + featureId(featureId) + "'; it offers: "
                    + (offered.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(offered))),
                    Location.of(repository.toString()));
        }
        IInstallableUnit iu = found.iterator().next();
        // the artifact repository must be known too; it sits at the same place
        IArtifactRepositoryManager arts = agent().getService(IArtifactRepositoryManager.class);
        try {
            arts.loadRepository(uri, new P2Monitor(monitor));
        } catch (ProvisionException e) {
            throw new BadInputException("the p2 repository has no artifacts: " + e.getMessage(),
                    Location.of(repository.toString()));
        }
        Set<String> before = ius(profile());
        InstallOperation op = new InstallOperation(new ProvisioningSession(agent()), List.of(iu));
        op.setProfileId(IProfileRegistry.SELF);
        op.getProvisioningContext().setMetadataRepositories(uri);
        op.getProvisioningContext().setArtifactRepositories(uri);
        run(op, "install " + featureId(featureId), monitor);
        Set<String> after = ius(profile());
        return change(plugin(iu, true), before, after);
    }

    @Override
    public Change uninstall(String featureId, ProgressMonitor monitor) throws CalphotException {
        IProfile p = profile();
        String id = featureId(featureId) + GROUP;
        IQueryResult<IInstallableUnit> found = p.query(QueryUtil.createIUQuery(id), null);
        if (found.isEmpty()) {
            throw new BadInputException("feature '" + featureId(featureId) + "' is not installed; see 'calphot plugins list'");
        }
        IInstallableUnit iu = found.iterator().next();
        if (!isOptional(p, iu)) {
            throw new BadInputException("feature '" + featureId(featureId) + "' is part of the product and cannot be"
                    + " uninstalled");
        }
        Set<String> before = ius(p);
        UninstallOperation op = new UninstallOperation(new ProvisioningSession(agent()), List.of(iu));
        op.setProfileId(IProfileRegistry.SELF);
        // nothing to fetch: removing needs no repository
        op.getProvisioningContext().setMetadataRepositories(new URI[0]);
        op.getProvisioningContext().setArtifactRepositories(new URI[0]);
        run(op, "uninstall " + featureId(featureId), monitor);
        return change(plugin(iu, true), before, ius(profile()));
    }

    private void run(ProfileChangeOperation op, String what, ProgressMonitor monitor) throws CalphotException {
        try {
            IStatus resolved = op.resolveModal(new P2Monitor(monitor));
            if (resolved.getSeverity() == IStatus.CANCEL) {
                throw new CancelledException();
            }
            if (resolved.getSeverity() == IStatus.ERROR || !op.hasResolved()) {
                String details = op.getResolutionDetails();
                throw new CalphotException("cannot " + what + ": " + describe(resolved)
                        + (details == null || details.isBlank() ? "" : System.lineSeparator() + details.strip()));
            }
            ProvisioningJob job = op.getProvisioningJob(new P2Monitor(monitor));
            if (job == null) {
                throw new CalphotException("cannot " + what + ": nothing to do (" + describe(resolved) + ")");
            }
            IStatus done = job.runModal(new P2Monitor(monitor));
            if (done.getSeverity() == IStatus.CANCEL) {
                throw new CancelledException();
            }
            if (done.getSeverity() == IStatus.ERROR) {
                throw new CalphotException("cannot " + what + ": " + describe(done));
            }
        } catch (OperationCanceledException e) {
            throw new CancelledException();
        }
    }

    /** The message of a status and of its children, one line. */
    static String describe(IStatus s) {
        StringBuilder sb = new StringBuilder(s.getMessage());
        if (s instanceof MultiStatus || s.isMultiStatus()) {
            for (IStatus c : s.getChildren()) {
                sb.append("; ").append(describe(c));
            }
        }
        return sb.toString();
    }

    private static Set<String> ius(IProfile p) {
        Set<String> out = new TreeSet<>();
        for (IInstallableUnit iu : p.query(QueryUtil.createIUAnyQuery(), null)) {
            out.add(iu.getId() + " " + iu.getVersion());
        }
        return out;
    }

    private static Change change(Plugin feature, Set<String> before, Set<String> after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String s : after) {
            if (!before.contains(s)) {
                added.add(s);
            }
        }
        for (String s : before) {
            if (!after.contains(s)) {
                removed.add(s);
            }
        }
        return new Change(feature, added, removed, true);
    }
}
