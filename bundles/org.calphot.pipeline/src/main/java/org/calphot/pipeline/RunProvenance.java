// SPDX-License-Identifier: EPL-2.0 OR GPL-2.0-or-later
// Copyright (c) 2026 the calphot contributors
package org.calphot.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.calphot.config.CalphotJob;
import org.calphot.config.OutputFormat;
import org.calphot.config.Payload;
import org.calphot.core.CalphotException;
import org.calphot.core.photometry.AbMagnitudes;
import org.calphot.core.photometry.ComparisonMagnitudes;
import org.calphot.output.ProvenanceFile;
import org.calphot.pipeline.internal.Staging;

/**
 * What provenance.json records of a run, gathered from the run's state: version and build, SHA-256 of the config
 * and of every log and output, the resolved config, site values, the time service's tables, catalogue queries, the
 * folding ephemeris and every warning. {@link ProvenanceFile} (org.calphot.output) writes the document.
 */
final class RunProvenance {

    private RunProvenance() {
    }

    static Map<String, Object> provenance(PipelineServices services, CalphotJob job, EphemerisStep.Result eph,
            RunOptions options, String configSha, Path out, Set<OutputFormat> formats, Map<String, Object> logs,
            MagnitudeResolver mags, List<String> warnings, long started) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("program", "calphot");
        m.put("version", options.programVersion());
        m.put("created_utc", org.calphot.core.util.SourceDate.now().toString());
        m.put("config", job.configFile().toAbsolutePath().toString());
        m.put("config_sha256", configSha);
        m.put("output_directory", out.toString());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("target_coords", job.targetCoords());
        resolved.put("target_ra_deg", job.target().raDeg());
        resolved.put("target_dec_deg", job.target().decDeg());
        resolved.put("target_ra_hours", job.target().raDeg() / 15.0);
        resolved.put("target_sexagesimal", job.target().toSexagesimal());
        resolved.put("t0_bmjd_tdb", job.t0());
        resolved.put("period_d", job.period());
        resolved.put("sdss", job.sdss());
        resolved.put("catalogue", job.catalogue());
        resolved.put("colour_terms", job.colourTerms());
        resolved.put("filter_system", job.filterSystem());
        resolved.put("filter_systems_installed", ColourTerms.names(services.filterSystems()));
        resolved.put("seed", job.seed());
        resolved.put("output_formats", formats.stream().map(OutputFormat::key).sorted().toList());
        resolved.put("offline", options.offline());
        List<Object> payloads = new ArrayList<>();
        for (Payload p : job.payloads()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("instrument", p.instrument() == null ? null : p.instrument().key());
            pm.put("bands", p.bands());
            pm.put("observatory", p.observatory());
            if (p.site() != null) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", p.site().name());
                s.put("lat_deg", p.site().latDeg());
                s.put("lon_east_deg", p.site().lonEastDeg());
                s.put("height_m", p.site().heightM());
                s.put("source", p.site().source());
                pm.put("site", s);
            }
            pm.put("phase_range", new double[] {p.phaseLow(), p.phaseHigh()});
            pm.put("magnitude_source", p.magnitudeSource().name());
            pm.put("ignore_flags", org.calphot.core.log.LogFlags.names(p.ignoreFlags()));
            pm.put("airmass_formula", p.airmassFormula().name());
            pm.put("drop_bad_comparisons", p.dropBadComparisons());
            pm.put("filter_system", p.filterSystem());
            pm.put("extract_data", p.extractData());
            payloads.add(pm);
        }
        resolved.put("payloads", payloads);
        m.put("resolved_config", resolved);
        m.put("time", services.time().provenance());
        m.put("catalogue_queries", mags.queries());
        if (!mags.catalogueChoices().isEmpty()) {
            m.put("catalogue_choices", mags.catalogueChoices());
        }
        Map<String, Object> folding = new LinkedHashMap<>();
        folding.put("t0_bmjd_tdb", eph.t0());
        folding.put("period_d", eph.period());
        folding.put("from", eph.origin().equals("fit") ? "fit ephemeris" : "config");
        m.put("folding_ephemeris", folding);
        if (eph.provenance() != null) {
            m.put("ephemeris", eph.provenance());
        }
        m.put("logs", logs);
        m.put("warnings", List.copyOf(warnings));
        if (org.calphot.core.util.SourceDate.fixed() == null) {
            m.put("elapsed_s", (System.nanoTime() - started) / 1e9); // left out when the bytes must be reproducible
        }
        return m;
    }

    /** SHA-256 of every staged output: a reader can check that the folder holds this run, whole. */
    static Map<String, Object> outputHashes(Staging staging) {
        Map<String, Object> m = new java.util.TreeMap<>();
        for (Path rel : staging.files()) {
            m.put(rel.toString(), staging.sha256(rel));
        }
        return m;
    }

    static String sha256(byte[] data) {
        return ProvenanceFile.sha256(data);
    }

    static String sha256(Path file) throws CalphotException {
        return ProvenanceFile.sha256(file);
    }

    /** The comparison magnitudes of one CCD and where they came from, with their fluxes in mJy. */
    static Map<String, Object> magnitudes(ComparisonMagnitudes m) {
        Map<String, Object> mm = new LinkedHashMap<>();
        mm.put("source", m.source().name());
        mm.put("labels", m.labels());
        mm.put("mag", m.mag());
        mm.put("mag_err", m.magErr());
        mm.put("zero_point_err", m.zeroPointErr());
        mm.put("extinction_err", m.extinctionErr());
        mm.put("origin", m.provenance());
        double[] flux = new double[m.labels().size()];
        for (int i = 0; i < flux.length; i++) {
            flux[i] = m.used(i) ? AbMagnitudes.toMilliJansky(m.mag(i)) : Double.NaN;
        }
        mm.put("flux_mjy", flux);
        return mm;
    }
}
