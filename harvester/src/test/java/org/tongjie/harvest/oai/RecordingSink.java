package org.tongjie.harvest.oai;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a harvest delivered, in order; one per test. */
class RecordingSink implements OaiRecordSink {
    final List<OaiRecord> records = new ArrayList<>();
    final List<PageCheckpoint> checkpoints = new ArrayList<>();

    @Override
    public void record(OaiRecord record) {
        records.add(record);
    }

    @Override
    public void pageDone(PageCheckpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    List<String> identifiers() {
        return records.stream().map(r -> r.header().identifier()).toList();
    }
}
