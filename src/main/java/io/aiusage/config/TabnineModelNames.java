package io.aiusage.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * Display names of Tabnine's chat and agent models by the UUID usage v2 names them by: Tabnine has no endpoint that
 * names them and leaves naming to the client. {@code tabnine.model-names} ({@code TABNINE_MODEL_NAMES}) is a comma list
 * of {@code <uuid>=<name>} pairs; an id without a name is shown as it is.
 */
@ConfigMapping(prefix = "tabnine.model-names")
public interface TabnineModelNames {

    @WithParentName
    Optional<List<String>> pairs();

    /** The names by id; a pair without {@code =} or with an empty side is ignored. */
    default Map<String, String> byId() {
        Map<String, String> names = new HashMap<>();
        pairs().orElse(List.of()).forEach(pair -> {
            int at = pair.indexOf('=');
            if (at > 0 && at < pair.length() - 1) {
                names.put(pair.substring(0, at).strip(), pair.substring(at + 1).strip());
            }
        });
        return names;
    }
}
