package org.tongjie.marc;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every microbenchmark here runs with (JMH reads them from the superclass): operations per
 * second, one forked JVM with the hub's collector, short iterations since the machine is small and shared.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC"})
public abstract class JmhSettings {
    private int cursor;

    /** The next element of the records a benchmark cycles through, round the list again at its end. */
    protected <T> T next(List<T> list) {
        cursor = (cursor + 1) % list.size();
        return list.get(cursor);
    }
}
