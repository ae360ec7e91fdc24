package org.tongjie.api;

/** The body of every error answer: the HTTP status and a message that says what to change. */
record ApiError(int status, String error) {}
