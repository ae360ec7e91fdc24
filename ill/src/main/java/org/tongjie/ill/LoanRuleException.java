package org.tongjie.ill;

/** A loan rule of the lender refuses the action (no renewals left, for example); nothing was written. */
public final class LoanRuleException extends RuntimeException {
    LoanRuleException(String message) {
        super(message);
    }
}
