package org.tongjie.ill;

import java.time.Duration;

/** What a reader's sign-in with card number and PIN came to. */
public sealed interface SignIn {
    /** The card and PIN are right. */
    record Accepted(Reader reader) implements SignIn {}

    /** The card number or the PIN is wrong (which of them is not told). */
    record Refused(int failures) implements SignIn {}

    /** Too many failures in a row: the PIN was not checked; try again after {@code retryAfter}. */
    record Wait(Duration retryAfter) implements SignIn {}

    /** Locked after {@link SignInFailures#LOCK_AFTER} failures, until the reader's home library desk unlocks it. */
    record Locked() implements SignIn {}
}
