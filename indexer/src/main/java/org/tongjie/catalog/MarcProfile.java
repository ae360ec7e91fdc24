package org.tongjie.catalog;

/** Which cataloguing format a record follows; decides how its fields are read. */
public enum MarcProfile {
    MARC21,
    UNIMARC
}
