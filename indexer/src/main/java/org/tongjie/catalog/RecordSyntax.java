package org.tongjie.catalog;

/** How a source record was serialised when the member sent it. */
public enum RecordSyntax {
    ISO2709,
    MARCXML
}
