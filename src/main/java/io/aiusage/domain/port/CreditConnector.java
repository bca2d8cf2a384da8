package io.aiusage.domain.port;

import java.util.List;

import io.aiusage.domain.CapScope;
import io.aiusage.domain.CreditBalance;
import io.aiusage.domain.CreditCap;
import io.aiusage.domain.PersonCredits;
import io.aiusage.domain.Vendor;

/**
 * A vendor that bills in prompt credits (Windsurf): the current cycle's balance, each person's use, and the add-on
 * credit caps, which it can also set. Optional beside {@link VendorConnector}. Every method may throw a
 * {@link VendorException}.
 */
public interface CreditConnector {

    Vendor vendor();

    /** The current billing cycle's credits. */
    Fetched<CreditBalance> creditBalance();

    /** Every seat's credits used this cycle, e-mails as the vendor holds them. */
    Fetched<List<PersonCredits>> creditsByPerson();

    /** The cap at {@code scope} ({@code cap} null when none is set there). */
    Fetched<CreditCap> creditCap(CapScope scope);

    /** Sets the cap at {@code scope} to {@code cap} (not negative); a cached cap of that scope is forgotten. */
    CreditCap setCreditCap(CapScope scope, long cap);

    /** Removes the cap at {@code scope}; a cached cap of that scope is forgotten. */
    CreditCap clearCreditCap(CapScope scope);
}
