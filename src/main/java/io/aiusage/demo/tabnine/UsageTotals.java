package io.aiusage.demo.tabnine;

import java.util.EnumMap;
import java.util.Map;

import io.aiusage.demo.TabnineModel;
import io.aiusage.demo.TabnineSeat;

/**
 * The figures of one usage bucket: sums of the users' days in it, and how many distinct users had activity of each
 * kind (any, completions, chat, agent, and per model). Filled either one user at a time from the users' days
 * ({@link #add}: a user's days come together, so remembering the last user counted is enough to count each once) or
 * from a scope's daily aggregate ({@link TabnineDaily}). Mutable while it is filled.
 */
final class UsageTotals {

    int users;
    int completionUsers;
    int chatUsers;
    int agentUsers;
    final Map<TabnineModel, ModelTotals> chatModels = new EnumMap<>(TabnineModel.class);
    final Map<TabnineModel, ModelTotals> agentModels = new EnumMap<>(TabnineModel.class);
    long completions;
    long completionLines;
    long charsCompleted;
    long keystrokes;
    long chatMessages;
    long usefulChatMessages;
    long chatLinesAdded;
    long instructAccepted;
    long agentMessages;
    long agentLinesAdded;
    long agentLinesAddedAccepted;
    long agentLinesRemoved;
    long agentLinesRemovedAccepted;

    private int lastUser = -1;
    private int lastCompletionUser = -1;
    private int lastChatUser = -1;
    private int lastAgentUser = -1;

    /** One model's figures in a bucket. */
    static final class ModelTotals {
        int users;
        long messages;
        long inputTokens;
        long outputTokens;
        private int lastUser = -1;

        static ModelTotals of(Map<TabnineModel, ModelTotals> models, TabnineModel model) {
            return models.computeIfAbsent(model, m -> new ModelTotals());
        }
    }

    /** Adds one day of {@code user} (any number that tells the users apart); a user's days must come together. */
    void add(int user, TabnineSeat.Day day) {
        if (lastUser != user) {
            users++;
            lastUser = user;
        }
        if (day.completions() > 0 && lastCompletionUser != user) {
            completionUsers++;
            lastCompletionUser = user;
        }
        if (day.chatMessages() > 0 && lastChatUser != user) {
            chatUsers++;
            lastChatUser = user;
        }
        if (day.agentMessages() > 0 && lastAgentUser != user) {
            agentUsers++;
            lastAgentUser = user;
        }
        completions += day.completions();
        completionLines += day.completionLines();
        charsCompleted += day.charsCompleted();
        keystrokes += day.keystrokes();
        chatMessages += day.chatMessages();
        usefulChatMessages += day.usefulChatMessages();
        chatLinesAdded += day.chatLinesAdded();
        instructAccepted += day.instructAccepted();
        agentMessages += day.agentMessages();
        agentLinesAdded += day.agentLinesAdded();
        agentLinesAddedAccepted += day.agentLinesAddedAccepted();
        agentLinesRemoved += day.agentLinesRemoved();
        agentLinesRemovedAccepted += day.agentLinesRemovedAccepted();
        add(chatModels, user, day.chatModels());
        add(agentModels, user, day.agentModels());
    }

    private static void add(Map<TabnineModel, ModelTotals> models, int user, Iterable<TabnineSeat.ModelUse> uses) {
        for (TabnineSeat.ModelUse use : uses) {
            ModelTotals totals = ModelTotals.of(models, use.model());
            if (totals.lastUser != user) {
                totals.users++;
                totals.lastUser = user;
            }
            totals.messages += use.messages();
            totals.inputTokens += use.inputTokens();
            totals.outputTokens += use.outputTokens();
        }
    }
}
