package org.tongjie.ill;

/** No tracked copy matches: the barcode is not on loan, on its way home, or known to ILL at all. */
public final class UnknownCopyException extends RuntimeException {
    public UnknownCopyException(String message) {
        super(message);
    }
}
