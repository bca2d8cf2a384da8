package io.aiusage.domain;

import org.eclipse.microprofile.graphql.Description;

/** What a usage breakdown splits a vendor's figures by. */
@Description("What a usage breakdown splits the figures by. Each dimension carries only the figures its sources "
        + "can split; the others are null on its rows.")
public enum UsageDimension {
    @Description("Programming language: completionsAccepted and completionLinesAccepted. Windsurf: Custom Analytics "
            + "USER_DATA language; Tabnine: v2 per-user languages (the day's figures split evenly among the languages "
            + "the person used that day, apportioned=true).")
    LANGUAGE,
    @Description("Editor or IDE: completions and chat messages (Tabnine also agent messages and lines). Windsurf: "
            + "USER_DATA ide and CHAT_DATA ide; Tabnine: v2 per-user ides (split evenly like LANGUAGE).")
    IDE,
    @Description("Model: chat and agent messages, tokens and credits. Windsurf: CHAT_DATA model_id (chats) and "
            + "CascadeAnalytics cascade_runs model (agent messages, credits); Tabnine: v2 chat.models[] and "
            + "agent.models[] (messages, tokens), ids shown by display name where tabnine.model-names gives one.")
    MODEL
}
