package org.tongjie.ill;

import java.util.Optional;

/**
 * What a check-in by barcode did (通借通还: at any desk of the network).
 *
 * @param request    the loan the copy was lent for, after the check-in
 * @param filledHold the waiting request the copy now goes to, when it filled a hold
 */
public record CheckIn(Decision decision, Copy copy, IllRequest request, Optional<IllRequest> filledHold) {
    /** Where the copy goes from the desk that checked it in. */
    public enum Decision {
        /** Back on its owner's shelf. */
        HOME_SHELF,
        /** To its owner, by courier (the owner's policy). */
        SEND_HOME,
        /** Stays at the desk's library and becomes its shelf copy for routing (the owner's policy). */
        FLOAT,
        /** To the first reader waiting for the title: the request is routed to the desk's library. */
        FILL_HOLD
    }
}
