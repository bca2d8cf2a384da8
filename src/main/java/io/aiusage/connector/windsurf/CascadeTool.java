package io.aiusage.connector.windsurf;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Cascade tools as Windsurf documents them. The vendor adds tools over time and itself sends UNKNOWN, so any value not
 * listed here reads as UNKNOWN instead of failing the answer.
 */
public enum CascadeTool {
    CODE_ACTION,
    VIEW_FILE,
    RUN_COMMAND,
    FIND,
    GREP_SEARCH,
    VIEW_FILE_OUTLINE,
    /** Riptide. */
    MQUERY,
    WORKFLOWS_USED,
    LIST_DIRECTORY,
    MCP_TOOL,
    PROPOSE_CODE,
    SEARCH_WEB,
    MEMORY,
    /** Browser Preview. */
    PROXY_WEB_SERVER,
    DEPLOY_WEB_APP,
    @JsonEnumDefaultValue
    UNKNOWN
}
