package io.aiusage.demo;

import java.util.List;

/**
 * The values the demo's Windsurf activity is drawn from. The builder picks from these lists and {@link WindsurfDays}
 * stores a row's choice as its index in them, so the two always agree.
 */
final class WindsurfVocabulary {

    static final List<String> CHAT_MODELS = List.of("MODEL_CHAT_GPT_4O_2024_08_06",
            "MODEL_CLAUDE_3_5_SONNET_20241022");
    static final List<String> CHAT_INTENTS = List.of("CHAT_INTENT_GENERIC", "CHAT_INTENT_FUNCTION_EXPLAIN",
            "CHAT_INTENT_FUNCTION_DOCSTRING", "CHAT_INTENT_FUNCTION_REFACTOR", "CHAT_INTENT_CODE_BLOCK_EXPLAIN",
            "CHAT_INTENT_FUNCTION_UNIT_TESTS");
    static final List<String> COMMAND_SOURCES = List.of("COMMAND_REQUEST_SOURCE_DEFAULT",
            "COMMAND_REQUEST_SOURCE_RIGHT_CLICK_REFACTOR", "COMMAND_REQUEST_SOURCE_FUNCTION_CODE_LENS",
            "COMMAND_REQUEST_SOURCE_SELECTION_HINT_CODE_LENS");
    static final List<String> COMMAND_PROVIDERS = List.of("PROVIDER_SOURCE_COMMAND_EDIT",
            "PROVIDER_SOURCE_COMMAND_GENERATE");
    static final List<CascadeModel> CASCADE_MODELS = List.of(new CascadeModel("Claude Sonnet 4", 200),
            new CascadeModel("Claude 3.7 Sonnet (Thinking)", 150), new CascadeModel("GPT-4.1", 100),
            new CascadeModel("SWE-1", 0));
    static final List<String> CASCADE_MODEL_NAMES = CASCADE_MODELS.stream().map(CascadeModel::name).toList();
    static final List<String> CASCADE_MODES = List.of("CONVERSATIONAL_PLANNER_MODE_DEFAULT",
            "CONVERSATIONAL_PLANNER_MODE_READ_ONLY", "CONVERSATIONAL_PLANNER_MODE_NO_TOOL");
    static final List<String> CASCADE_TOOLS = List.of("CODE_ACTION", "FIND", "GREP_SEARCH", "LIST_DIRECTORY",
            "MCP_TOOL", "RUN_COMMAND", "SEARCH_WEB", "VIEW_FILE");

    /** A Cascade model and what one message costs, in cents of a prompt credit. */
    record CascadeModel(String name, long centsPerMessage) {
    }

    private WindsurfVocabulary() {
    }

    /** The index of {@code value} in {@code values}; a value from elsewhere is a generator bug. */
    static int index(List<String> values, String value) {
        int index = values.indexOf(value);
        if (index < 0) {
            throw new IllegalStateException("not in the demo vocabulary: " + value);
        }
        return index;
    }
}
