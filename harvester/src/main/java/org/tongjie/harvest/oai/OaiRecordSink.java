package org.tongjie.harvest.oai;

/**
 * Where harvested records go. The client calls {@link #record} for each record of a page, in the
 * provider's order, then {@link #pageDone} once: store the records and the checkpoint together there.
 * A page reaches the sink only once it has been read whole, so a page that fails is never half delivered.
 * Exceptions thrown here stop the harvest and reach the caller unchanged.
 */
public interface OaiRecordSink {
    void record(OaiRecord record);

    void pageDone(PageCheckpoint checkpoint);
}
