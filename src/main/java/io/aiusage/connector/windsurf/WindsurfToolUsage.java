package io.aiusage.connector.windsurf;

/** How often Cascade used one tool ({@code cascade_tool_usage}); also the wire shape, where the count is a string. */
public record WindsurfToolUsage(CascadeTool tool, long count) {

    public WindsurfToolUsage {
        tool = tool == null ? CascadeTool.UNKNOWN : tool;
    }
}
