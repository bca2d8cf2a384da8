package io.aiusage.domain;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The share of new code the assistant wrote over one period. */
@Description("Percent of code written by the assistant over one period [from, to) (Windsurf Custom Analytics "
        + "PCW_DATA): assistantBytes / (assistantBytes + userBytes), where assistantBytes are the bytes of accepted "
        + "autocomplete and Command output (codeium_bytes) and userBytes the bytes people typed themselves "
        + "(user_bytes). Windsurf advises reading it over weeks, not days: a day's figure varies widely.")
public record CodeWritten(
        @NonNull @Description("The vendor measuring it.") Vendor vendor,
        @NonNull @Description("Start of the period (inclusive, UTC).") Instant from,
        @NonNull @Description("End of the period (exclusive, UTC).") Instant to,
        @Description("The language filter this figure is for (normalised, see BreakdownRow.key); null for all.")
        String language,
        @Description("The IDE filter this figure is for (normalised, see BreakdownRow.key); null for all.")
        String ide,
        @Description("assistantBytes / (assistantBytes + userBytes), from 0 to 1; null when nobody wrote code in the "
                + "period.") Double percentCodeWritten,
        @NonNull @Description("Bytes the assistant wrote and people kept (codeium_bytes).") Long assistantBytes,
        @NonNull @Description("Bytes people wrote themselves (user_bytes).") Long userBytes,
        @NonNull @Description("Of assistantBytes, those from autocomplete (codeium_bytes_by_autocomplete).")
        Long assistantBytesByAutocomplete,
        @NonNull @Description("Of assistantBytes, those from Command (codeium_bytes_by_command).")
        Long assistantBytesByCommand) {

    /** The share from its byte counts, the same definition as Windsurf's percent_code_written. */
    public static Double share(long assistantBytes, long userBytes) {
        long total = assistantBytes + userBytes;
        return total == 0 ? null : Math.round(assistantBytes * 10_000.0 / total) / 10_000.0;
    }
}
