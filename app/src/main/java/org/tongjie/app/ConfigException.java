package org.tongjie.app;

/** A configuration the hub cannot start with; the message names the key, the value, where it came from and what is allowed. */
public final class ConfigException extends RuntimeException {
    ConfigException(String message) {
        super(message);
    }

    ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
