package io.aiusage.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The chat and agent models of the emulated Tabnine, with list prices per million tokens. Usage v2 names a model by
 * UUID, agent-usage by its name; both come from here.
 */
public enum TabnineModel {
    CLAUDE_SONNET_4("claude-sonnet-4-20250514", 3.00, 15.00),
    GPT_4O("gpt-4o-2024-08-06", 2.50, 10.00),
    GEMINI_PRO("gemini-2.5-pro", 1.25, 10.00),
    TABNINE_PROTECTED("tabnine-protected-2", 0.40, 1.20);

    private final String modelName;
    private final String uuid;
    private final double inputPricePerMillion;
    private final double outputPricePerMillion;

    TabnineModel(String modelName, double inputPricePerMillion, double outputPricePerMillion) {
        this.modelName = modelName;
        this.uuid = UUID.nameUUIDFromBytes(("tabnine-model:" + modelName).getBytes(StandardCharsets.UTF_8)).toString();
        this.inputPricePerMillion = inputPricePerMillion;
        this.outputPricePerMillion = outputPricePerMillion;
    }

    public String modelName() {
        return modelName;
    }

    public String uuid() {
        return uuid;
    }

    /** List price in US dollars of the given token counts. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPricePerMillion + outputTokens * outputPricePerMillion) / 1_000_000d;
    }
}
