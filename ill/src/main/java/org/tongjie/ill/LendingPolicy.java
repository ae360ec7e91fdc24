package org.tongjie.ill;

import java.time.Duration;

/**
 * A lender's rules for what it lends through ILL.
 *
 * @param loanPeriod     how long the reader keeps the item, counted from the loan
 * @param maxRenewals    how many times the reader or staff may renew
 * @param renewalPeriod  how much each renewal adds (from the current due date, or from now if later)
 * @param recallPeriod   how long the reader has after a recall (never later than the current due date)
 * @param holdPeriod     how long a pickup shelf or locker keeps the item for the reader
 * @param responseTime   how long the lender has to answer before the rota moves on
 * @param maxOpenRequests how many open requests one of this member's readers may have at once
 * @param floating       whether its copies stay where they are returned (and become that library's shelf
 *                       copies) instead of going home
 */
public record LendingPolicy(Duration loanPeriod, int maxRenewals, Duration renewalPeriod, Duration recallPeriod,
                            Duration holdPeriod, Duration responseTime, int maxOpenRequests, boolean floating) {
    /** Most open requests per reader unless a member says otherwise. */
    public static final int DEFAULT_MAX_OPEN_REQUESTS = 10;

    public LendingPolicy {
        Checks.present(loanPeriod, "loan period");
        Checks.present(renewalPeriod, "renewal period");
        Checks.present(recallPeriod, "recall period");
        Checks.present(holdPeriod, "hold period");
        Checks.present(responseTime, "response time");
        if (maxOpenRequests < 1) {
            throw new IllegalArgumentException("max open requests must be 1 or more, was " + maxOpenRequests);
        }
        if (maxRenewals < 0) {
            throw new IllegalArgumentException("max renewals must be 0 or more, was " + maxRenewals);
        }
        for (Duration d : new Duration[] {loanPeriod, renewalPeriod, recallPeriod, holdPeriod, responseTime}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("policy periods must be positive, got " + d);
            }
        }
    }

    /** A policy that sends copies home, with the default limit of open requests per reader. */
    public LendingPolicy(Duration loanPeriod, int maxRenewals, Duration renewalPeriod, Duration recallPeriod,
                         Duration holdPeriod, Duration responseTime) {
        this(loanPeriod, maxRenewals, renewalPeriod, recallPeriod, holdPeriod, responseTime, DEFAULT_MAX_OPEN_REQUESTS,
                false);
    }

    /** The same policy with readers' open requests limited to {@code max} and copies floating or going home. */
    public LendingPolicy withReaders(int max, boolean floats) {
        return new LendingPolicy(loanPeriod, maxRenewals, renewalPeriod, recallPeriod, holdPeriod, responseTime, max, floats);
    }

    /** 30 days, two renewals of 30 days, 7 days after a recall, 7 days on the shelf, 2 days to answer. */
    public static final LendingPolicy DEFAULT = new LendingPolicy(Duration.ofDays(30), 2, Duration.ofDays(30),
            Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(2));
}
