package org.tongjie.api.auth;

/** How a credential is sent, each named in a 401's {@code WWW-Authenticate} when a route takes it. */
enum Scheme {
    /** An API key: {@code Authorization: Bearer KEY}, or the {@code X-Api-Key: KEY} header. */
    BEARER("Bearer realm=\"tongjie\""),
    /** A reader's card number and PIN: {@code Authorization: Basic base64(card:pin)}. */
    BASIC("Basic realm=\"tongjie\", charset=\"UTF-8\"");

    final String challenge;

    Scheme(String challenge) {
        this.challenge = challenge;
    }
}
