package org.tongjie.catalog;

/** Which field of the source record a normalised value came from, e.g. ("title", "三体", "200$ae"). */
public record Provenance(String field, String value, String source) {}
