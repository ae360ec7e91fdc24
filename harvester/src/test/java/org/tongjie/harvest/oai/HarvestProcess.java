package org.tongjie.harvest.oai;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.HarvestScheduler;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.indexer.Catalog;
import org.tongjie.harvest.HarvestRun;

/**
 * What the hub does about harvests, in a JVM of its own so a test can kill it: open the catalogue, start
 * the scheduler (which resumes a run the last process left RUNNING), or else start a run, and exit when
 * the run ends: 0 if it succeeded.
 */
public final class HarvestProcess {
    static final Library LC = new Library("lc", "国会图书馆", "Library of Congress", LibraryKind.CENTRAL, Optional.empty(),
            "", Optional.empty());

    private HarvestProcess() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        var member = new Member(LC, new MemberSource.OaiPmh(OaiEndpoint.marc21(URI.create(args[1]))),
                Optional.empty(), Optional.empty());
        var clock = Clock.systemUTC();
        var log = HarvestLog.open(data, clock);
        try (var catalog = Catalog.open(data, clock);
             var scheduler = new HarvestScheduler(log, new MemberDirectory(List.of(member)), clock,
                     HarvestScheduler.standard(catalog, log, clock), Duration.ofHours(1))) {
            catalog.libraries().save(LC);
            scheduler.start();
            if (scheduler.runningRun("lc").isEmpty()) {
                scheduler.trigger("lc", "manual");
            }
            while (scheduler.runningRun("lc").isPresent()) {
                Thread.sleep(20);
            }
            HarvestRun last = scheduler.runs("lc", 1).getFirst();
            System.out.println("run " + last.id() + " " + last.status() + " " + last.error().orElse(""));
            System.exit(last.status() == HarvestRun.Status.SUCCEEDED ? 0 : 1);
        }
    }
}
