package io.aiusage.domain.port;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aiusage.domain.Vendor;
import io.quarkus.arc.All;

/** Every connector bean, in {@link Vendor} order. A vendor without a connector bean counts as not configured. */
@ApplicationScoped
public class VendorConnectors {

    private final List<VendorConnector> all;

    public VendorConnectors(@All List<VendorConnector> connectors) {
        this.all = connectors.stream().sorted(Comparator.comparing(VendorConnector::vendor)).toList();
    }

    public Optional<VendorConnector> find(Vendor vendor) {
        return all.stream().filter(c -> c.vendor() == vendor).findFirst();
    }

    /** Configured connectors, all of them or only {@code vendor}'s when it is not null. */
    public List<VendorConnector> configured(Vendor vendor) {
        return all.stream().filter(VendorConnector::configured)
                .filter(c -> vendor == null || c.vendor() == vendor).toList();
    }
}
