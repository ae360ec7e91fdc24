package org.tongjie.harvest;

/** Told about a harvest's progress: after each page is stored, with the number of records in it. */
@FunctionalInterface
public interface HarvestListener {
    HarvestListener NONE = records -> { };

    void pageStored(int records);
}
