package io.aiusage.domain;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

/**
 * One key's share of one vendor's usage over one period. The rows of a vendor and period add up to that vendor's
 * usage bucket for every figure the dimension splits (see {@link UsageDimension}).
 */
@Description("One key's share (a language, IDE or model) of one vendor's usage over one period [from, to). For every "
        + "figure the dimension splits, the rows of a vendor and period add up to that vendor's usage bucket of the "
        + "same period; figures the dimension does not split are null.")
public record BreakdownRow(
        @NonNull @Description("The vendor these figures come from.") Vendor vendor,
        @NonNull @Description("Start of the period (inclusive, UTC).") Instant from,
        @NonNull @Description("End of the period (exclusive, UTC).") Instant to,
        @NonNull @Description("The dimension this row splits by.") UsageDimension dimension,
        @NonNull @Description("The language, IDE or model, in one spelling across vendors: trimmed, lower-cased, "
                + "spaces and underscores as hyphens, then aliases: languages golang=go, c++/cplusplus=cpp, "
                + "c#/cs/c-sharp=csharp, js=javascript, ts=typescript, py=python, kt=kotlin, rs=rust, rb=ruby, "
                + "objc/objectivec=objective-c, bash/sh/shellscript=shell; IDEs intellij/idea/pycharm/webstorm/goland/"
                + "phpstorm/rider/clion/rubymine/datagrip/android-studio=jetbrains, code/vs-code/visual-studio-code="
                + "vscode, vs/visualstudio=visual-studio, editor=windsurf, nvim=neovim, sublime=sublime-text. Models "
                + "keep the vendor's name (Tabnine ids become display names where tabnine.model-names gives one). A "
                + "key only one vendor knows stays as it is; 'unknown' holds figures the vendor gave no key for.")
        String key,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Distinct people who used this key in the period; null where the vendor does not say who "
                + "(Windsurf Cascade models, Tabnine organisation and team models). A person using two keys counts "
                + "in both, so these do not add up to the bucket's activeUsers.") Long activeUsers,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Accepted completions under this key (LANGUAGE, IDE).") Long completionsAccepted,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Lines of accepted completions under this key (LANGUAGE, IDE).") Long completionLinesAccepted,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Chat messages under this key (IDE, MODEL).") Long chatMessages,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Agent messages under this key (MODEL; Tabnine IDE).") Long agentMessages,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Agent-written lines accepted under this key (Tabnine IDE).") Long agentLinesAccepted,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Model input tokens (Tabnine MODEL).") Long inputTokens,
        @AdaptToScalar(Scalar.Int.class)
        @Description("Model output tokens (Tabnine MODEL).") Long outputTokens,
        @Description("Windsurf prompt credits (MODEL: cascade_runs promptsUsed / 100).") Double credits,
        @Description("True when some of these figures are an even split: the vendor named several keys a person "
                + "used that day but not how much of each (Tabnine languages and IDEs). The rows still add up to the "
                + "bucket.") boolean apportioned) {
}
