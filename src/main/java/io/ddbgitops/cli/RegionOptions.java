package io.ddbgitops.cli;

import io.ddbgitops.manifest.KnownRegions;
import io.ddbgitops.manifest.ManifestLimits;
import io.ddbgitops.manifest.ManifestLoader;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Manifests name regions the AWS SDK knows, unless {@code --allow-unknown-region} lets a brand-new one through. */
final class RegionOptions {
    @Option(names = "--allow-unknown-region",
            description = "Accept a manifest region (or replica) this build's AWS SDK does not list, with a warning, "
                    + "for a region newer than the build. Default: an unknown region is a validation error.")
    boolean allowUnknownRegion;

    /** The SDK's regions, without its pseudo-regions such as aws-global. */
    static final Set<String> SDK_REGIONS = Region.regions().stream().filter(r -> !r.isGlobalRegion())
            .map(Region::id).collect(Collectors.toUnmodifiableSet());

    ManifestLoader loader() {
        return new ManifestLoader(ManifestLimits.DEFAULT,
                allowUnknownRegion ? KnownRegions.ANY : new KnownRegions(SDK_REGIONS));
    }

    /** With --allow-unknown-region: one warning line per region the SDK does not know. */
    void warn(PrintWriter err, Collection<String> regions) {
        if (!allowUnknownRegion) {
            return;
        }
        KnownRegions known = new KnownRegions(SDK_REGIONS);
        new TreeSet<>(regions).forEach(r -> known.problem(r).ifPresent(p -> err.println("warning: region " + p)));
    }
}
