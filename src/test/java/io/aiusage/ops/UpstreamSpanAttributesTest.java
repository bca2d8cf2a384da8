package io.aiusage.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A vendor call's URL is matched to the REST client whose base URL it is under, the most specific base first. */
class UpstreamSpanAttributesTest {

    /** Demo mode: both vendors under one host, one path each. */
    private final UpstreamSpanAttributes demo = new UpstreamSpanAttributes(new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(Map.of(
                    "quarkus.rest-client.windsurf.url", "http://localhost:8080/demo/windsurf",
                    "quarkus.rest-client.\"tabnine\".url", "http://localhost:8080/demo/tabnine/",
                    "quarkus.rest-client.tabnine.read-timeout", "30000"), "test", 100))
            .build());

    @Test
    void theVendorIsTheRestClientWhoseBaseUrlTheCallIsUnder() {
        assertEquals(Optional.of("windsurf"), demo.vendorOf("http://localhost:8080/demo/windsurf/api/v1/Analytics"));
        assertEquals(Optional.of("tabnine"),
                demo.vendorOf("http://localhost:8080/demo/tabnine/api/v1/organization/users?offset=0&limit=100"));
    }

    @Test
    void otherCallsHaveNoVendor() {
        assertEquals(Optional.empty(), demo.vendorOf("http://localhost:8080/demo/windsurfer/api"));
        assertEquals(Optional.empty(), demo.vendorOf("http://localhost:8080/graphql"));
        assertEquals(Optional.empty(), demo.vendorOf(null));
    }
}
