package org.tongjie.dedup;

import java.util.Optional;

/**
 * Whether two records describe the same edition, and why: the rule that joined them
 * ({@code isbn}, {@code issn}, {@code title-author-year}), or the veto that kept them apart.
 */
record MatchDecision(boolean sameEdition, Optional<String> rule, Optional<String> veto) {
    static MatchDecision joinedBy(String rule) {
        return new MatchDecision(true, Optional.of(rule), Optional.empty());
    }

    static MatchDecision vetoed(String why) {
        return new MatchDecision(false, Optional.empty(), Optional.of(why));
    }

    static MatchDecision noEvidence() {
        return new MatchDecision(false, Optional.empty(), Optional.empty());
    }
}
