package io.aiusage.domain;

import java.util.Locale;
import java.util.Map;

/**
 * The one place breakdown keys are normalised, so the same language or IDE has one spelling whatever the vendor
 * (Windsurf sends {@code JAVA}, Tabnine {@code java}). Languages and IDEs are trimmed and lower-cased, spaces and
 * underscores become hyphens, then the aliases below apply; a name no alias covers stays as it is (lower-cased).
 * Model names are only trimmed: they are display names or vendor ids, and no two vendors share one. Anything empty is
 * {@link #UNKNOWN}. The {@code BreakdownRow.key} description and the README repeat these tables.
 */
public final class UsageKeys {

    /** The key of figures the vendor gave no key for (or literally called UNKNOWN). */
    public static final String UNKNOWN = "unknown";

    /** Language aliases to their one spelling. */
    static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("golang", "go"),
            Map.entry("c++", "cpp"),
            Map.entry("cplusplus", "cpp"),
            Map.entry("c#", "csharp"),
            Map.entry("cs", "csharp"),
            Map.entry("c-sharp", "csharp"),
            Map.entry("js", "javascript"),
            Map.entry("ts", "typescript"),
            Map.entry("py", "python"),
            Map.entry("kt", "kotlin"),
            Map.entry("rs", "rust"),
            Map.entry("rb", "ruby"),
            Map.entry("objectivec", "objective-c"),
            Map.entry("objc", "objective-c"),
            Map.entry("shellscript", "shell"),
            Map.entry("bash", "shell"),
            Map.entry("sh", "shell"));

    /** IDE aliases to their one spelling: every JetBrains IDE is {@code jetbrains}, as Windsurf reports them. */
    static final Map<String, String> IDES = Map.ofEntries(
            Map.entry("intellij", "jetbrains"),
            Map.entry("intellij-idea", "jetbrains"),
            Map.entry("idea", "jetbrains"),
            Map.entry("pycharm", "jetbrains"),
            Map.entry("webstorm", "jetbrains"),
            Map.entry("goland", "jetbrains"),
            Map.entry("phpstorm", "jetbrains"),
            Map.entry("rider", "jetbrains"),
            Map.entry("clion", "jetbrains"),
            Map.entry("rubymine", "jetbrains"),
            Map.entry("datagrip", "jetbrains"),
            Map.entry("android-studio", "jetbrains"),
            Map.entry("androidstudio", "jetbrains"),
            Map.entry("vs-code", "vscode"),
            Map.entry("visual-studio-code", "vscode"),
            Map.entry("code", "vscode"),
            Map.entry("visualstudio", "visual-studio"),
            Map.entry("vs", "visual-studio"),
            Map.entry("editor", "windsurf"),
            Map.entry("nvim", "neovim"),
            Map.entry("sublime", "sublime-text"),
            Map.entry("sublimetext", "sublime-text"));

    private UsageKeys() {
    }

    /** The one spelling of a vendor's key of {@code dimension}. */
    public static String normalise(UsageDimension dimension, String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        if (dimension == UsageDimension.MODEL) {
            String model = raw.strip();
            return model.equalsIgnoreCase(UNKNOWN) ? UNKNOWN : model;
        }
        String name = raw.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        Map<String, String> aliases = dimension == UsageDimension.LANGUAGE ? LANGUAGES : IDES;
        return aliases.getOrDefault(name, name);
    }
}
