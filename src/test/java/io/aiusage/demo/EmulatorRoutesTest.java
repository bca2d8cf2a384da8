package io.aiusage.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.aiusage.demo.tabnine.TabnineEmulatorResource;
import io.aiusage.demo.windsurf.WindsurfEmulatorResource;

/** The call counters know every emulated endpoint by the path its resource declares, and match paths as JAX-RS. */
class EmulatorRoutesTest {

    @Test
    void everyEmulatedEndpointHasACounterUnderItsDeclaredPath() {
        assertEquals(declared(WindsurfEmulatorResource.class, "/demo/windsurf"),
                EmulatedVendor.WINDSURF.routes().stream().sorted().toList());
        assertEquals(declared(TabnineEmulatorResource.class, "/demo/tabnine"),
                EmulatedVendor.TABNINE.routes().stream().sorted().toList());
    }

    @Test
    void pathsAreCountedUnderTheirTemplateAndFixedPathsWin() {
        EmulatorCalls calls = new EmulatorCalls();
        for (String path : List.of("/demo/tabnine/api/v1/team/usage", "/demo/tabnine/api/v1/team/abc",
                "/demo/tabnine/api/v1/team/abc/users", "/demo/tabnine/api/v1/team/def/users",
                "/demo/tabnine/api/v1/team//users", "/demo/tabnine/api/v1/team/abc/other",
                "/demo/tabnine/api/v1/user/x%40y")) {
            calls.count(EmulatedVendor.TABNINE, path, EmulatorCalls.Outcome.SERVED);
        }
        calls.count(EmulatedVendor.WINDSURF, "/demo/windsurf/api/v1/Analytics", EmulatorCalls.Outcome.SERVED);
        calls.count(EmulatedVendor.WINDSURF, "/demo/windsurf/api/v2/Analytics", EmulatorCalls.Outcome.SERVED);
        assertEquals(Map.of("/api/v1/team/usage", 1L, "/api/v1/team/{teamId}", 1L,
                "/api/v1/team/{teamId}/users", 2L, "/api/v1/user/{userId}", 1L), calls.counts().tabnine());
        assertEquals(Map.of("Analytics", 1L), calls.counts().windsurf());
        assertEquals(calls.counts().tabnine(), calls.reset().tabnine());
        assertEquals(Map.of(), calls.counts().tabnine());
    }

    private static List<String> declared(Class<?> resource, String prefix) {
        String base = resource.getAnnotation(Path.class).value();
        List<String> routes = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            if (path != null) {
                routes.add((base + "/" + path.value()).substring(prefix.length()));
            }
        }
        return routes.stream().sorted().toList();
    }
}
