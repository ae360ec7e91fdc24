package org.tongjie.ill;

import java.util.List;

/**
 * Which messages a transition sends. Called inside the transition's transaction, so the messages are stored
 * if and only if the move is: a rule that throws undoes the move.
 */
@FunctionalInterface
public interface OutboxRule {
    List<Outgoing> messages(Transition transition);
}
